using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Requests.Routing.Storage;
using Requests.ServiceDefaults.Data;

namespace Requests.Routing.Assignment;

/// <summary>How many open cases each officer holds, for <see cref="OfficerPicker"/>: kept up to date with the cases the
/// picker hands out, and counted again in the background every <see cref="RecountEvery"/> while cases are being assigned
/// (<see cref="OfficerLoadsRecount"/>). Counting a million open cases in a batch of submissions would cost more than the
/// assignments themselves, and hold up every filing behind it; a case answered or handed over meanwhile still counts until
/// the next recount, which only makes the balance a few seconds late. The first batch, and the first after a quiet spell
/// (no recount for twice <see cref="RecountEvery"/>), counts itself. Used on SQLite, where one instance writes; on
/// PostgreSQL the picker counts a batch's bodies itself, under their locks.</summary>
public sealed class OfficerLoads(TimeProvider clock)
{
    public static readonly TimeSpan RecountEvery = TimeSpan.FromSeconds(10);

    private readonly Lock _lock = new();
    private Dictionary<string, int>? _loads;
    private DateTimeOffset _countedAt;

    // whether an assignment read the loads since the last count: a quiet service is not counted again
    private bool _read;

    // while a recount runs: the cases handed out since its snapshot, which its count cannot see
    private Dictionary<string, int>? _sinceSnapshot;

    /// <summary>Each officer's open cases (absent: none); counted first when the last count is too old.</summary>
    public async Task<IReadOnlyDictionary<string, int>> CurrentAsync(RoutingDbContext db, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        lock (_lock)
        {
            _read = true;
            if (_loads is not null && now - _countedAt < 2 * RecountEvery && now >= _countedAt)
                return new Dictionary<string, int>(_loads, StringComparer.Ordinal);
        }
        var counted = await CountAsync(db, cancellationToken);
        lock (_lock)
        {
            (_loads, _countedAt) = (counted, now);
            return new Dictionary<string, int>(_loads, StringComparer.Ordinal);
        }
    }

    /// <summary>Counts <paramref name="cases"/> more open cases for the officer, once they are saved (inside the write gate).</summary>
    public void Add(string officerId, int cases)
    {
        lock (_lock)
        {
            if (_loads is not null)
                _loads[officerId] = _loads.GetValueOrDefault(officerId) + cases;
            if (_sinceSnapshot is not null)
                _sinceSnapshot[officerId] = _sinceSnapshot.GetValueOrDefault(officerId) + cases;
        }
    }

    /// <summary>
    /// Counts again, in a read transaction of its own while the assignments go on. Its snapshot is taken inside the write
    /// gate: every batch saved after it tells its cases to <see cref="Add"/> after it too, and they are added to the count.
    /// </summary>
    public async Task RecountAsync(RoutingDbContext db, WriteGate writes, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (!_read)
                return;
            _read = false;
        }
        var now = clock.GetUtcNow();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            // deferred: a read transaction, which never takes the writers' lock
            await using var transaction = ((SqliteConnection)db.Database.GetDbConnection()).BeginTransaction(deferred: true);
            await db.Database.UseTransactionAsync(transaction, cancellationToken);
            using (await writes.HoldAsync(cancellationToken))
            {
                // a WAL reader's snapshot starts at its first read
                await db.Cases.AnyAsync(cancellationToken);
                lock (_lock)
                    _sinceSnapshot = new Dictionary<string, int>(StringComparer.Ordinal);
            }
            var counted = await CountAsync(db, cancellationToken);
            lock (_lock)
            {
                foreach (var (officerId, cases) in _sinceSnapshot!)
                    counted[officerId] = counted.GetValueOrDefault(officerId) + cases;
                (_loads, _countedAt) = (counted, now);
            }
        }
        finally
        {
            lock (_lock)
                _sinceSnapshot = null;
            await db.Database.UseTransactionAsync(null, CancellationToken.None);
            await db.Database.CloseConnectionAsync();
        }
    }

    private static Task<Dictionary<string, int>> CountAsync(RoutingDbContext db, CancellationToken cancellationToken) =>
        db.Cases
            .Where(c => c.AssignedOfficerId != null && OfficerPicker.OpenStatuses.Contains(c.Status))
            .GroupBy(c => c.AssignedOfficerId!)
            .Select(g => new { OfficerId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.OfficerId, g => g.Count, StringComparer.Ordinal, cancellationToken);
}

/// <summary>Counts the officers' open cases again every <see cref="OfficerLoads.RecountEvery"/> while cases are being assigned,
/// off the assignments' path (SQLite only).</summary>
public sealed class OfficerLoadsRecount(IServiceScopeFactory scopes, OfficerLoads loads, WriteGate writes, TimeProvider clock,
    ILogger<OfficerLoadsRecount> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(OfficerLoads.RecountEvery, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await loads.RecountAsync(scope.ServiceProvider.GetRequiredService<RoutingDbContext>(), writes, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning(ex, "The officers' open cases could not be counted again; the last count goes on");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // the service is stopping
        }
    }
}
