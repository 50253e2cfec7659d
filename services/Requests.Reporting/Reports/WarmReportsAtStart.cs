using Requests.Domain.Calendar;

namespace Requests.Reporting.Reports;

/// <summary>
/// Reads this year's and last year's facts into memory once the service has started (<c>Reporting:WarmAtStart</c>,
/// on by default), so that the first report after a restart is not the one that pays for the scan.
/// </summary>
public sealed class WarmReportsAtStart(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration,
    ILogger<WarmReportsAtStart> logger) : BackgroundService
{
    private static readonly TimeZoneInfo Morocco = TimeZoneInfo.FindSystemTimeZoneById(LegalTime.MoroccoZoneId);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Reporting:WarmAtStart", true))
            return;
        var year = LegalTime.LocalDate(clock.GetUtcNow(), Morocco).Year;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ReportBuilder>().WarmAsync([year, year - 1], stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // only a head start: a report reads the year itself when it is not in memory
            logger.LogWarning(ex, "Could not read the facts of {Year} and {PreviousYear} into memory at start", year, year - 1);
        }
    }
}
