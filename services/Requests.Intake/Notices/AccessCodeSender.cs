using Requests.Intake.Documents;
using Requests.Notifications.Email;

namespace Requests.Intake.Notices;

/// <summary>
/// The SMTP sender, given the receipt with its access code in clear (the database only ever holds it encrypted) and a
/// <c>documents</c> notice with its files.
/// </summary>
public sealed class AccessCodeSender(SmtpEmailSender smtp, ReceiptNotices receipts, DocumentAttachments documents) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        await smtp.SendAsync(message with
        {
            Html = receipts.Reveal(message.Html), Text = receipts.Reveal(message.Text),
            Attachments = await documents.ForAsync(message, cancellationToken),
        }, cancellationToken);
    }
}
