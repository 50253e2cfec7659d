using System.Data.Common;
using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Requests.Contracts.Intake;
using Requests.Intake.Documents;
using Requests.Intake.Notices;
using Requests.Intake.Storage;
using Requests.ServiceDefaults.Data;
using Requests.ServiceDefaults.Messaging;

namespace Requests.Intake.Submissions;

/// <summary>
/// Stores receipts by group commit: submissions that arrive together are written in one transaction (the cases,
/// their tracking numbers and one <see cref="SubmissionsStored"/> outbox message for up to a hundred of them), and each
/// caller is answered only once that transaction is on disk. One durable commit then serves hundreds of citizens instead of one.
/// <para>
/// Commits are at least <c>Intake:CommitInterval</c> apart (5 ms): at a steady thousand filings a second, each commit
/// then carries about five, and at a few thousand twenty or more. Each commit costs a disk flush, the pages it
/// rewrites in the WAL (each table's and each index's last page), and one message for the relay, the broker and
/// routing. A filing that finds the writer idle for longer is committed at once; a flood is unaffected, since its
/// commits take longer than the interval.
/// </para>
/// <para>The writer has a thread of its own: it blocks in SQLite and in the disk's flush, not the request threads.</para>
/// <para>
/// A filing's <see cref="IdempotencyKey"/> is inserted first, unless taken (by a filing of this batch, an earlier one, or
/// another instance's: PostgreSQL makes this insert wait for that one's commit): the filing is then left out and its
/// caller told so. Keys are taken in their order, before the counters: two instances never deadlock. About once an hour
/// a commit also deletes the keys older than <c>Intake:IdempotencyKeyRetention</c> (24 h).
/// </para>
/// </summary>
public sealed class ReceiptWriter(IServiceScopeFactory scopes, OutboxSignal outbox, WriteGate writes,
    TimeProvider clock, IConfiguration configuration, ILogger<ReceiptWriter> logger) : BackgroundService
{
    private const int MaxBatch = 1024;

    private readonly TimeSpan _commitInterval = configuration.GetValue("Intake:CommitInterval", TimeSpan.FromMilliseconds(5));
    private readonly TimeSpan _keyRetention = configuration.GetValue("Intake:IdempotencyKeyRetention", TimeSpan.FromHours(24));
    private DateTime _keysPruned;

    private readonly Channel<Pending> _queue = Channel.CreateBounded<Pending>(
        new BoundedChannelOptions(50_000) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private long _stored;

    // the prepared statements, reused from commit to commit on the writer's thread; reopened after a failure
    private Statements? _statements;

    /// <summary>How many filings were stored since the service started: their pace tells background work to wait its turn.</summary>
    public long Stored => Interlocked.Read(ref _stored);

    /// <summary>
    /// Stores the case with its receipt notice to write (a small row with the access code as
    /// <see cref="ReceiptNotices.Seal"/> sealed it, null for a receipt by post), and returns its tracking number once
    /// both are durable. <see cref="ReceiptNoticeWriter"/> renders the e-mail after the commit, off this path.
    /// </summary>
    /// <param name="documents">Files that came with the filing, already in the document store: their rows commit with the case.</param>
    /// <param name="key">The filing's idempotency key: null is returned, and nothing stored, when it was already taken.</param>
    public async Task<string?> StoreAsync(CaseRecord record, string? sealedCode, CancellationToken cancellationToken,
        IReadOnlyList<DocumentRecord>? documents = null, IdempotencyKey? key = null)
    {
        var pending = new Pending(record, sealedCode, documents ?? [], key);
        await _queue.Writer.WriteAsync(pending, cancellationToken);
        return await pending.Done.Task;
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.Factory.StartNew(() => Run(stoppingToken), stoppingToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private void Run(CancellationToken stoppingToken)
    {
        var batch = new List<Pending>(MaxBatch);
        var lastCommit = 0L;
        try
        {
            while (_queue.Reader.WaitToReadAsync(stoppingToken).AsTask().GetAwaiter().GetResult())
            {
                var sinceLast = Stopwatch.GetElapsedTime(lastCommit);
                if (sinceLast < _commitInterval && _queue.Reader.Count < MaxBatch)
                    Thread.Sleep(_commitInterval - sinceLast);
                lastCommit = Stopwatch.GetTimestamp();
                while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var next))
                    batch.Add(next);
                Commit(batch);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            while (_queue.Reader.TryRead(out var left))
                left.Done.TrySetCanceled(stoppingToken);
        }
        finally
        {
            _statements?.Dispose();
        }
    }

    /// <summary>Writes the batch in one transaction and answers its callers.</summary>
    private void Commit(List<Pending> batch)
    {
        try
        {
            _statements ??= Statements.Open(scopes);
            string?[] numbers;
            writes.Enter();
            try
            {
                var now = clock.GetUtcNow().UtcDateTime;
                var prune = now - _keysPruned > TimeSpan.FromHours(1) ? now - _keyRetention : (DateTime?)null;
                numbers = _statements.Write(batch, now, prune);
                if (prune is not null)
                    _keysPruned = now;
            }
            finally
            {
                writes.Exit();
            }
            Interlocked.Add(ref _stored, batch.Count);
            for (var i = 0; i < batch.Count; i++)
                batch[i].Done.TrySetResult(numbers[i]);
            outbox.Notify();
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Could not store {Count} receipts; none of them was recorded", batch.Count);
            foreach (var pending in batch)
                pending.Done.TrySetException(new ReceiptNotStoredException(ex));
            _statements?.Dispose();
            _statements = null;
        }
    }

    private sealed record Pending(CaseRecord Record, string? SealedCode, IReadOnlyList<DocumentRecord> Documents, IdempotencyKey? Key)
    {
        public TaskCompletionSource<string?> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>Prepared statements on one open connection, reused for every batch.</summary>
    private sealed class Statements : IDisposable
    {
        private readonly IServiceScope _scope;
        private readonly DbConnection _connection;
        private readonly DbCommand _counter, _case, _message, _notice, _document, _key, _pruneKeys;

        private Statements(IServiceScope scope)
        {
            _scope = scope;
            var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
            db.Database.OpenConnection();
            _connection = db.Database.GetDbConnection();
            _counter = ReceiptSql.Counter(_connection);
            _case = ReceiptSql.Case(_connection);
            _message = OutboxMessage.InsertCommand(_connection);
            _notice = ReceiptSql.Notice(_connection);
            _document = ReceiptSql.Document(_connection);
            _key = ReceiptSql.Key(_connection);
            _pruneKeys = ReceiptSql.PruneKeys(_connection);
        }

        public static Statements Open(IServiceScopeFactory scopes) => new(scopes.CreateScope());

        /// <summary>The tracking numbers, null for a filing whose key was taken; keys older than <paramref name="prune"/> go.</summary>
        public string?[] Write(List<Pending> batch, DateTime now, DateTime? prune)
        {
            using var transaction = _connection.BeginTransaction();
            _counter.Transaction = _case.Transaction = _message.Transaction = _notice.Transaction = _document.Transaction =
                _key.Transaction = _pruneKeys.Transaction = transaction;
            if (prune is { } before)
            {
                _pruneKeys.Parameters[0].Value = before;
                _pruneKeys.ExecuteNonQuery();
            }
            var taken = new HashSet<Pending>(ReferenceEqualityComparer.Instance);
            foreach (var pending in batch.Where(p => p.Key is not null).OrderBy(p => p.Key!.Key, StringComparer.Ordinal))
            {
                ReceiptSql.BindKey(_key, pending.Key!);
                if (_key.ExecuteNonQuery() == 0)
                    taken.Add(pending);
            }
            var stored = taken.Count == 0 ? batch : [.. batch.Where(p => !taken.Contains(p))];
            var numbers = ReserveTrackingNumbers(stored);
            var submitted = new List<RequestSubmitted>(stored.Count);
            for (var i = 0; i < stored.Count; i++)
            {
                var record = stored[i].Record;
                record.TrackingNumber = numbers[i];
                ReceiptSql.BindCase(_case, record);
                _case.ExecuteNonQuery();
                submitted.Add(ReceiptSql.Submitted(record) with { Documents = DocumentRecord.References(stored[i].Documents) });
                ReceiptSql.BindNotice(_notice, record.Id, stored[i].SealedCode, now);
                _notice.ExecuteNonQuery();
                foreach (var document in stored[i].Documents)
                {
                    ReceiptSql.BindDocument(_document, document);
                    _document.ExecuteNonQuery();
                }
            }
            foreach (var chunk in submitted.Chunk(SubmissionsStored.MaxCount))
            {
                OutboxMessage.Bind(_message, OutboxMessage.For(new SubmissionsStored(chunk), Guid.CreateVersion7(), now));
                _message.ExecuteNonQuery();
            }
            transaction.Commit();
            if (taken.Count == 0)
                return numbers;
            return [.. batch.Select(p => taken.Contains(p) ? null : numbers[stored.IndexOf(p)])];
        }

        /// <summary>One counter update per regime and year reserves a block of numbers for the whole batch. The counters
        /// are taken in the order of their keys: two instances committing at once wait on each other, never deadlock.</summary>
        private string[] ReserveTrackingNumbers(List<Pending> batch)
        {
            var numbers = new string[batch.Count];
            foreach (var group in Enumerable.Range(0, batch.Count).GroupBy(i =>
                         TrackingNumbers.CounterKey(batch[i].Record.Regime, batch[i].Record.ReceivedOn)).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var indexes = group.ToList();
                _counter.Parameters[0].Value = group.Key;
                _counter.Parameters[1].Value = (long)indexes.Count;
                var last = Convert.ToInt64(_counter.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
                var first = last - indexes.Count + 1;
                for (var k = 0; k < indexes.Count; k++)
                    numbers[indexes[k]] = TrackingNumbers.Format(group.Key, first + k);
            }
            return numbers;
        }

        public void Dispose()
        {
            _counter.Dispose();
            _case.Dispose();
            _message.Dispose();
            _notice.Dispose();
            _document.Dispose();
            _key.Dispose();
            _pruneKeys.Dispose();
            _scope.Dispose();
        }
    }
}

/// <summary>Nothing was recorded: the citizen may simply try again.</summary>
public sealed class ReceiptNotStoredException(Exception inner)
    : Exception("The receipt could not be stored.", inner);
