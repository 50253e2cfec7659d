using System.Security.Cryptography;
using System.Text;

namespace Requests.Routing.Deadlines;

/// <summary>The same id for the same name, every time: a message that must be sent once per day and officer gets the id of
/// that pair, and the outbox's unique index turns a second attempt into nothing. Name-based like a version-5 UUID, with
/// SHA-256 instead of SHA-1 (a version-8 UUID, RFC 9562).</summary>
public static class NameBasedGuid
{
    // our own namespace, so that these ids never meet another system's name-based ids
    private static readonly Guid Namespace = new("5f0c8d3e-2b1a-4c6e-9d7f-31a2b4c6d8e0");

    public static Guid For(string name)
    {
        var bytes = new byte[16 + Encoding.UTF8.GetByteCount(name)];
        Namespace.TryWriteBytes(bytes, bigEndian: true, out _);
        Encoding.UTF8.GetBytes(name, bytes.AsSpan(16));
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(bytes, hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80); // version 8
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80); // RFC 9562 variant
        return new Guid(hash[..16], bigEndian: true);
    }
}
