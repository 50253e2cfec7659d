using Requests.Notifications.Email;

namespace Requests.Intake.Notices;

/// <summary>The SMTP sender, given the receipt with its access code in clear: the database only ever holds it encrypted.</summary>
public sealed class AccessCodeSender(SmtpEmailSender smtp, ReceiptNotices receipts) : IEmailSender
{
    public Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return smtp.SendAsync(message with { Html = receipts.Reveal(message.Html), Text = receipts.Reveal(message.Text) },
            cancellationToken);
    }
}
