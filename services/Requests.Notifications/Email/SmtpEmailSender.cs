using System.Net;
using System.Net.Mail;
using System.Net.Mime;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Requests.Notifications.Email;

/// <summary>
/// <see cref="IEmailSender"/> over <see cref="SmtpClient"/> (MailKit is not available here). One client per message:
/// SmtpClient is not thread-safe, and a notification is rare enough that a fresh connection costs nothing.
/// </summary>
public sealed class SmtpEmailSender(IOptions<SmtpSettings> options) : IEmailSender
{
    /// <summary>The header naming the message's template, e.g. <c>receipt</c>.</summary>
    public const string TemplateHeader = "X-Requests-Template";

    private readonly SmtpSettings _settings = options.Value;

    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        using var mail = Compose(message, _settings);
        using var client = new SmtpClient(_settings.Host, _settings.Port)
        {
            EnableSsl = _settings.EnableSsl,
            DeliveryMethod = SmtpDeliveryMethod.Network,
            Timeout = (int)_settings.Timeout.TotalMilliseconds,
            UseDefaultCredentials = false,
        };
        if (!string.IsNullOrEmpty(_settings.UserName))
            client.Credentials = new NetworkCredential(_settings.UserName, _settings.Password);

        // SmtpClient.Timeout only bounds synchronous sends: bound the asynchronous one ourselves
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_settings.Timeout);
        try
        {
            await client.SendMailAsync(mail, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The SMTP server {_settings.Host}:{_settings.Port} did not accept the message within {_settings.Timeout}.");
        }
        catch (SmtpFailedRecipientException ex) when (ex.StatusCode is SmtpStatusCode.MailboxUnavailable
            or SmtpStatusCode.MailboxNameNotAllowed or SmtpStatusCode.UserNotLocalTryAlternatePath)
        {
            throw new EmailRejectedException($"The SMTP server refused {message.To}: {ex.Message}", ex);
        }
    }

    /// <summary>The message as it goes on the wire: UTF-8 headers, a text part and an HTML part, a stable Message-ID.</summary>
    internal static MailMessage Compose(EmailMessage message, SmtpSettings settings)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(settings);
        var mail = new MailMessage
        {
            From = new MailAddress(settings.FromAddress, settings.FromDisplayName, Encoding.UTF8),
            Subject = message.Subject,
            SubjectEncoding = Encoding.UTF8,
            HeadersEncoding = Encoding.UTF8,
        };
        mail.To.Add(new MailAddress(message.To));
        mail.Headers.Add("Message-ID", MessageIdFor(message.Key, settings.FromAddress));
        if (message.Template is { } template)
            mail.Headers.Add(TemplateHeader, template);
        // the last alternative is the one a client prefers when it can show it
        mail.AlternateViews.Add(AlternateView.CreateAlternateViewFromString(message.Text, Encoding.UTF8, MediaTypeNames.Text.Plain));
        mail.AlternateViews.Add(AlternateView.CreateAlternateViewFromString(message.Html, Encoding.UTF8, MediaTypeNames.Text.Html));
        return mail;
    }

    /// <summary>
    /// <c>&lt;{hash of the key}@{sender's domain}&gt;</c>: the same for every attempt of one notification, different for
    /// any two (RFC 5322 asks for a globally unique id; the key is unique in the notifications table).
    /// </summary>
    public static string MessageIdFor(string key, string fromAddress)
    {
        ArgumentNullException.ThrowIfNull(key);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..32];
        return $"<{hash}@{new MailAddress(fromAddress).Host}>";
    }
}
