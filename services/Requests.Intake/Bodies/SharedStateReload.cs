using Requests.Intake.Storage;
using Requests.ServiceDefaults.Calendar;
using Requests.ServiceDefaults.Data;

namespace Requests.Intake.Bodies;

/// <summary>Routing's directory and calendar snapshots, as another intake instance stored them.</summary>
public sealed class SharedStateReload(IServiceScopeFactory scopes, BodyDirectory directory, PublishedCalendar calendar,
    IConfiguration configuration, TimeProvider clock, ILogger<SharedStateReload> logger) : DatabaseReload(scopes, configuration, clock, logger)
{
    protected override async Task ReloadAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<IntakeDbContext>();
        await directory.LoadAsync(db, cancellationToken);
        await calendar.LoadAsync(db, cancellationToken);
    }
}
