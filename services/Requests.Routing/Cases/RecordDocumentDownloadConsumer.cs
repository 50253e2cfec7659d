using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Requests.Contracts.Intake;
using Requests.Contracts.Routing;
using Requests.Routing.Storage;

namespace Requests.Routing.Cases;

/// <summary>Every download of a case's document by staff (from intake) goes on the case's audit trail.</summary>
public sealed class RecordDocumentDownloadConsumer(RoutingDbContext db, ILogger<RecordDocumentDownloadConsumer> logger)
    : IConsumer<DocumentDownloaded>
{
    public const string Action = "document-downloaded";

    public async Task Consume(ConsumeContext<DocumentDownloaded> context)
    {
        var message = context.Message;
        var routed = await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == message.CaseId, context.CancellationToken);
        if (routed is null)
        {
            logger.LogWarning("Download of a document of {TrackingNumber}, which routing does not hold", message.TrackingNumber);
            return;
        }
        db.CaseAuditEntries.Add(new CaseAuditEntry
        {
            CaseId = routed.Id, At = message.At.UtcDateTime, Actor = message.UserName, Action = Action,
            ToStatus = routed.Status, OfficerId = routed.AssignedOfficerId, Note = message.Name,
            Documents = JsonSerializer.Serialize<IReadOnlyList<DocumentReference>>([new DocumentReference(message.DocumentId, message.Name)],
                JsonSerializerOptions.Web),
        });
    }
}
