using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Requests.Notifications.Tests.Infrastructure;

/// <summary>
/// A small SMTP server on the loopback, for what maildev cannot show: how many connections were opened, a recipient
/// refused, a message deferred, a connection dropped. It answers the commands MailKit sends and records each message.
/// </summary>
public sealed class SmtpPeer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private int _connections;

    public SmtpPeer()
    {
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;
    public int Connections => Volatile.Read(ref _connections);

    /// <summary>Every message the peer received in full, accepted or deferred.</summary>
    public ConcurrentQueue<(string To, string Data, bool Accepted)> Received { get; } = new();

    public IEnumerable<string> Accepted => Received.Where(m => m.Accepted).Select(m => m.To);

    /// <summary>Recipients answered <c>550</c> at <c>RCPT TO</c>.</summary>
    public Func<string, bool> Refuse { get; set; } = _ => false;

    /// <summary>Recipients whose first message is answered <c>451</c> after its data.</summary>
    public Func<string, bool> DeferOnce { get; set; } = _ => false;

    /// <summary>When set, the peer offers <c>AUTH PLAIN</c> and records each <c>user:password</c> it is given.</summary>
    public bool Authenticates { get; set; }

    public ConcurrentQueue<string> Logins { get; } = new();

    /// <summary>The peer hangs up without a word after accepting this many messages on a connection.</summary>
    public int DropAfter { get; set; } = int.MaxValue;

    private async Task AcceptAsync()
    {
        var sessions = new List<Task>();
        try
        {
            while (true)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                Interlocked.Increment(ref _connections);
                sessions.Add(ServeAsync(client));
            }
        }
        catch (OperationCanceledException)
        {
        }
        await Task.WhenAll(sessions);
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        await using var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.Latin1);
        await using var writer = new StreamWriter(stream, Encoding.Latin1) { NewLine = "\r\n", AutoFlush = true };
        string? to = null;
        var accepted = 0;
        try
        {
            await writer.WriteLineAsync("220 peer ESMTP");
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                var verb = line.Split(' ', 2)[0].ToUpperInvariant();
                if (verb == "QUIT")
                {
                    await writer.WriteLineAsync("221 bye");
                    return;
                }
                if (verb == "EHLO" && Authenticates)
                {
                    await writer.WriteLineAsync("250-peer");
                    await writer.WriteLineAsync("250 AUTH PLAIN");
                }
                else if (verb == "AUTH")
                {
                    var words = line.Split(' ');
                    if (words.Length < 3)
                        await writer.WriteLineAsync("334 ");
                    var plain = Convert.FromBase64String(words.Length < 3 ? await reader.ReadLineAsync(_stop.Token) ?? "" : words[2]);
                    Logins.Enqueue(Encoding.UTF8.GetString(plain).TrimStart('\0').Replace('\0', ':'));
                    await writer.WriteLineAsync("235 2.7.0 ok");
                }
                else if (verb == "RCPT")
                {
                    to = line[(line.IndexOf('<', StringComparison.Ordinal) + 1)..line.IndexOf('>', StringComparison.Ordinal)];
                    await writer.WriteLineAsync(Refuse(to) ? "550 5.1.1 no such mailbox" : "250 ok");
                }
                else if (verb == "DATA")
                {
                    await writer.WriteLineAsync("354 end with .");
                    var data = new StringBuilder();
                    while (await reader.ReadLineAsync(_stop.Token) is { } part && part != ".")
                        data.AppendLine(part);
                    var defer = DeferOnce(to!) && !Received.Any(m => m.To == to);
                    Received.Enqueue((to!, data.ToString(), !defer));
                    await writer.WriteLineAsync(defer ? "451 4.3.0 try again later" : "250 2.0.0 queued");
                    if (!defer && ++accepted == DropAfter)
                        return;
                }
                else
                {
                    await writer.WriteLineAsync(verb is "EHLO" or "HELO" or "MAIL" or "RSET" or "NOOP" ? "250 ok" : "502 not implemented");
                }
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }
}
