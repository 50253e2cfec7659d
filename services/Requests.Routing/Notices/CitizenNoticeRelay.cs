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

    public async Task OnDeliveryAsync(RoutingDbContext db, IReadOnlyList<Notification> notifications, CancellationToken cancellationToken)
    {
        var told = notifications.Where(n => n.CaseId is not null && CitizenTemplates.Contains(n.Template)).ToList();
        if (told.Count == 0)
            return;
        var caseIds = told.Select(n => n.CaseId!.Value).Distinct().ToList();
        var numbers = await db.Cases.Where(c => caseIds.Contains(c.Id)).Select(c => new { c.Id, c.TrackingNumber })
            .ToDictionaryAsync(c => c.Id, c => c.TrackingNumber, cancellationToken);
        foreach (var notification in told)
            if (numbers.TryGetValue(notification.CaseId!.Value, out var trackingNumber)
                && For(notification, trackingNumber, notification.SentAt ?? clock.GetUtcNow().UtcDateTime) is { } message)
                db.Add(message);
        await db.SaveChangesAsync(cancellationToken);
    }
}
