using System.Text.Json;
using MassTransit;
using Requests.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Requests.ServiceDefaults.Messaging;

public sealed class OutboxOptions
{
    /// <summary>Off only to hold messages back, for instance while a broker is being replaced.</summary>
    public bool Enabled { get; set; } = true;
    public int BatchSize { get; set; } = 500;
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Under load (the last batch carried at least <see cref="GatherAbove"/> messages), how long to let messages
    /// gather after a wake-up so that one batch carries many; below that, each wake-up publishes at once, so that a
    /// quiet service adds no delay.
    /// </summary>
    public TimeSpan Gather { get; set; } = TimeSpan.FromMilliseconds(20);
    public int GatherAbove { get; set; } = 100;
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long published messages may wait to be marked sent, so that under load one update marks many batches
    /// (each update is a write transaction that the service's other writers wait for). Once caught up, it marks at once.
    /// </summary>
    public TimeSpan MarkDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The first wait before a message type the broker returned (no queue bound to it yet) is tried again; it doubles up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan ReturnedBackoff { get; set; } = TimeSpan.FromSeconds(1);
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long sent outbox rows and handled inbox ids are kept; a redelivery comes long before.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);
}

/// <summary>
/// Publishes committed outbox messages through the bus with publisher confirms, mandatory, then marks them sent. A
/// message the broker returns (no queue is bound to its type yet) stays in the outbox: its type is left aside and
/// tried again later, with back-off, while the other messages go on. A crash between publish and mark publishes
/// them again with the same message id, which consumers' inboxes recognise.
/// </summary>
/// <remarks>
/// Until the gathered marks (<see cref="OutboxOptions.MarkDelay"/>) the relay reads only after what it published. On
/// PostgreSQL a message can commit after one with a later number: the full read after each mark, or once caught up, finds it.
/// While messages are left aside, that full read walks past all of them, so it comes once a poll interval at most.
/// </remarks>
public sealed class OutboxRelay<TContext>(
    IServiceScopeFactory scopes, IBus bus, OutboxSignal signal, WriteGate writes, TimeProvider clock,
    IOptions<OutboxOptions> options, ILogger<OutboxRelay<TContext>> logger) : BackgroundService
    where TContext : DbContext
{
    private readonly OutboxOptions _options = options.Value;

    // published, not yet marked sent: their numbers, in order, and when the oldest was published
    private readonly List<long> _unmarked = [];
    private DateTimeOffset _unmarkedSince;

    // where the next read starts: after the last message read, until the relay catches up or marks
    private long _after = long.MinValue;
    private long _lastRead = long.MinValue;

    // a read from the start walks past every message left aside: while some are, once a poll interval at most
    private DateTimeOffset _nextFullRead;

    // the message types the broker returned, left aside until a time, with the wait that led to it
    private readonly Dictionary<string, (DateTimeOffset Until, TimeSpan Backoff)> _returned = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Enabled)
        {
            logger.LogWarning("The outbox relay is disabled: messages stay in the outbox");
            return;
        }
        var backoff = TimeSpan.FromMilliseconds(250);
        var nextCleanup = clock.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (clock.GetUtcNow() >= nextCleanup)
                {
                    await CleanUpAsync(stoppingToken);
                    nextCleanup = clock.GetUtcNow().AddHours(1);
                }
                var relayed = await PublishBatchAsync(stoppingToken);
                if (_unmarked.Count > 0 && (relayed == 0 || clock.GetUtcNow() - _unmarkedSince >= _options.MarkDelay))
                    await MarkSentAsync(stoppingToken);
                if (relayed < _options.BatchSize)
                {
                    await signal.WaitAsync(NextWait(), stoppingToken);
                    if (relayed >= _options.GatherAbove)
                        await Task.Delay(_options.Gather, clock, stoppingToken);
                }
                backoff = TimeSpan.FromMilliseconds(250);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                await MarkOnStopAsync();
                return;
            }
            catch (Exception ex)
            {
                // what was published and not marked is read and published again: the inboxes recognise it
                _unmarked.Clear();
                _after = _lastRead = long.MinValue;
                logger.LogWarning(ex, "Outbox relay failed; retrying in {Backoff}", backoff);
                await Task.Delay(backoff, clock, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, _options.MaxBackoff.Ticks));
            }
        }
    }

    /// <summary>The poll interval, or less when a mark is due or a returned type's wait ends sooner.</summary>
    private TimeSpan NextWait()
    {
        var wait = _unmarked.Count > 0 && _options.MarkDelay < _options.PollInterval ? _options.MarkDelay : _options.PollInterval;
        var now = clock.GetUtcNow();
        foreach (var (until, _) in _returned.Values)
            if (until > now && until - now < wait)
                wait = until - now;
        return wait;
    }

    /// <summary>A service stopping marks what it published, so that its next start does not publish it again.</summary>
    private async Task MarkOnStopAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await MarkSentAsync(timeout.Token);
        }
        catch (Exception ex)
        {
            logger.LogInformation(ex, "{Count} published messages not marked sent at stop; they will be published again", _unmarked.Count);
        }
    }

    /// <summary>
    /// Publishes one batch of unsent messages, all at once, and waits for the broker's answers; those it routed are
    /// to be marked sent. Returns how many were read.
    /// </summary>
    private async Task<int> PublishBatchAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        List<string> aside = [.. _returned.Where(r => r.Value.Until > now).Select(r => r.Key)];
        var after = _after;
        if (after == long.MinValue && aside.Count > 0)
        {
            if (now < _nextFullRead)
                after = _lastRead;
            else
                _nextFullRead = now + _options.PollInterval;
        }
        List<OutboxMessage> batch;
        await using (var scope = scopes.CreateAsyncScope())
            batch = await ReadUnsentAsync(scope.ServiceProvider.GetRequiredService<TContext>(), after, aside, cancellationToken);
        if (batch.Count == 0)
        {
            _after = long.MinValue;
            return 0;
        }
        _after = _lastRead = batch[^1].Seq;

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.PublishTimeout);
        var publishes = batch.Select(message => PublishAsync(message, timeout.Token)).ToArray();
        await Task.WhenAll(publishes).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);

        if (_unmarked.Count == 0)
            _unmarkedSince = clock.GetUtcNow();
        var returned = new HashSet<string>();
        Exception? failure = null;
        for (var i = 0; i < batch.Count; i++)
        {
            var type = batch[i].MessageType;
            if (publishes[i].IsCompletedSuccessfully)
            {
                _unmarked.Add(batch[i].Seq);
                _returned.Remove(type);
            }
            else if (publishes[i].Exception?.InnerException is MessageReturnedException)
                returned.Add(type);
            else
                failure ??= publishes[i].Exception?.InnerException ?? new OperationCanceledException("Publish canceled.");
        }
        foreach (var type in returned)
            LeaveAside(type, now);
        if (failure is not null)
            throw failure;
        return batch.Count;
    }

    private Task PublishAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var type = OutboxMessage.ResolveType(message.MessageType);
        var body = JsonSerializer.Deserialize(message.Body, type, OutboxMessage.Json)!;
        return bus.Publish(body, type, Pipe.Execute<PublishContext>(context =>
        {
            context.MessageId = message.MessageId;
            context.Durable = true;
            context.Mandatory = true;
        }), cancellationToken);
    }

    /// <summary>No queue took a message of <paramref name="type"/>: its messages wait, longer each time, and the rest go on.</summary>
    private void LeaveAside(string type, DateTimeOffset now)
    {
        var backoff = _returned.TryGetValue(type, out var last)
            ? TimeSpan.FromTicks(Math.Min(last.Backoff.Ticks * 2, _options.MaxBackoff.Ticks))
            : _options.ReturnedBackoff;
        _returned[type] = (now + backoff, backoff);
        logger.LogWarning("No queue is bound to {MessageType}: its messages stay in the outbox, tried again in {Backoff}", type, backoff);
    }

    /// <summary>
    /// The next unsent messages after <paramref name="after"/>, in order, but those of the types left aside. Plain SQL
    /// that SQLite and PostgreSQL both accept (the table is <c>MigrationHelpers.CreateOutboxAndInbox</c>'s): it runs
    /// hundreds of times a second under load, and EF Core's query pipeline cost more than the read itself.
    /// </summary>
    private async Task<List<OutboxMessage>> ReadUnsentAsync(TContext db, long after, List<string> leftAside,
        CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            var aside = string.Join(", ", leftAside.Select((_, i) => $"@t{i}"));
            command.CommandText = $"""
                SELECT seq, message_id, message_type, body FROM outbox_messages
                WHERE sent_at IS NULL AND seq > @after {(leftAside.Count > 0 ? $"AND message_type NOT IN ({aside})" : "")}
                ORDER BY seq LIMIT @limit
                """;
            Commands.AddParameter(command, "@after", after);
            Commands.AddParameter(command, "@limit", _options.BatchSize);
            for (var i = 0; i < leftAside.Count; i++)
                Commands.AddParameter(command, $"@t{i}", leftAside[i]);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var batch = new List<OutboxMessage>();
            while (await reader.ReadAsync(cancellationToken))
                batch.Add(new OutboxMessage
                {
                    Seq = reader.GetInt64(0),
                    MessageId = Guid.Parse(reader.GetString(1)), // guids are stored as text (UseTextGuids)
                    MessageType = reader.GetString(2),
                    Body = reader.GetString(3),
                });
            return batch;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// Marks what was published, one range update per run of consecutive numbers. The mark's commit waits for no flush
    /// of its own (<c>synchronous</c> NORMAL on SQLite, <c>synchronous_commit</c> off on PostgreSQL): the next durable
    /// commit carries it to disk, and a mark lost to a power cut only publishes its messages again, which the inboxes
    /// recognise. The writers waiting at the gate wait the shorter. On SQLite the connection's next open makes it
    /// durable again (<see cref="SqlitePragmas"/> runs on every open).
    /// </summary>
    private async Task MarkSentAsync(CancellationToken cancellationToken)
    {
        if (_unmarked.Count == 0)
            return;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Database.OpenConnectionAsync(cancellationToken);
        await writes.EnterAsync(cancellationToken);
        try
        {
            if (db.Database.IsSqlite())
                await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous = NORMAL", cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (!db.Database.IsSqlite())
                await db.Database.ExecuteSqlRawAsync("SET LOCAL synchronous_commit = off", cancellationToken);
            await using var update = Commands.Prepare(db.Database.GetDbConnection(), transaction.GetDbTransaction(),
                "UPDATE outbox_messages SET sent_at = @now WHERE seq BETWEEN @first AND @last", "@now", "@first", "@last");
            foreach (var (first, last) in Runs(_unmarked))
            {
                Commands.Bind(update, now, first, last);
                await update.ExecuteNonQueryAsync(cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            writes.Exit();
            await db.Database.CloseConnectionAsync();
        }
        _unmarked.Clear();
        _after = long.MinValue;
    }

    /// <summary>The runs of consecutive numbers in <paramref name="ascending"/>, each as its first and last.</summary>
    private static IEnumerable<(long First, long Last)> Runs(List<long> ascending)
    {
        var first = ascending[0];
        for (var i = 1; i < ascending.Count; i++)
        {
            if (ascending[i] == ascending[i - 1] + 1)
                continue;
            yield return (first, ascending[i - 1]);
            first = ascending[i];
        }
        yield return (first, ascending[^1]);
    }

    /// <summary>Deletes what is past <see cref="OutboxOptions.Retention"/>, so neither table grows without end.</summary>
    public async Task CleanUpAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var cutoff = clock.GetUtcNow().UtcDateTime - _options.Retention;
        using var held = await writes.HoldAsync(cancellationToken);
        await db.Set<OutboxMessage>().Where(m => m.SentAt != null && m.SentAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        await db.Set<InboxMessage>().Where(m => m.HandledAt < cutoff).ExecuteDeleteAsync(cancellationToken);
    }
}
