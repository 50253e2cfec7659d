using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Requests.Contracts.Routing;
using Requests.Intake.Bodies;
using Requests.Intake.Notices;
using Requests.Intake.Storage;
using Requests.Notifications.Delivery;
using Requests.Notifications.Templates;
using Requests.Notifications.Templates.Citizen;

namespace Requests.Intake.Documents;

/// <summary>
/// A move sent documents: the drafts of that case it names become delivered (for good) with the move's step and
/// sequence. An id that is not a draft of the case is ignored, so a move can neither take another case's file nor
/// change a delivered one. When routing leaves the move's message to the citizen to intake (<c>Notice</c>: they have an
/// e-mail address), it is written here, once, with the documents delivered: attached when small enough, else listed
/// with the page's link; without any, it is the move's message alone. Routing is told of it to list it with the case's messages.
/// </summary>
public sealed class DeliverDocumentsConsumer(IntakeDbContext db, BodyDirectory bodies, TimeProvider clock,
    IOptions<DocumentOptions> documents, IOptions<IntakeNoticeOptions> notices, ILogger<DeliverDocumentsConsumer> logger)
    : IConsumer<CaseDocumentsDelivered>
{
    public async Task Consume(ConsumeContext<CaseDocumentsDelivered> context)
    {
        var cancellationToken = context.CancellationToken;
        var message = context.Message;
        var record = await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == message.CaseId, cancellationToken);
        if (record is null)
        {
            logger.LogWarning("Documents delivered on {TrackingNumber}, which intake does not hold", message.TrackingNumber);
            return;
        }
        var ids = message.Documents.Select(d => d.Id).ToList();
        var drafts = await db.Set<DocumentRecord>()
            .Where(d => d.CaseId == record.Id && ids.Contains(d.Id) && d.State == DocumentStates.Draft)
            .ToListAsync(cancellationToken);
        foreach (var draft in drafts)
        {
            draft.State = DocumentStates.Delivered;
            draft.Step = message.Step;
            draft.Sequence = message.Sequence;
        }
        if (message.Notice is not { } move)
            return;
        var sent = drafts.Count > 0 ? drafts : await db.Set<DocumentRecord>().AsNoTracking()
            .Where(d => d.CaseId == record.Id && d.Sequence == message.Sequence && d.State == DocumentStates.Delivered)
            .ToListAsync(cancellationToken);
        var files = sent.Count == 0 ? null : new SentDocuments(
            [.. sent.OrderBy(d => d.AddedAt).ThenBy(d => d.Name).Select(d => new SentDocument(d.Name, d.Size))],
            Attached: DocumentAttachments.Fit(sent.Sum(d => d.Size), documents.Value));
        var body = bodies.Find(record.BodyCode) is { } b ? new BodyName(b.NameFr, b.NameAr) : new BodyName(record.BodyCode, record.BodyCode);
        var follow = $"{notices.Value.PortalUrl.TrimEnd('/')}/cases/{Uri.EscapeDataString(record.TrackingNumber)}";
        if (MoveNotices.For(move, body, message.CommissionLastDay, follow, files) is not { } notice)
            return;
        var (key, now) = (NotificationKey.For(record.Id, message.Sequence, notice.Name, record.RequesterEmail), clock.GetUtcNow().UtcDateTime);
        if (await db.TryAddNotificationAsync(key, notice, Languages.Parse(record.Language), record.RequesterEmail, record.Id, now, cancellationToken))
            db.Add(RequesterMessages.Updated(db.Set<Notification>().Local.Single(n => n.IdempotencyKey == key), record.TrackingNumber, now));
    }
}
