using Microsoft.EntityFrameworkCore;
using Requests.Intake.Documents;
using Requests.Intake.Storage;
using Requests.Notifications.Delivery;
using Requests.Notifications.Email;
using Requests.Notifications.Templates.Citizen;

namespace Requests.Intake.Notices;

/// <summary>
/// The SMTP sender, given the receipt with its access code in clear: in the place of the receipt's own placeholder only
/// (read from <c>receipt_codes</c>, never from the text, so a citizen's words are never taken for one). The database only
/// ever holds the code sealed, until the receipt is sent (<see cref="NoticeDeliveryListener"/>). The message of a move that sent documents goes
/// with its files.
/// </summary>
public sealed class AccessCodeSender(SmtpEmailSender smtp, IntakeDbContext db, AccessCodeSeal seal,
    DocumentAttachments documents) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Template == ReceiptNotice.Template && Guid.TryParse(message.Key.Split(':')[0], out var caseId)
            && await db.ReceiptCodes.AsNoTracking().FirstOrDefaultAsync(r => r.CaseId == caseId, cancellationToken) is { } code)
        {
            var clear = seal.Open(code.SealedCode);
            message = message with
            {
                Html = message.Html.Replace(code.Placeholder, clear, StringComparison.Ordinal),
                Text = message.Text.Replace(code.Placeholder, clear, StringComparison.Ordinal),
            };
        }
        await smtp.SendAsync(message with { Attachments = await documents.ForAsync(message, cancellationToken) }, cancellationToken);
    }
}

/// <summary>
/// In the transaction that records notifications sent or failed: deletes the receipts' sealed access codes, and tells routing
/// where each other message to a requester stands (<see cref="RequesterMessages"/>).
/// </summary>
public sealed class NoticeDeliveryListener(TimeProvider clock) : INotificationListener<IntakeDbContext>
{
    public async Task OnDeliveryAsync(IntakeDbContext db, IReadOnlyList<Notification> notifications, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(notifications);
        var cases = notifications.Where(n => n.Template == ReceiptNotice.Template).Select(n => n.CaseId).OfType<Guid>().ToList();
        if (cases.Count > 0)
            await db.ReceiptCodes.Where(r => cases.Contains(r.CaseId)).ExecuteDeleteAsync(cancellationToken);
        var told = notifications.Where(RequesterMessages.Told).ToList();
        if (told.Count == 0)
            return;
        var ids = told.Select(n => n.CaseId!.Value).Distinct().ToList();
        var numbers = await db.Cases.Where(c => ids.Contains(c.Id)).Select(c => new { c.Id, c.TrackingNumber })
            .ToDictionaryAsync(c => c.Id, c => c.TrackingNumber, cancellationToken);
        foreach (var n in told)
            if (numbers.TryGetValue(n.CaseId!.Value, out var number))
                db.Add(RequesterMessages.Updated(n, number, n.SentAt ?? clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(cancellationToken);
    }
}
