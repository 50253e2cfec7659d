using Requests.Contracts.Intake;
using Requests.Notifications.Delivery;
using Requests.Notifications.Templates.Citizen;
using Requests.ServiceDefaults.Messaging;

namespace Requests.Intake.Notices;

/// <summary>
/// The messages intake writes to a requester that routing lists among the case's messages: every one but the receipt (the
/// e-mail of a move that sent documents). Routing is told with <see cref="RequesterMessageUpdated"/> through the outbox when
/// the message is recorded and when it is sent or fails, each in the transaction of that change.
/// </summary>
public static class RequesterMessages
{
    public static bool Told(Notification notification) =>
        notification.CaseId is not null && notification.Template != ReceiptNotice.Template;

    public static OutboxMessage Updated(Notification n, string trackingNumber, DateTime at) =>
        OutboxMessage.For(new RequesterMessageUpdated(n.CaseId!.Value, trackingNumber, n.IdempotencyKey, n.Template, n.Language,
            n.Recipient, n.Subject, n.Status, n.Attempts, Utc(n.CreatedAt), Utc(at), n.LastError), Guid.CreateVersion7(), at);

    // SQLite gives back unspecified times; they were written in UTC
    private static DateTimeOffset Utc(DateTime at) => new(DateTime.SpecifyKind(at, DateTimeKind.Utc));
}
