using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Requests.ServiceDefaults.Data;

/// <summary>
/// With several instances of a service on one PostgreSQL database, a message that changes what each keeps in memory
/// reaches one of them (competing consumers), which stores it: every <c>Database:ReloadInterval</c> (5 s) each instance
/// takes from the database what is newer than what it holds.
/// </summary>
public abstract class DatabaseReload(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider clock, ILogger logger)
    : BackgroundService
{
    /// <summary>Reads what the database holds and takes it when newer.</summary>
    protected abstract Task ReloadAsync(IServiceProvider services, CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = configuration.GetValue("Database:ReloadInterval", TimeSpan.FromSeconds(5));
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(interval, clock, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (stoppingToken.IsCancellationRequested)
                return;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await ReloadAsync(scope.ServiceProvider, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Reading the shared state from the database failed; trying again in {Interval}", interval);
            }
        }
    }
}
