namespace Requests.Notifications.Email;

/// <summary>Sends e-mails one at a time. Throws when one was not accepted; <see cref="EmailRejectedException"/> when retrying is useless.</summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}

/// <summary>
/// One e-mail with both parts ready. <paramref name="Key"/> names the message across attempts: every attempt carries the
/// <c>Message-ID</c> derived from it, so a mail client can drop the copy a resend would deliver. <paramref name="Template"/>,
/// when given, is sent as the <c>X-Requests-Template</c> header.
/// </summary>
public sealed record EmailMessage(string To, string Subject, string Html, string Text, string Key, string? Template = null,
    IReadOnlyList<EmailAttachment>? Attachments = null);

/// <summary>A file joined to an e-mail (<see cref="EmailMessage.Attachments"/>): its name, its type and its bytes.</summary>
public sealed record EmailAttachment(string Name, string ContentType, byte[] Content);

/// <summary>The server refused the message for good (an unknown mailbox, a refused address): do not try again.</summary>
public sealed class EmailRejectedException(string message, Exception? innerException = null) : Exception(message, innerException);
