using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Requests.ServiceDefaults.Data;

namespace Requests.ServiceDefaults.Messaging;

/// <summary>
/// Runs a consumer's effect once per message: in one transaction with the inbox record of each message (its id and
/// the consumer), under the write gate on SQLite. A redelivery finds its record and changes nothing; of two deliveries
/// at once, the second waits on the first's record and then finds it. <see cref="InboxFilter{TConsumer, TMessage}"/>
/// puts every consumer through it.
/// </summary>
public sealed class Inbox(DbContext db, WriteGate writes, OutboxSignal outbox, TimeProvider clock)
{
    private readonly List<Action> _committed = [];

    /// <summary>Runs <paramref name="action"/> once the effect has committed (on SQLite, still inside the write gate).</summary>
    public void OnCommitted(Action action) => _committed.Add(action);

    /// <summary>
    /// Records the messages of <paramref name="messages"/> not handled before by <paramref name="consumer"/> (each
    /// once, however often it appears) and runs <paramref name="effect"/> on just those, if any; then saves and commits.
    /// </summary>
    public async Task HandleAsync<T>(string consumer, IReadOnlyList<T> messages, Func<T, Guid?> idOf,
        Func<IReadOnlyList<T>, CancellationToken, Task> effect, CancellationToken cancellationToken)
    {
        using var held = await writes.HoldAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var fresh = await RecordAsync(consumer, messages, idOf, transaction.GetDbTransaction(), cancellationToken);
        if (fresh.Count == 0)
            return;
        await effect(fresh, cancellationToken);
        var wroteOutbox = db.ChangeTracker.Entries<OutboxMessage>().Any(e => e.State == EntityState.Added);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (wroteOutbox)
            outbox.Notify();
        foreach (var action in _committed)
            action();
    }

    /// <summary>Hands <paramref name="context"/> to <paramref name="consumer"/> through the inbox, as the bus does.</summary>
    public Task ConsumeAsync<TConsumer, TMessage>(TConsumer consumer, ConsumeContext<TMessage> context)
        where TConsumer : class, IConsumer<TMessage> where TMessage : class =>
        HandleAsync(typeof(TConsumer).Name, [context], c => c.MessageId, (_, _) => consumer.Consume(context), context.CancellationToken);

    private async Task<List<T>> RecordAsync<T>(string consumer, IReadOnlyList<T> messages, Func<T, Guid?> idOf,
        System.Data.Common.DbTransaction transaction, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var fresh = new List<T>(messages.Count);
        await using var insert = Commands.Prepare(transaction.Connection!,
            "INSERT INTO inbox_messages (message_id, consumer, handled_at) VALUES (@p0, @p1, @p2) ON CONFLICT DO NOTHING", 3, transaction);
        var seen = new HashSet<Guid>();
        foreach (var message in messages)
        {
            var id = idOf(message) ?? throw new InvalidOperationException($"A message for {consumer} without a message id.");
            if (!seen.Add(id))
                continue;
            Commands.Bind(insert, id.ToString(), consumer, now); // guids are stored as text (UseTextGuids)
            if (await insert.ExecuteNonQueryAsync(cancellationToken) == 1)
                fresh.Add(message);
        }
        return fresh;
    }
}
