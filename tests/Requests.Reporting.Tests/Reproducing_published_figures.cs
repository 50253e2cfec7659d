using System.Globalization;

namespace Requests.Reporting.Tests;

// A year published with a response rate of 82% and an average delay of 29 days, rebuilt case by case.
public sealed class Reproducing_published_figures : IDisposable
{
    private readonly ReportingApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Gives_a_response_rate_of_82_percent_and_an_average_delay_of_29_days()
    {
        // 50 received; 41 answered: 20 in 19 days, 20 in 39 days, 1 in 29 days (sum 1189 = 41 x 29); 9 open
        var received = new DateOnly(2024, 2, 1);
        var rows = Enumerable.Range(0, 50).Select(i =>
        {
            int? delay = i < 20 ? 19 : i < 40 ? 39 : i == 40 ? 29 : null;
            var answered = delay is { } d ? received.AddDays(d).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "";
            var outcome = delay is null ? "" : "granted";
            return $"H{i},information,request,{HistoricalFile.Mef},post,,false,2024-02-01,2024-03-15,{answered},{outcome},,false";
        });
        await _app.ImportOkAsync(HistoricalFile.Of([.. rows]));

        var national = (await _app.GetJsonAsync("/api/reports/2024/synthesis?asOf=2025-01-31")).GetProperty("national");

        Assert.Equal(82.0m, national.GetProperty("responseRate").GetDecimal());
        Assert.Equal(29.0m, national.GetProperty("calendarDays").GetProperty("average").GetDecimal());
        Assert.Equal(29m, national.GetProperty("calendarDays").GetProperty("median").GetDecimal()); // the 21st of 41
        Assert.Equal(39, national.GetProperty("calendarDays").GetProperty("percentile90").GetInt32());
        Assert.Equal(9, national.GetProperty("openOverdue").GetInt64());
    }

    [Fact]
    public async Task Rounds_half_away_from_zero_on_the_unrounded_value()
    {
        // 1 answered of 8: 12.5% exactly, shown 12.5; 1 of 16 = 6.25% shown 6.3
        var rows = Enumerable.Range(0, 16).Select(i =>
            $"R{i},information,request,{HistoricalFile.Mef},post,,false,2024-02-01,2024-03-15,{(i == 0 ? "2024-02-02,granted" : ",")},,false");
        await _app.ImportOkAsync(HistoricalFile.Of([.. rows]));

        var national = (await _app.GetJsonAsync("/api/reports/2024/synthesis?asOf=2025-01-31")).GetProperty("national");

        Assert.Equal(6.3m, national.GetProperty("responseRate").GetDecimal());
    }
}
