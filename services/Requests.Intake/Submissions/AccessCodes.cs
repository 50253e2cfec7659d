using System.Security.Cryptography;
using System.Text;

namespace Requests.Intake.Submissions;

/// <summary>
/// The secret a citizen needs, with the tracking number, to see a case: ten characters of Crockford's base 32
/// (50 bits; no I, L, O or U to misread), shown as <c>XXXXX-XXXXX</c>. Only its SHA-256 hash is stored.
/// </summary>
public static class AccessCodes
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string New()
    {
        Span<char> code = stackalloc char[11];
        Span<byte> random = stackalloc byte[10];
        RandomNumberGenerator.Fill(random);
        for (int i = 0, j = 0; i < 11; i++)
            code[i] = i == 5 ? '-' : Alphabet[random[j++] & 31];
        return new string(code);
    }

    public static byte[] Hash(string code)
    {
        // what a citizen types may differ in case and separators from what we printed
        var normalized = code.Replace("-", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal)
            .ToUpperInvariant();
        return SHA256.HashData(Encoding.UTF8.GetBytes(normalized));
    }

    public static bool Matches(string? code, byte[] hash) =>
        CryptographicOperations.FixedTimeEquals(Hash(code ?? ""), hash);
}
