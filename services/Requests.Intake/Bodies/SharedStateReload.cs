using Requests.Intake.Storage;
using Requests.ServiceDefaults.Calendar;

namespace Requests.Intake.Bodies;

/// <summary>
/// With several intake instances on one PostgreSQL database, routing's directory and calendar snapshots each reach one
/// instance (competing consumers), which stores them: every <c>Database:ReloadInterval</c> (5 s) each instance takes
/// what the database holds when it is newer than what it has in memory.
/// </summary>
public sealed class SharedStateReload(IServiceScopeFactory scopes, BodyDirectory directory, PublishedCalendar calendar,
    IConfiguration configuration, TimeProvider clock, ILogger<SharedStateReload> logger) : BackgroundService
{
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
                var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
                await directory.LoadAsync(db, stoppingToken);
                await calendar.LoadAsync(db, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Reading the directory and the calendar from the database failed; trying again in {Interval}", interval);
            }
        }
    }
}
