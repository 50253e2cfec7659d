using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Requests.Intake.Benchmarks;

/// <summary>
/// One keep-alive HTTP/1.1 connection, one request at a time, over a raw socket: a few microseconds of client CPU
/// per request where HttpClient costs several times more, which matters when client and server share two cores.
/// It understands what Kestrel answers: a status line, <c>Content-Length</c> or chunked bodies, <c>Connection: close</c>.
/// </summary>
internal sealed class HttpConnection : IDisposable
{
    private readonly Socket _socket;
    private byte[] _in = new byte[16 * 1024];
    private int _start, _end;
    private byte[] _body = new byte[4 * 1024];

    private HttpConnection(Socket socket) => _socket = socket;

    /// <summary>The body of the last response (de-chunked).</summary>
    public ReadOnlySpan<byte> Body => _body.AsSpan(0, BodyLength);

    public int BodyLength { get; private set; }

    /// <summary>The server asked to close after the last response: open a new connection for the next.</summary>
    public bool Closed { get; private set; }

    public static async Task<HttpConnection> OpenAsync(IPEndPoint server, CancellationToken cancellationToken = default)
    {
        var socket = new Socket(server.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(server, cancellationToken);
            return new HttpConnection(socket);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Sends one complete request and reads its response; returns the status code.</summary>
    public async ValueTask<int> ExchangeAsync(ReadOnlyMemory<byte> request)
    {
        while (!request.IsEmpty)
        {
            var sent = await _socket.SendAsync(request, SocketFlags.None);
            request = request[sent..];
        }

        int headerLength;
        while ((headerLength = IndexOf(_in, _start, _end, "\r\n\r\n"u8)) < 0)
            await FillAsync();
        var head = ParseHead(_in.AsSpan(_start, headerLength));
        _start += headerLength + 4;
        BodyLength = 0;

        if (head.Chunked)
        {
            while (true)
            {
                int lineLength;
                while ((lineLength = IndexOf(_in, _start, _end, "\r\n"u8)) < 0)
                    await FillAsync();
                var size = ParseHex(_in.AsSpan(_start, lineLength));
                _start += lineLength + 2;
                while (_end - _start < size + 2)
                    await FillAsync();
                Append(size);
                _start += size + 2; // the chunk and its CRLF; the last chunk (0) has no trailers from Kestrel
                if (size == 0)
                    break;
            }
        }
        else if (head.ContentLength > 0)
        {
            while (_end - _start < head.ContentLength)
                await FillAsync();
            Append(head.ContentLength);
            _start += head.ContentLength;
        }
        Closed = head.Close;
        return head.Status;
    }

    private void Append(int count)
    {
        if (BodyLength + count > _body.Length)
            Array.Resize(ref _body, Math.Max(_body.Length * 2, BodyLength + count));
        _in.AsSpan(_start, count).CopyTo(_body.AsSpan(BodyLength));
        BodyLength += count;
    }

    private async ValueTask FillAsync()
    {
        if (_start == _end)
        {
            _start = _end = 0;
        }
        else if (_end == _in.Length)
        {
            if (_start == 0)
                Array.Resize(ref _in, _in.Length * 2);
            else
            {
                Buffer.BlockCopy(_in, _start, _in, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }
        }
        var received = await _socket.ReceiveAsync(_in.AsMemory(_end), SocketFlags.None);
        if (received == 0)
            throw new IOException("The server closed the connection in the middle of a response.");
        _end += received;
    }

    private static int IndexOf(byte[] buffer, int start, int end, ReadOnlySpan<byte> value) =>
        buffer.AsSpan(start, end - start).IndexOf(value);

    private readonly record struct Head(int Status, int ContentLength, bool Chunked, bool Close);

    private static Head ParseHead(ReadOnlySpan<byte> head)
    {
        // HTTP/1.1 201 Created
        if (head.Length < 12 || !head.StartsWith("HTTP/1."u8))
            throw new IOException($"Not an HTTP response: {Encoding.ASCII.GetString(head[..Math.Min(head.Length, 40)])}");
        var status = (head[9] - '0') * 100 + (head[10] - '0') * 10 + (head[11] - '0');
        int contentLength = -1;
        bool chunked = false, close = false;
        var rest = head;
        while (true)
        {
            var eol = rest.IndexOf("\r\n"u8);
            if (eol < 0)
                break;
            rest = rest[(eol + 2)..];
            var line = rest;
            var next = rest.IndexOf("\r\n"u8);
            if (next >= 0)
                line = rest[..next];
            var colon = line.IndexOf((byte)':');
            if (colon <= 0)
                continue;
            var name = line[..colon];
            var value = line[(colon + 1)..].Trim((byte)' ');
            if (name.Length == 14 && Ascii.EqualsIgnoreCase(name, "content-length"u8))
                contentLength = ParseDecimal(value);
            else if (name.Length == 17 && Ascii.EqualsIgnoreCase(name, "transfer-encoding"u8))
                chunked = Ascii.EqualsIgnoreCase(value, "chunked"u8);
            else if (name.Length == 10 && Ascii.EqualsIgnoreCase(name, "connection"u8))
                close = Ascii.EqualsIgnoreCase(value, "close"u8);
        }
        return new Head(status, contentLength, chunked, close);
    }

    private static int ParseDecimal(ReadOnlySpan<byte> digits)
    {
        var value = 0;
        foreach (var digit in digits)
            value = value * 10 + (digit - '0');
        return value;
    }

    private static int ParseHex(ReadOnlySpan<byte> line)
    {
        var value = 0;
        foreach (var c in line)
        {
            int digit = c switch
            {
                >= (byte)'0' and <= (byte)'9' => c - '0',
                >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
                >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
                _ => -1,
            };
            if (digit < 0)
                break; // chunk extensions
            value = value * 16 + digit;
        }
        return value;
    }

    public void Dispose() => _socket.Dispose();
}
