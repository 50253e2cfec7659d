using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Requests.Notifications.Templates;
using Requests.ServiceDefaults.Data;

namespace Requests.Notifications.Delivery;

public static class NotificationStore
{
    private static readonly string[] Columns =
    [
        "idempotency_key", "template", "language", "recipient", "subject", "html", "text", "status", "attempts",
        "next_attempt_at", "last_error", "case_id", "created_at", "priority", "reference", "due_on",
    ];

    /// <summary>
    /// For writers on a raw connection (routing's deadline alerts and digest, intake's receipts): one prepared insert for every
    /// row, SQLite and PostgreSQL alike. A key already stored makes the insert a no-op, so a second pass adds nothing.
    /// </summary>
    public static DbCommand InsertCommand(DbConnection connection, DbTransaction? transaction = null) =>
        Commands.Prepare(connection, Commands.Insert("notifications", Columns) + " ON CONFLICT (idempotency_key) DO NOTHING",
            Columns.Length, transaction);

    /// <summary>Inserts <paramref name="n"/> with <see cref="InsertCommand"/>; false when its key was already there.</summary>
    public static async Task<bool> InsertAsync(DbCommand insert, Notification n, CancellationToken cancellationToken)
    {
        // guids are stored as text (UseTextGuids)
        Commands.Bind(insert, n.IdempotencyKey, n.Template, n.Language, n.Recipient, n.Subject, n.Html, n.Text, n.Status,
            n.Attempts, n.NextAttemptAt, n.LastError, n.CaseId?.ToString(), n.CreatedAt, n.Priority, n.Reference, n.DueOn);
        return await insert.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

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
        if (db.ChangeTracker.Entries<Notification>().Any(e => e.Entity.IdempotencyKey == key && e.State != EntityState.Deleted))
            return false;
        if (await db.Set<Notification>().AnyAsync(n => n.IdempotencyKey == key, cancellationToken))
            return false;
        db.Add(Notification.Create(key, message, language, address, caseId, now));
        return true;
    }
}
