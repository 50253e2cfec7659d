using Microsoft.EntityFrameworkCore;
using Requests.Routing.Storage;

namespace Requests.Routing.Calendar;

/// <summary>
/// With several routing instances on one PostgreSQL database, an administrator's holiday correction is made on one of
/// them: every <c>Database:ReloadInterval</c> (5 s) each instance reads the calendar again when the corrections in the
/// database are not the ones it counted with.
/// </summary>
public sealed class CalendarReload(IServiceScopeFactory scopes, CalendarStore calendar, IConfiguration configuration,
    TimeProvider clock, ILogger<CalendarReload> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = configuration.GetValue("Database:ReloadInterval", TimeSpan.FromSeconds(5));
        long? seen = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(interval, clock, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (stoppingToken.IsCancellationRequested)
                return;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<RoutingDbContext>();
                // corrections are only ever added: the last one's id tells whether anything changed
                var last = await db.HolidayCorrections.MaxAsync(c => (long?)c.Id, stoppingToken) ?? 0;
                if (last != seen)
                    await calendar.ReloadAsync(db, stoppingToken);
                seen = last;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Reading the calendar from the database failed; trying again in {Interval}", interval);
            }
        }
    }
}
