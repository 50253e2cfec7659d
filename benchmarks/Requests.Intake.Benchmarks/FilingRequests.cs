using System.Text;

namespace Requests.Intake.Benchmarks;

/// <summary>
/// Writes complete <c>POST /api/requests</c> requests straight into a byte buffer: a valid information request whose
/// subject, identity number and e-mail differ for every filing, so no two bodies are the same.
/// </summary>
internal sealed class FilingRequests(string host)
{
    private static long _next;

    private readonly byte[] _head = Encoding.ASCII.GetBytes(
        $"POST /api/requests HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\nContent-Length: ");

    private static readonly byte[] BodyStart = Encoding.UTF8.GetBytes(
        """{"bodyCode":"MEF","subject":"Budget execution report no. """);

    private static readonly byte[] BodyIdentity = Encoding.UTF8.GetBytes(
        "\",\"description\":\"The quarterly budget execution reports for 2025, with the detail by programme.\"," +
        "\"delivery\":\"email\",\"urgent\":false,\"requester\":{\"fullName\":\"Amina Alaoui\",\"identityNumber\":\"AB");

    private static readonly byte[] BodyEmail = Encoding.UTF8.GetBytes("\",\"email\":\"citizen");

    private static readonly byte[] BodyEnd = Encoding.UTF8.GetBytes(
        """@example.ma","phone":"+212 600 000 000"},"consent":true,"language":"fr"}""");

    /// <summary>How many filing bodies were written, across every connection.</summary>
    public static long Written => Interlocked.Read(ref _next);

    /// <summary>Writes the next filing into <paramref name="buffer"/> and returns its length.</summary>
    public int Write(byte[] buffer)
    {
        var n = Interlocked.Increment(ref _next);
        Span<byte> body = stackalloc byte[512];
        var length = 0;
        Put(body, ref length, BodyStart);
        Number(body, ref length, n);
        Put(body, ref length, BodyIdentity);
        Number(body, ref length, 100_000 + n % 900_000);
        Put(body, ref length, BodyEmail);
        Number(body, ref length, n);
        Put(body, ref length, BodyEnd);

        var total = 0;
        var output = buffer.AsSpan();
        Put(output, ref total, _head);
        Number(output, ref total, length);
        Put(output, ref total, "\r\n\r\n"u8);
        Put(output, ref total, body[..length]);
        return total;
    }

    private static void Put(Span<byte> to, ref int at, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(to[at..]);
        at += bytes.Length;
    }

    private static void Number(Span<byte> to, ref int at, long value)
    {
        value.TryFormat(to[at..], out var written, default, System.Globalization.CultureInfo.InvariantCulture);
        at += written;
    }
}
