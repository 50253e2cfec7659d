using Microsoft.EntityFrameworkCore;
using Requests.Contracts.Routing;
using Requests.Notifications.Delivery;
using Requests.Notifications.Templates.Citizen;
using Requests.Routing.Storage;
using Requests.ServiceDefaults.Messaging;

namespace Requests.Routing.Notices;

/// <summary>Tells intake where each message to a requester stands, for the citizen's timeline: a
/// <see cref="CitizenNoticeUpdated"/> in the outbox when the notice is recorded (with the move that causes it) and when the
/// worker records it sent or failed (in the transaction of that update).</summary>
public sealed class CitizenNoticeRelay(TimeProvider clock) : INotificationListener<RoutingDbContext>
{
    private static readonly HashSet<string> CitizenTemplates = new(StringComparer.Ordinal)
    {
        ClarificationAsked.Template, ExtensionNotice.Template, AnswerNotice.Template, RefusalNotice.Template,
        ComplaintAnswerNotice.Template, RecourseAnswerNotice.Template, SilenceNotice.Template, HeadSilenceNotice.Template,
        ComplaintDelayNotice.Template, RedirectionNotice.Template, ReceiptNotice.Template,
    };

    /// <summary>The message telling intake of <paramref name="notification"/>'s status, or null when it is not a requester's.</summary>
    public static OutboxMessage? For(Notification notification, string trackingNumber, DateTime now)
    {
        if (notification.CaseId is not { } caseId || !CitizenTemplates.Contains(notification.Template))
            return null;
        var updated = new CitizenNoticeUpdated(caseId, trackingNumber, notification.IdempotencyKey, notification.Template,
            notification.Subject, notification.Status, new DateTimeOffset(DateTime.SpecifyKind(now, DateTimeKind.Utc)));
        return OutboxMessage.For(updated, Guid.CreateVersion7(), now);
    }

    public async Task OnDeliveryAsync(RoutingDbContext db, Notification notification, CancellationToken cancellationToken)
    {
        if (notification.CaseId is not { } caseId || !CitizenTemplates.Contains(notification.Template))
            return;
        var trackingNumber = await db.Cases.Where(c => c.Id == caseId).Select(c => c.TrackingNumber).FirstOrDefaultAsync(cancellationToken);
        var at = notification.SentAt ?? clock.GetUtcNow().UtcDateTime;
        if (trackingNumber is null || For(notification, trackingNumber, at) is not { } message)
            return;
        db.Add(message);
        await db.SaveChangesAsync(cancellationToken);
    }
}
