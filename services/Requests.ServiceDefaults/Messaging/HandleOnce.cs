using Microsoft.EntityFrameworkCore;
using MassTransit;
using Requests.ServiceDefaults.Data;

namespace Requests.ServiceDefaults.Messaging;

/// <summary>
/// The inbox by hand, for the consumers registered with <see cref="InboxExtensions.AddConsumerWithItsOwnInbox"/>
/// until they are left to <see cref="InboxFilter{TConsumer, TMessage}"/>; then this file goes.
/// </summary>
public static class HandleOnce
{
    /// <summary>
    /// Runs a consumer's effect once per message: under the write gate, in one transaction with its inbox record,
    /// so a redelivery changes nothing and two deliveries at once cannot both apply.
    /// </summary>
    public static async Task HandleOnceAsync(this DbContext db, ConsumeContext context, string consumer,
        WriteGate writes, TimeProvider clock, Func<CancellationToken, Task> effect)
    {
        var cancellationToken = context.CancellationToken;
        var messageId = context.MessageId ?? throw new InvalidOperationException($"A message for {consumer} without a message id.");
        await writes.EnterAsync(cancellationToken);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (!await db.TryRecordAsync(messageId, consumer, clock.GetUtcNow().UtcDateTime, cancellationToken))
                return;
            await effect(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            writes.Exit();
        }
    }

    /// <summary>
    /// Records that <paramref name="consumer"/> handles <paramref name="messageId"/>, to be saved with the effect.
    /// Returns false when it was handled before: the caller then does nothing.
    /// </summary>
    public static async Task<bool> TryRecordAsync(this DbContext db, Guid messageId, string consumer, DateTime now,
        CancellationToken cancellationToken = default)
    {
        if (await db.Set<InboxMessage>().AnyAsync(m => m.MessageId == messageId && m.Consumer == consumer, cancellationToken))
            return false;
        db.Add(new InboxMessage { MessageId = messageId, Consumer = consumer, HandledAt = now });
        return true;
    }
}
