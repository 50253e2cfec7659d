using System.Net;
using System.Text.Json;

namespace Requests.Reporting.Tests;

// Each body's figures, open to everyone: the very figures of its report for the same year and as-of date.
public sealed class Publishing_each_body_s_figures : IDisposable
{
    private readonly ReportingApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Equal_the_body_s_report_for_the_same_year_and_as_of_date_without_signing_in()
    {
        await _app.ImportOkAsync(HistoricalFile.Year2025);

        var report = (await _app.GetJsonAsync("/api/reports/2025/bodies/MEF?asOf=2026-03-01", _app.Ministry())).GetProperty("figures");
        var published = await _app.GetJsonAsync("/api/public/bodies/MEF/figures?year=2025&asOf=2026-03-01", _app.CreateClient());
        var byYear = await _app.GetJsonAsync("/api/public/bodies/MEF/figures?asOf=2026-03-01", _app.CreateClient());

        var year = Assert.Single(published.GetProperty("figures").EnumerateArray());
        Assert.Equal(2025, year.GetProperty("year").GetInt32());
        Assert.True(report.GetProperty("received").GetInt64() > 0);
        foreach (var (name, value) in new (string, JsonElement)[]
                 {
                     ("received", report.GetProperty("received")), ("answered", report.GetProperty("answered")),
                     ("responseRate", report.GetProperty("responseRate")), ("inTimeRate", report.GetProperty("inTimeRate")),
                     ("averageDelay", report.GetProperty("workingDays").GetProperty("average")),
                     ("medianDelay", report.GetProperty("workingDays").GetProperty("median")),
                     ("averageCalendarDays", report.GetProperty("calendarDays").GetProperty("average")),
                 })
            Assert.Equal(value.GetRawText(), year.GetProperty(name).GetRawText());
        // without a year: each year with cases, the latest first (2024 holds the file's case of the previous year)
        Assert.Equal([2025, 2024], byYear.GetProperty("figures").EnumerateArray().Select(y => y.GetProperty("year").GetInt32()));
        Assert.Equal(year.GetRawText(), byYear.GetProperty("figures")[0].GetRawText());
    }

    [Fact]
    public async Task Refuses_a_bad_year_or_date_and_an_unknown_body()
    {
        await _app.ImportOkAsync(HistoricalFile.Year2025);
        var client = _app.CreateClient();

        using var bad = await client.GetAsync("/api/public/bodies/MEF/figures?year=20x5&asOf=yesterday");
        using var unknown = await client.GetAsync("/api/public/bodies/NOPE/figures?year=2025");

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
