using Microsoft.EntityFrameworkCore;
using Requests.Routing.Storage;
using Requests.ServiceDefaults.Data;

namespace Requests.Routing.Calendar;

/// <summary>The holiday corrections an administrator made on another routing instance.</summary>
public sealed class CalendarReload(IServiceScopeFactory scopes, CalendarStore calendar, IConfiguration configuration,
    TimeProvider clock, ILogger<CalendarReload> logger) : DatabaseReload(scopes, configuration, clock, logger)
{
    private long? _seen;

    protected override async Task ReloadAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<RoutingDbContext>();
        // corrections are only ever added: the last one's id tells whether anything changed
        var last = await db.HolidayCorrections.MaxAsync(c => (long?)c.Id, cancellationToken) ?? 0;
        if (last != _seen)
            await calendar.ReloadAsync(db, cancellationToken);
        _seen = last;
    }
}
