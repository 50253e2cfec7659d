using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Requests.Notifications.Email;

/// <summary>
/// <see cref="IEmailSender"/> over MailKit. An instance keeps one SMTP connection: opened for the first message, reused
/// for the next, opened again only when it dropped or a message failed on it, closed when the instance is disposed. It is
/// registered scoped, so a round of the delivery worker (one scope) sends its batch over one connection. Not thread-safe.
/// </summary>
public sealed class SmtpEmailSender(IOptions<SmtpSettings> options) : IEmailSender, IAsyncDisposable, IDisposable
{
    private readonly SmtpSettings _settings = options.Value;
    private SmtpClient? _client;

    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        using var mail = Compose(message, _settings);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_settings.Timeout);
        try
        {
            var client = await ConnectedAsync(timeout.Token);
            await client.SendAsync(mail, timeout.Token);
        }
        catch (SmtpCommandException ex) when ((int)ex.StatusCode >= 500
            && ex.ErrorCode is SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.MessageNotAccepted)
        {
            // the server answered and reset the transaction: the connection goes on to the next message
            throw new EmailRejectedException($"The SMTP server refused {message.To}: {(int)ex.StatusCode} {ex.Message}", ex);
        }
        catch (Exception ex) when (ex is not SmtpCommandException)
        {
            // a connection in an unknown state (dropped, timed out) is not reused
            Drop();
            if (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested)
                throw new TimeoutException($"The SMTP server {_settings.Host}:{_settings.Port} did not accept the message within {_settings.Timeout}.", ex);
            throw;
        }
    }

    private async Task<SmtpClient> ConnectedAsync(CancellationToken cancellationToken)
    {
        if (_client is { IsConnected: true } connected)
            return connected;
        Drop();
        var client = _client = new SmtpClient { Timeout = (int)_settings.Timeout.TotalMilliseconds };
        // without NoDelay, the last bytes of each message wait for the server's delayed ACK: about 30 ms a message
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(_settings.Host, _settings.Port, cancellationToken);
            await client.ConnectAsync(socket, _settings.Host, _settings.Port, (SecureSocketOptions)_settings.Security, cancellationToken);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        if (!string.IsNullOrEmpty(_settings.UserName))
            await client.AuthenticateAsync(_settings.UserName, _settings.Password ?? "", cancellationToken);
        return client;
    }

    public void Dispose() => Drop();

    private void Drop()
    {
        _client?.Dispose();
        _client = null;
    }

    /// <summary>Says goodbye (QUIT) to a server that is still there, then closes the connection.</summary>
    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(_settings.Timeout);
        try
        {
            if (_client is { IsConnected: true } client)
                await client.DisconnectAsync(quit: true, timeout.Token);
        }
        catch (Exception)
        {
            // every message is already accepted or failed: a lost goodbye changes nothing
        }
        Drop();
    }

    /// <summary>The message as it goes on the wire: UTF-8 headers, a text part and an HTML part, a stable Message-ID.</summary>
    internal static MimeMessage Compose(EmailMessage message, SmtpSettings settings)
    {
        var mail = new MimeMessage
        {
            Subject = message.Subject,
            MessageId = MessageIdFor(message.Key, settings.FromAddress)[1..^1],
            // the last alternative is the one a client prefers when it can show it
            Body = Body(message),
        };
        mail.From.Add(new MailboxAddress(settings.FromDisplayName, settings.FromAddress));
        mail.To.Add(MailboxAddress.Parse(message.To));
        if (message.Template is { } template)
            mail.Headers.Add("X-Requests-Template", template);
        return mail;
    }

    private static MimeEntity Body(EmailMessage message)
    {
        var body = new BodyBuilder { TextBody = message.Text, HtmlBody = message.Html };
        foreach (var file in message.Attachments ?? [])
            body.Attachments.Add(file.Name, file.Content, ContentType.Parse(file.ContentType));
        return body.ToMessageBody();
    }

    /// <summary>
    /// <c>&lt;{hash of the key}@{sender's domain}&gt;</c>: the same for every attempt of one notification, different for
    /// any two (RFC 5322 asks for a globally unique id; the key is unique in the notifications table).
    /// </summary>
    public static string MessageIdFor(string key, string fromAddress)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..32];
        return $"<{hash}@{fromAddress[(fromAddress.LastIndexOf('@') + 1)..]}>";
    }
}
