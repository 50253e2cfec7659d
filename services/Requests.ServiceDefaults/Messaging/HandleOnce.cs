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
}
