using System.Security.Cryptography;
using System.Text;

namespace Requests.Intake.Submissions;

/// <summary>
/// The secret a citizen needs, with the tracking number, to see a case: ten characters of Crockford's base 32
/// (50 bits; no I, L, O or U to misread), shown as <c>XXXXX-XXXXX</c>. Only a keyed hash is stored: HMAC-SHA256, under
/// a secret kept outside the database, of the code's SHA-256, after a version byte. 50 bits are few enough to try them
/// all against a bare hash; without the secret, a copy of the database tells nothing.
/// </summary>
public sealed class AccessCodes(byte[] key)
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private const byte Keyed = 1;

    /// <summary>The secret: <c>Intake:AccessCodeKey</c> (base64), else the file <c>Intake:AccessCodeKeyFile</c>, created
    /// readable by its owner only when missing.</summary>
    public static AccessCodes Load(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration["Intake:AccessCodeKey"] is { Length: > 0 } setting)
            return new AccessCodes(Convert.FromBase64String(setting));
        var file = configuration["Intake:AccessCodeKeyFile"];
        if (string.IsNullOrEmpty(file))
            file = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData,
                Environment.SpecialFolderOption.Create), "Requests", "intake-access-code.key");
        return new AccessCodes(LoadOrCreate(Path.GetFullPath(file)));
    }

    public static string New()
    {
        Span<char> code = stackalloc char[11];
        Span<byte> random = stackalloc byte[10];
        RandomNumberGenerator.Fill(random);
        for (int i = 0, j = 0; i < 11; i++)
            code[i] = i == 5 ? '-' : Alphabet[random[j++] & 31];
        return new string(code);
    }

    public byte[] Hash(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        // what a citizen types may differ in case and separators from what we printed
        var normalized = code.Replace("-", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal)
            .ToUpperInvariant();
        return Key(SHA256.HashData(Encoding.UTF8.GetBytes(normalized)));
    }

    public bool Matches(string? code, byte[] hash) =>
        CryptographicOperations.FixedTimeEquals(Hash(code ?? ""), hash);

    /// <summary>A hash stored before they were keyed (a bare SHA-256, 32 bytes) made keyed: the same code matches it.</summary>
    public byte[] Upgrade(byte[] stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return stored.Length == SHA256.HashSizeInBytes ? Key(stored) : stored;
    }

    private byte[] Key(ReadOnlySpan<byte> sha256)
    {
        var keyed = new byte[1 + HMACSHA256.HashSizeInBytes];
        keyed[0] = Keyed;
        HMACSHA256.HashData(key, sha256, keyed.AsSpan(1));
        return keyed;
    }

    private static byte[] LoadOrCreate(string file)
    {
        if (File.Exists(file))
            return File.ReadAllBytes(file);
        var folder = Path.GetDirectoryName(file)!;
        if (OperatingSystem.IsWindows())
            Directory.CreateDirectory(folder);
        else
            Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        // written whole under another name, then moved: another instance starting at once reads a whole key or makes its own first
        var key = RandomNumberGenerator.GetBytes(32);
        var temporary = $"{file}.{Guid.NewGuid():N}";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var stream = new FileStream(temporary, options))
            stream.Write(key);
        try
        {
            File.Move(temporary, file, overwrite: false);
            return key;
        }
        catch (IOException) when (File.Exists(file))
        {
            File.Delete(temporary);
            return File.ReadAllBytes(file);
        }
    }
}
