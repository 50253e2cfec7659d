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
/// sequence, and the citizen is told, the files attached when small enough. An id that is not a draft of the case is
/// ignored, so a move can neither take another case's file nor change a delivered one.
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
        var sent = drafts.Count > 0 ? drafts : await db.Set<DocumentRecord>().AsNoTracking()
            .Where(d => d.CaseId == record.Id && d.Sequence == message.Sequence && d.State == DocumentStates.Delivered)
            .ToListAsync(cancellationToken);
        if (sent.Count == 0)
            return;
        var body = bodies.Find(record.BodyCode) is { } b ? new BodyName(b.NameFr, b.NameAr) : new BodyName(record.BodyCode, record.BodyCode);
        var notice = new DocumentsNotice(record.TrackingNumber, record.Kind, body,
            [.. sent.OrderBy(d => d.AddedAt).ThenBy(d => d.Name).Select(d => new SentDocument(d.Name, d.Size))],
            Attached: DocumentAttachments.Fit(sent.Sum(d => d.Size), documents.Value),
            $"{notices.Value.PortalUrl.TrimEnd('/')}/cases/{Uri.EscapeDataString(record.TrackingNumber)}");
        await db.TryAddNotificationAsync(NotificationKey.For(record.Id, message.Sequence, DocumentsNotice.Template, record.RequesterEmail),
            notice, Languages.Parse(record.Language), record.RequesterEmail, record.Id, clock.GetUtcNow().UtcDateTime, cancellationToken);
    }
}
