using Microsoft.EntityFrameworkCore;
using Requests.Notifications.Templates;

namespace Requests.Notifications.Delivery;

public static class NotificationStore
{
    /// <summary>
    /// Renders <paramref name="message"/> in the recipient's language and adds it to <paramref name="db"/>, to be saved
    /// with the change that causes it (one SaveChanges: both or neither). Returns false, adding nothing, when a
    /// notification with <paramref name="key"/> is already saved or already added to this unit of work. Two
    /// transactions racing with the same key collide on its unique index: the loser's retry finds it and adds nothing.
    /// </summary>
    /// <param name="address">The recipient's e-mail address; null or invalid records the notice as <c>postal</c>.</param>
    public static async Task<bool> TryAddNotificationAsync(this DbContext db, string key, IEmailTemplate message,
        Language language, string? address, Guid? caseId, DateTime now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.ChangeTracker.Entries<Notification>().Any(e => e.Entity.IdempotencyKey == key && e.State != EntityState.Deleted))
            return false;
        if (await db.Set<Notification>().AnyAsync(n => n.IdempotencyKey == key, cancellationToken))
            return false;
        db.Add(Notification.Create(key, message, language, address, caseId, now));
        return true;
    }
}
