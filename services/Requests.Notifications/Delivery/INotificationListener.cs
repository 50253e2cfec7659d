using Microsoft.EntityFrameworkCore;

namespace Requests.Notifications.Delivery;

/// <summary>
/// Told when the worker records notifications as <c>sent</c> or <c>failed</c> (a round's at once), inside the transaction of that update:
/// what it adds to <typeparamref name="TContext"/> (e.g. an outbox message telling another service) and saves commits
/// with the status, or neither does. Registered as a scoped service, it is optional.
/// </summary>
public interface INotificationListener<in TContext> where TContext : DbContext
{
    Task OnDeliveryAsync(TContext db, IReadOnlyList<Notification> notifications, CancellationToken cancellationToken);
}
