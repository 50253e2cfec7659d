using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Requests.Routing.Accounts;

/// <summary>The key routing signs staff tokens with (ES256): a PEM file that only routing reads
/// (<c>Auth:SigningKeyFile</c>), created at the first start. The other services get its public half from
/// <c>/.well-known/jwks.json</c>.</summary>
public sealed class StaffSigningKey
{
    private StaffSigningKey(ECDsa key)
    {
        Private = new ECDsaSecurityKey(key);
        Public = new ECDsaSecurityKey(ECDsa.Create(key.ExportParameters(includePrivateParameters: false)));
        Private.KeyId = Public.KeyId = Base64Url.EncodeToString(JsonWebKeyConverter.ConvertFromECDsaSecurityKey(Public).ComputeJwkThumbprint());
    }

    public ECDsaSecurityKey Private { get; }

    public ECDsaSecurityKey Public { get; }

    /// <summary>The public key as a JSON Web Key Set.</summary>
    public object Jwks()
    {
        var point = Public.ECDsa.ExportParameters(includePrivateParameters: false).Q;
        var key = new
        {
            kty = "EC", use = "sig", alg = SecurityAlgorithms.EcdsaSha256, kid = Public.KeyId, crv = "P-256",
            x = Base64Url.EncodeToString(point.X), y = Base64Url.EncodeToString(point.Y),
        };
        return new { keys = new[] { key } };
    }

    public static StaffSigningKey LoadOrCreate(string file)
    {
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        if (File.Exists(file))
        {
            key.ImportFromPem(File.ReadAllText(file));
            return new StaffSigningKey(key);
        }
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        try
        {
            using var writer = new StreamWriter(new FileStream(file, options));
            writer.Write(key.ExportPkcs8PrivateKeyPem());
        }
        catch (IOException) when (File.Exists(file))
        {
            key.ImportFromPem(File.ReadAllText(file)); // another instance wrote it first
        }
        return new StaffSigningKey(key);
    }
}
