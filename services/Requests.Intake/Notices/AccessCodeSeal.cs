using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Requests.Intake.Storage;

namespace Requests.Intake.Notices;

/// <summary>
/// Seals a receipt's access code so that the database never holds it in clear: AES-GCM under a key of this process,
/// the key itself stored wrapped by the Data Protection key ring (<c>receipt_keys</c>, one row per process start).
/// One Data Protection call per process instead of one per filing (about 20 µs each: a fifth of a filing's cost).
/// A sealed code reads <c>{keyId}.{nonce, tag and cipher text in base64url}</c>: letters, digits, <c>-</c>, <c>_</c> and a dot.
/// </summary>
public sealed class AccessCodeSeal(IServiceScopeFactory scopes, IDataProtectionProvider protection)
{
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly IDataProtector _protector = protection.CreateProtector("Requests.Intake.ReceiptAccessCode");
    private readonly ConcurrentDictionary<string, byte[]> _keys = new(StringComparer.Ordinal);
    private (string Id, byte[] Key)? _own;
    private readonly Lock _gate = new();

    public string Seal(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var (id, key) = Own();
        var plain = Encoding.UTF8.GetBytes(code);
        var sealedBytes = new byte[NonceSize + TagSize + plain.Length];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceSize + TagSize), sealedBytes.AsSpan(NonceSize, TagSize));
        return $"{id}.{Base64Url.EncodeToString(sealedBytes)}";
    }

    public string Open(string sealedCode)
    {
        ArgumentNullException.ThrowIfNull(sealedCode);
        var dot = sealedCode.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0)
            throw new CryptographicException("Not a sealed access code.");
        var key = KeyOf(sealedCode[..dot]);
        var sealedBytes = Base64Url.DecodeFromChars(sealedCode.AsSpan(dot + 1));
        var plain = new byte[sealedBytes.Length - NonceSize - TagSize];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(sealedBytes.AsSpan(0, NonceSize), sealedBytes.AsSpan(NonceSize + TagSize), sealedBytes.AsSpan(NonceSize, TagSize), plain);
        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>This process's key: made and stored (wrapped) on first use.</summary>
    private (string Id, byte[] Key) Own()
    {
        if (_own is { } own)
            return own;
        lock (_gate)
        {
            if (_own is { } made)
                return made;
            var id = Guid.NewGuid().ToString("N");
            var key = RandomNumberGenerator.GetBytes(32);
            using (var scope = scopes.CreateScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
                db.ReceiptKeys.Add(new ReceiptKey { Id = id, WrappedKey = Base64Url.EncodeToString(_protector.Protect(key)), CreatedAt = DateTime.UtcNow });
                db.SaveChanges();
            }
            _keys[id] = key;
            _own = (id, key);
            return _own.Value;
        }
    }

    private byte[] KeyOf(string id) => _keys.GetOrAdd(id, keyId =>
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        var wrapped = db.ReceiptKeys.Where(k => k.Id == keyId).Select(k => k.WrappedKey).FirstOrDefault()
            ?? throw new CryptographicException($"No receipt key {keyId}.");
        return _protector.Unprotect(Base64Url.DecodeFromChars(wrapped));
    });
}
