using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Requests.Testing;

/// <summary>An ES256 key of the test's own, and staff tokens signed with it the way routing signs them.</summary>
public sealed class TestSigningKey
{
    private readonly ECDsaSecurityKey _key = new(ECDsa.Create(ECCurve.NamedCurves.nistP256));

    /// <summary>Writes the public key as PEM (for <c>Auth:PublicKeyFile</c>) and returns the file's path.</summary>
    public string WritePublicKey(string file)
    {
        File.WriteAllText(file, _key.ECDsa.ExportSubjectPublicKeyInfoPem());
        return file;
    }

    /// <summary>A token for <paramref name="role"/> designated for <paramref name="bodies"/>, valid for 15 minutes from <paramref name="now"/>.</summary>
    public string StaffToken(string role, IReadOnlyList<string> bodies, DateTimeOffset now) => Sign(new Dictionary<string, object>
    {
        ["sub"] = Guid.NewGuid().ToString(),
        ["name"] = $"{role}-{string.Join("-", bodies)}".ToLowerInvariant(),
        ["role"] = role,
        ["requests:body"] = bodies.ToArray(),
        ["iss"] = "requests-routing",
        ["aud"] = "requests",
        ["iat"] = now.ToUnixTimeSeconds(),
        ["nbf"] = now.ToUnixTimeSeconds(),
        ["exp"] = now.AddMinutes(15).ToUnixTimeSeconds(),
    });

    /// <summary>The same claims and key id as <paramref name="token"/>, signed with this key instead: a forgery.</summary>
    public string Resign(string token)
    {
        var original = new JsonWebToken(token);
        var payload = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(original.EncodedPayload));
        _key.KeyId = original.Kid;
        return new JsonWebTokenHandler().CreateToken(payload, new SigningCredentials(_key, SecurityAlgorithms.EcdsaSha256));
    }

    private string Sign(Dictionary<string, object> claims) => new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }
        .CreateToken(new SecurityTokenDescriptor
        {
            Claims = claims,
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.EcdsaSha256),
        });
}
