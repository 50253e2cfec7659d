using System.Net;
using System.Text.Json;

namespace Requests.Routing.Tests;

public sealed class Reading_the_holiday_calendar : IDisposable
{
    private readonly RoutingApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Lists_a_years_holidays_to_anyone_with_estimated_lunar_dates()
    {
        var days = (await AdminAnswers.JsonAsync(await _app.CreateClient().GetAsync("/api/calendar/2026"), HttpStatusCode.OK))
            .EnumerateArray().ToList();

        Assert.Equal(days.Select(d => d.GetProperty("date").GetString()).Order(StringComparer.Ordinal),
            days.Select(d => d.GetProperty("date").GetString()));
        Assert.All(days, d => Assert.StartsWith("2026-", d.GetProperty("date").GetString(), StringComparison.Ordinal));
        var newYear = days.Single(d => d.GetProperty("date").GetString() == "2026-01-01");
        Assert.Equal(("fixed", "confirmed"), (Text(newYear, "kind"), Text(newYear, "status")));
        // the 2026 Eid al-Fitr is a forecast until the ministry announces it
        var eid = days.Single(d => d.GetProperty("date").GetString() == "2026-03-21");
        Assert.Equal(("Aïd Al-Fitr", "عيد الفطر", "lunar", "estimated"),
            (Text(eid, "nameFr"), Text(eid, "nameAr"), Text(eid, "kind"), Text(eid, "status")));
        Assert.False(string.IsNullOrEmpty(Text(eid, "source")));
    }

    [Theory]
    [InlineData(2017)]
    [InlineData(2032)]
    public async Task Answers_404_for_a_year_the_calendar_does_not_cover(int year) =>
        await AdminAnswers.ProblemAsync(await _app.CreateClient().GetAsync($"/api/calendar/{year}"), HttpStatusCode.NotFound);

    private static string? Text(JsonElement element, string name) => element.GetProperty(name).GetString();
}
