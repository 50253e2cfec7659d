using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Requests.Notifications.Email;
using Requests.ServiceDefaults.Data;

namespace Requests.Notifications.Delivery;

/// <summary>
/// Sends the pending notifications of <typeparamref name="TContext"/>, oldest first and one recipient's in the order
/// they were written, retrying with back-off while the SMTP server fails. Each is claimed before it is sent (a
/// compare-and-set on its status and attempt count that also pushes its next attempt a lease away, so two workers or two
/// instances never send it at once) and marked sent in its own update right after the server accepts it. SMTP has no
/// exactly-once: a crash between the acceptance and that update sends it again once the lease is over, with the same
/// <c>Message-ID</c> (derived from the idempotency key), which lets mail clients show it once.
/// </summary>
public sealed class NotificationDelivery<TContext>(
    IServiceScopeFactory scopes, WriteGate writes, TimeProvider clock,
    IOptions<DeliveryOptions> options, ILogger<NotificationDelivery<TContext>> logger) : BackgroundService
    where TContext : DbContext
{
    private readonly DeliveryOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Enabled)
        {
            logger.LogWarning("Notification delivery is disabled: notifications stay pending");
            return;
        }
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

    /// <summary>
    /// Tries every notification that is due, in order; stops at the first the server did not take, whose retry waits
    /// (the server is most likely down: the others would fail too). Returns how many were tried.
    /// </summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var listener = scope.ServiceProvider.GetService<INotificationListener<TContext>>();
        var sender = scope.ServiceProvider.GetRequiredService<IEmailSender>();
        var now = clock.GetUtcNow().UtcDateTime;
        var notifications = db.Set<Notification>();
        var due = await notifications.AsNoTracking()
            .Where(n => n.Status == NotificationStatus.Pending && n.NextAttemptAt <= now)
            // one recipient's messages in the order they were written (a receipt before the extension that follows it):
            // none goes while an earlier one waits for its retry or is in another worker's hands
            .Where(n => !notifications.Any(p => p.Status == NotificationStatus.Pending && p.Recipient == n.Recipient
                && p.Id < n.Id && p.NextAttemptAt > now))
            .OrderBy(n => n.Id).Take(_options.BatchSize)
            .ToListAsync(cancellationToken);

        var tried = 0;
        foreach (var notification in due)
        {
            if (!await ClaimAsync(db, notification, cancellationToken))
                continue;
            tried++;
            if (!await SendAsync(db, listener, sender, notification, cancellationToken))
                break;
        }
        return tried;
    }

    private async Task<bool> ClaimAsync(TContext db, Notification notification, CancellationToken cancellationToken)
    {
        var (id, attempts) = (notification.Id, notification.Attempts);
        var leaseEnds = clock.GetUtcNow().UtcDateTime + _options.Lease;
        using var held = await writes.HoldAsync(cancellationToken);
        var claimed = await db.Set<Notification>()
            .Where(n => n.Id == id && n.Status == NotificationStatus.Pending && n.Attempts == attempts)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.Attempts, attempts + 1).SetProperty(n => n.NextAttemptAt, leaseEnds),
                cancellationToken);
        notification.Attempts = attempts + 1;
        return claimed == 1;
    }

    /// <summary>Sends a claimed notification and records the outcome; false when it must wait for a retry.</summary>
    private async Task<bool> SendAsync(TContext db, INotificationListener<TContext>? listener, IEmailSender sender,
        Notification notification, CancellationToken cancellationToken)
    {
        var (id, attempts) = (notification.Id, notification.Attempts);
        var claim = db.Set<Notification>().Where(n => n.Id == id && n.Status == NotificationStatus.Pending && n.Attempts == attempts);
        try
        {
            await sender.SendAsync(new EmailMessage(notification.Recipient!, notification.Subject, notification.Html,
                notification.Text, notification.IdempotencyKey, notification.Template), cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            var failed = ex is EmailRejectedException || attempts >= _options.MaxAttempts;
            var retryAt = clock.GetUtcNow().UtcDateTime + _options.RetryAfter(attempts);
            logger.LogWarning(ex, "Notification {Id} ({Template}) attempt {Attempt} failed; {Outcome}", id, notification.Template,
                attempts, failed ? "giving up" : $"next attempt at {retryAt:O}");
            var error = $"{ex.GetType().Name}: {ex.Message}";
            error = error.Length > 2000 ? error[..2000] : error;
            await RecordAsync(db, failed ? listener : null, notification, NotificationStatus.Failed, null, error, () => claim.ExecuteUpdateAsync(s => s
                .SetProperty(n => n.Status, failed ? NotificationStatus.Failed : NotificationStatus.Pending)
                .SetProperty(n => n.NextAttemptAt, failed ? (DateTime?)null : retryAt)
                .SetProperty(n => n.LastError, error), CancellationToken.None));
            return ex is EmailRejectedException;
        }
        // accepted by the server: record it even if the service is stopping, or the lease would send it again
        var sentAt = clock.GetUtcNow().UtcDateTime;
        var marked = await RecordAsync(db, listener, notification, NotificationStatus.Sent, sentAt, notification.LastError,
            () => claim.ExecuteUpdateAsync(s => s
                .SetProperty(n => n.Status, NotificationStatus.Sent)
                .SetProperty(n => n.SentAt, sentAt)
                .SetProperty(n => n.NextAttemptAt, (DateTime?)null), CancellationToken.None));
        if (marked == 0)
            logger.LogWarning("Notification {Id} was sent after its lease ended: another worker may send it again", id);
        return true;
    }

    /// <summary>
    /// Records an outcome; when it is final and a listener is registered, in one transaction with what the listener
    /// adds, and only if the update took (a lost claim tells nobody).
    /// </summary>
    private async Task<int> RecordAsync(TContext db, INotificationListener<TContext>? listener, Notification notification,
        string status, DateTime? sentAt, string? error, Func<Task<int>> update)
    {
        using var held = await writes.HoldAsync(CancellationToken.None);
        if (listener is null)
            return await update();
        await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
        var changed = await update();
        if (changed == 1)
        {
            notification.Status = status;
            notification.SentAt = sentAt;
            notification.LastError = error;
            await listener.OnDeliveryAsync(db, notification, CancellationToken.None);
        }
        await transaction.CommitAsync(CancellationToken.None);
        return changed;
    }
}
