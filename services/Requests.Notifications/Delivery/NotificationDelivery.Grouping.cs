using Microsoft.EntityFrameworkCore;
using Requests.Notifications.Templates;
using Requests.Notifications.Templates.Staff;
using Requests.ServiceDefaults.Data;

namespace Requests.Notifications.Delivery;

// An officer's notices about one case each (Reference set) go one by one while they come no faster than GroupLimit in
// GroupWindow. One that comes sooner after the last is held until its window ends, with every other that follows for the
// same officer; then they go as one message listing them, in the language of the last.
public sealed partial class NotificationDelivery<TContext>
{
    private const string HoldSql = """
        UPDATE notifications SET status = 'held', next_attempt_at = COALESCE(
            (SELECT MIN(h.next_attempt_at) FROM notifications h WHERE h.status = 'held' AND h.recipient = notifications.recipient),
            @window_end)
        WHERE status = 'pending' AND reference IS NOT NULL AND attempts = 0 AND next_attempt_at <= @now
          AND (EXISTS (SELECT 1 FROM notifications h WHERE h.status = 'held' AND h.recipient = notifications.recipient)
            OR EXISTS (SELECT 1 FROM notifications p WHERE p.reference IS NOT NULL AND p.recipient = notifications.recipient
                       AND p.id < notifications.id AND p.created_at > @since))
        """;

    /// <summary>Holds the due notices that came too soon after another to the same officer, or while theirs are held.</summary>
    private async Task HoldAsync(TContext db, DateTime now, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            using var held = await writes.HoldAsync(cancellationToken);
            await using var hold = Commands.Prepare(connection, null, HoldSql, "@window_end", "@now", "@since");
            Commands.Bind(hold, now + _options.GroupWindow, now, now - _options.GroupWindow / _options.GroupLimit);
            await hold.ExecuteNonQueryAsync(cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Turns each officer's held notices whose window ended into one pending message listing them (a single one
    /// goes as it is), in one transaction: the held rows are marked grouped only if no other worker did it first.</summary>
    private async Task GroupEndedWindowsAsync(TContext db, DateTime now, CancellationToken cancellationToken)
    {
        var notifications = db.Set<Notification>();
        var ended = await notifications.AsNoTracking()
            .Where(n => n.Status == NotificationStatus.Held && n.NextAttemptAt <= now)
            .OrderBy(n => n.Id).ToListAsync(cancellationToken);
        if (ended.Count == 0)
            return;
        var queue = $"{_options.StaffUrl.TrimEnd('/')}/queue";
        using var held = await writes.HoldAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var window in ended.GroupBy(n => n.Recipient))
        {
            var ids = window.Select(n => n.Id).ToList();
            var single = ids.Count == 1;
            var changed = await notifications.Where(n => ids.Contains(n.Id) && n.Status == NotificationStatus.Held)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(n => n.Status, single ? NotificationStatus.Pending : NotificationStatus.Grouped)
                    .SetProperty(n => n.NextAttemptAt, single ? now : (DateTime?)null), cancellationToken);
            if (changed != ids.Count)
                return;   // another worker is grouping them: the transaction is rolled back
            if (single)
                continue;
            var last = window.Last();
            var notice = new GroupedNotices([.. window.Select(n => new GroupedLine(n.Reference!, n.DueOn!.Value, n.Template))], queue);
            db.Add(Notification.Create(NotificationKey.For($"group:{ids[0]}", GroupedNotices.Template, last.Recipient), notice,
                Languages.Parse(last.Language), last.Recipient, null, now));
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
