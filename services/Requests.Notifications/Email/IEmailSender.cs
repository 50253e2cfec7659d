namespace Requests.Notifications.Email;

/// <summary>
/// Sends e-mails one at a time. Throws when one was not accepted; <see cref="EmailRejectedException"/> when retrying it is
/// useless (the next message may still go). Scoped: the messages sent in one scope share a connection.
/// </summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}

/// <summary>
/// One e-mail with both parts ready, sent as <c>multipart/alternative</c> (plain text, then HTML). <paramref name="Key"/>
/// names the message across attempts: the adapter derives the <c>Message-ID</c> header from it, so that every attempt
/// carries the same one and a mail client can drop the copy a resend would deliver. <paramref name="Template"/>, when
/// given, is sent as the <c>X-Requests-Template</c> header, for mail filters (and tests) to sort messages by kind.
/// </summary>
public sealed record EmailMessage(string To, string Subject, string Html, string Text, string Key, string? Template = null);

/// <summary>The server refused the message for good (an unknown mailbox, a refused address): do not try again.</summary>
public sealed class EmailRejectedException : Exception
{
    public EmailRejectedException()
    {
    }

    public EmailRejectedException(string message) : base(message)
    {
    }

    public EmailRejectedException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
