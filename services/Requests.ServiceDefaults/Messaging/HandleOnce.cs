using Microsoft.EntityFrameworkCore;
using MassTransit;
using Requests.ServiceDefaults.Data;

namespace Requests.ServiceDefaults.Messaging;

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
    /// The same for a batch of messages, in one transaction: each effect is saved before the next runs (so it sees
    /// what the earlier ones did), and the batch is committed once, one disk flush for all.
    /// </summary>
    public static async Task HandleBatchOnceAsync<T>(this DbContext db, ConsumeContext<Batch<T>> context, string consumer,
        WriteGate writes, TimeProvider clock, Func<T, CancellationToken, Task> effect) where T : class
    {
        var cancellationToken = context.CancellationToken;
        await writes.EnterAsync(cancellationToken);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            foreach (var item in context.Message)
            {
                var messageId = item.MessageId ?? throw new InvalidOperationException($"A message for {consumer} without a message id.");
                if (!await db.TryRecordAsync(messageId, consumer, now, cancellationToken))
                    continue;
                await effect(item.Message, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
            }
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            writes.Exit();
        }
    }
}
