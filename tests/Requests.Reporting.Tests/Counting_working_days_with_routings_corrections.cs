using Requests.Contracts.Routing;

namespace Requests.Reporting.Tests;

public sealed class Counting_working_days_with_routings_corrections : IDisposable
{
    private readonly ReportingApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Counts_a_moved_holiday_on_its_new_date()
    {
        // received Friday 28 March 2025, answered Friday 4 April: 31 March and 1 April are Aïd Al-Fitr, so 3 working days
        await _app.ImportOkAsync(HistoricalFile.Of(
            $"W1,information,request,{HistoricalFile.Mef},post,,false,2025-03-28,2025-04-29,2025-04-04,granted,,false"));
        Assert.Equal(3, await WorkingDelayAsync());

        // routing moves the second day of the Aïd to Saturday 5 April: 1 April becomes a working day
        var correction = new HolidayCorrected(1, new DateOnly(2025, 4, 1), new DateOnly(2025, 4, 5), true, "observed", "admin", DateTimeOffset.UtcNow);
        await _app.DeliverAsync(correction);
        await _app.DeliverAsync(correction); // the same correction again, under another message id: nothing more

        Assert.Equal(4, await WorkingDelayAsync());
        Assert.Equal(1, await _app.CountAsync("holiday_corrections"));
    }

    private async Task<int> WorkingDelayAsync() =>
        (await _app.GetJsonAsync("/api/reports/2025/synthesis?asOf=2025-12-31"))
            .GetProperty("national").GetProperty("workingDays").GetProperty("maximum").GetInt32();
}
