using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Requests.Notifications.Email;
using Requests.ServiceDefaults.Data;

namespace Requests.Notifications.Delivery;

/// <summary>
/// Sends the pending notifications of <typeparamref name="TContext"/>, the law's before routine staff notices and each
/// class oldest first, one recipient's in the order they were written, retrying with back-off while the SMTP server fails.
/// A round claims a batch in one statement (a compare-and-set on status and due time that also pushes each next attempt a
/// lease away, so two workers or two instances never send one at once), sends it over several SMTP connections kept open
/// while there is work (a recipient always on the same one), and records every outcome in one transaction. SMTP has no
/// exactly-once: a crash between the server's acceptance and that record sends it again once the lease is over, with the
/// same <c>Message-ID</c> (derived from the idempotency key), which lets mail clients show it once.
/// </summary>
public sealed partial class NotificationDelivery<TContext>(
    IServiceScopeFactory scopes, WriteGate writes, TimeProvider clock,
    IOptions<DeliveryOptions> options, ILogger<NotificationDelivery<TContext>> logger) : BackgroundService
    where TContext : DbContext
{
    private readonly DeliveryOptions _options = options.Value;
    private readonly List<AsyncServiceScope> _connections = [];

    // one statement claims the batch: SQLite serializes it, and PostgreSQL checks the outer conditions again on a row
    // another transaction just claimed, so no row is returned to two workers
    private const string ClaimSql = """
        UPDATE notifications SET attempts = attempts + 1, next_attempt_at = @lease
        WHERE status = 'pending' AND next_attempt_at <= @now AND id IN (
            SELECT n.id FROM notifications n
            WHERE n.status = 'pending' AND n.next_attempt_at <= @now
              AND NOT EXISTS (SELECT 1 FROM notifications p WHERE p.status = 'pending' AND p.recipient = n.recipient
                              AND p.id < n.id AND p.next_attempt_at > @now AND p.priority <= n.priority)
            ORDER BY n.priority, n.id
            LIMIT @batch)
        RETURNING id
        """;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Enabled)
        {
            logger.LogWarning("Notification delivery is disabled: notifications stay pending");
            return;
        }
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    if (await DeliverDueAsync(stoppingToken) < _options.BatchSize)
                        await Task.Delay(_options.PollInterval, clock, stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception ex)
                {
                    // the database, not the SMTP server (whose failures are recorded on each notification)
                    logger.LogWarning(ex, "Notification delivery failed; retrying in {Interval}", _options.PollInterval);
                    await Task.Delay(_options.PollInterval, clock, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                }
            }
        }
        finally
        {
            await CloseConnectionsAsync();
        }
    }

    /// <summary>
    /// Groups the staff notices whose window ended, holds those that come too fast, then claims and sends a batch of what is
    /// due. A failure other than a refusal stops the round (the server is most likely down: the others would fail too);
    /// what was claimed and not tried is released. Returns how many were tried.
    /// </summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        if (_options.GroupLimit > 0)
        {
            await GroupEndedWindowsAsync(db, now, cancellationToken);
            await HoldAsync(db, now, cancellationToken);
        }
        var due = await ClaimAsync(db, now, cancellationToken);
        if (due.Count == 0)
        {
            // nothing left: the connections are closed, and opened again for the next message
            await CloseConnectionsAsync();
            return 0;
        }
        var results = await SendAsync(due, cancellationToken);
        await RecordAsync(db, scope.ServiceProvider.GetService<INotificationListener<TContext>>(), due, results);
        return results.Count;
    }

    private async Task<List<Notification>> ClaimAsync(TContext db, DateTime now, CancellationToken cancellationToken)
    {
        var ids = new List<long>();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            using var held = await writes.HoldAsync(cancellationToken);
            await using var claim = Commands.Prepare(connection, null, ClaimSql, "@lease", "@now", "@batch");
            Commands.Bind(claim, now + _options.Lease, now, _options.BatchSize);
            await using var reader = await claim.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                ids.Add(reader.GetInt64(0));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return ids.Count == 0
            ? []
            : await db.Set<Notification>().AsNoTracking().Where(n => ids.Contains(n.Id))
                .OrderBy(n => n.Priority).ThenBy(n => n.Id).ToListAsync(cancellationToken);
    }

    /// <summary>Sends the batch over the connections, each recipient's messages in order on one; null for each accepted.</summary>
    private async Task<ConcurrentDictionary<long, Exception?>> SendAsync(List<Notification> due, CancellationToken cancellationToken)
    {
        var count = Math.Max(1, _options.Connections);
        while (_connections.Count < count)
            _connections.Add(scopes.CreateAsyncScope());
        var results = new ConcurrentDictionary<long, Exception?>();
        var stopped = 0;
        var lanes = due.GroupBy(n => (int)((uint)StringComparer.Ordinal.GetHashCode(n.Recipient!) % (uint)count));
        await Task.WhenAll(lanes.Select(lane => Task.Run(async () =>
        {
            var sender = _connections[lane.Key].ServiceProvider.GetRequiredService<IEmailSender>();
            foreach (var n in lane)
            {
                if (Volatile.Read(ref stopped) == 1 || cancellationToken.IsCancellationRequested)
                    return;
                try
                {
                    await sender.SendAsync(new EmailMessage(n.Recipient!, n.Subject, n.Html, n.Text, n.IdempotencyKey, n.Template),
                        cancellationToken);
                    results[n.Id] = null;
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    return;   // not known to be accepted: released, or sent again after its lease
                }
                catch (Exception ex)
                {
                    results[n.Id] = ex;
                    if (ex is not EmailRejectedException)
                        Volatile.Write(ref stopped, 1);
                }
            }
        }, CancellationToken.None)));
        return results;
    }

    /// <summary>
    /// Records the outcomes in one transaction, even if the service is stopping (or the lease would send them again):
    /// sent, retry or failed, each only if its claim still holds; tells the listener of the final ones; releases the rest.
    /// </summary>
    private async Task RecordAsync(TContext db, INotificationListener<TContext>? listener, List<Notification> due,
        ConcurrentDictionary<long, Exception?> results)
    {
        var none = CancellationToken.None;
        var now = clock.GetUtcNow().UtcDateTime;
        var notifications = db.Set<Notification>();
        var final = new List<Notification>();
        using var held = await writes.HoldAsync(none);
        await using (var transaction = await db.Database.BeginTransactionAsync(none))
        {
            foreach (var claim in due.Where(n => results.TryGetValue(n.Id, out var e) && e is null).GroupBy(n => n.Attempts))
            {
                var (ids, attempts) = (claim.Select(n => n.Id).ToList(), claim.Key);
                var mine = notifications.Where(n => ids.Contains(n.Id) && n.Status == NotificationStatus.Pending && n.Attempts == attempts);
                var marked = await mine.ExecuteUpdateAsync(s => s.SetProperty(n => n.Status, NotificationStatus.Sent)
                    .SetProperty(n => n.SentAt, now).SetProperty(n => n.NextAttemptAt, (DateTime?)null), none);
                var took = marked == ids.Count ? ids : await notifications.Where(n => ids.Contains(n.Id) && n.Status == NotificationStatus.Sent
                    && n.SentAt == now && n.Attempts == attempts).Select(n => n.Id).ToListAsync(none);
                if (marked < ids.Count)
                    logger.LogWarning("{Count} notifications were sent after their lease ended: another worker may send them again", ids.Count - marked);
                foreach (var n in claim.Where(n => took.Contains(n.Id)))
                {
                    (n.Status, n.SentAt, n.NextAttemptAt) = (NotificationStatus.Sent, now, null);
                    final.Add(n);
                }
            }
            foreach (var n in due.Where(n => results.TryGetValue(n.Id, out var e) && e is not null))
                if (await RecordFailureAsync(db, n, results[n.Id]!, now))
                    final.Add(n);
            if (listener is not null && final.Count > 0)
                await listener.OnDeliveryAsync(db, final, none);
            await transaction.CommitAsync(none);
        }
        foreach (var claim in due.Where(n => !results.ContainsKey(n.Id)).GroupBy(n => n.Attempts))
        {
            var (ids, attempts) = (claim.Select(n => n.Id).ToList(), claim.Key);
            await notifications.Where(n => ids.Contains(n.Id) && n.Status == NotificationStatus.Pending && n.Attempts == attempts)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.Attempts, attempts - 1).SetProperty(n => n.NextAttemptAt, now), none);
        }
    }

    /// <summary>Records a failed attempt: the next one after the back-off, or failed for good; true when it is final and took.</summary>
    private async Task<bool> RecordFailureAsync(TContext db, Notification n, Exception ex, DateTime now)
    {
        var failed = ex is EmailRejectedException || n.Attempts >= _options.MaxAttempts;
        var retryAt = now + _options.RetryAfter(n.Attempts);
        logger.LogWarning(ex, "Notification {Id} ({Template}) attempt {Attempt} failed; {Outcome}", n.Id, n.Template,
            n.Attempts, failed ? "giving up" : $"next attempt at {retryAt:O}");
        var error = $"{ex.GetType().Name}: {ex.Message}";
        error = error.Length > 2000 ? error[..2000] : error;
        var (id, attempts) = (n.Id, n.Attempts);
        var took = await db.Set<Notification>().Where(x => x.Id == id && x.Status == NotificationStatus.Pending && x.Attempts == attempts)
            .ExecuteUpdateAsync(s => s
                .SetProperty(x => x.Status, failed ? NotificationStatus.Failed : NotificationStatus.Pending)
                .SetProperty(x => x.NextAttemptAt, failed ? (DateTime?)null : retryAt)
                .SetProperty(x => x.LastError, error), CancellationToken.None) == 1;
        (n.Status, n.LastError) = (failed ? NotificationStatus.Failed : NotificationStatus.Pending, error);
        return failed && took;
    }

    private async Task CloseConnectionsAsync()
    {
        foreach (var connection in _connections)
            await connection.DisposeAsync();
        _connections.Clear();
    }
}
