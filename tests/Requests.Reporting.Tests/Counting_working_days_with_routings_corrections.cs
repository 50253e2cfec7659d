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
        var calendar = new CalendarPublished(2, [new CalendarCorrection(1, new DateOnly(2025, 4, 1), new DateOnly(2025, 4, 5), true,
            "observed", DateTimeOffset.UtcNow)], DateTimeOffset.UtcNow);
        await _app.DeliverAsync(calendar);
        await _app.DeliverAsync(calendar); // the same calendar again, under another message id: nothing more
        await _app.DeliverAsync(new CalendarPublished(1, [], DateTimeOffset.UtcNow)); // an older one, arriving late

        Assert.Equal(4, await WorkingDelayAsync());
        var row = Assert.Single(await _app.QueryAsync("SELECT version FROM published_calendar"));
        Assert.Equal(2L, row["version"]);
    }

    private async Task<int> WorkingDelayAsync() =>
        (await _app.GetJsonAsync("/api/reports/2025/synthesis?asOf=2025-12-31"))
            .GetProperty("national").GetProperty("workingDays").GetProperty("maximum").GetInt32();
}
