using Microsoft.EntityFrameworkCore;
using Requests.ServiceDefaults.Data;

namespace Requests.ServiceDefaults.Messaging;

public static class Inbox
{
    /// <summary>
    /// Records that <paramref name="consumer"/> handles <paramref name="messageId"/>, to be saved with the effect.
    /// Returns false when it was handled before: the caller then does nothing. Two concurrent deliveries of the
    /// same message collide on the inbox's primary key, and the retry of the loser finds it handled.
    /// </summary>
    public static async Task<bool> TryRecordAsync(this DbContext db, Guid messageId, string consumer, DateTime now,
        CancellationToken cancellationToken = default)
    {
        var seen = await db.Set<InboxMessage>()
            .AnyAsync(m => m.MessageId == messageId && m.Consumer == consumer, cancellationToken);
        if (seen)
            return false;
        db.Add(new InboxMessage { MessageId = messageId, Consumer = consumer, HandledAt = now });
        return true;
    }

    /// <summary>
    /// The same for a batch of messages, in one query and one prepared insert: records, in the current transaction,
    /// those not handled before (each once, however often it appears in the batch) and returns their ids; the caller
    /// handles just those, and commits them with its effect.
    /// </summary>
    public static async Task<HashSet<Guid>> TryRecordAllAsync(this DbContext db, IEnumerable<Guid> messageIds, string consumer,
        DateTime now, CancellationToken cancellationToken = default)
    {
        var ids = messageIds.Distinct().ToList();
        var seen = await db.Set<InboxMessage>()
            .Where(m => m.Consumer == consumer && ids.Contains(m.MessageId))
            .Select(m => m.MessageId)
            .ToListAsync(cancellationToken);
        var fresh = ids.Except(seen).ToHashSet();
        await db.InsertAllAsync([.. fresh.Select(id => new InboxMessage { MessageId = id, Consumer = consumer, HandledAt = now })],
            cancellationToken);
        return fresh;
    }
}
