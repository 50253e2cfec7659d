using Microsoft.EntityFrameworkCore;

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
}
