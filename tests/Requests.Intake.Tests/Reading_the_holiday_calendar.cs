using System.Net;
using System.Text.Json;

namespace Requests.Intake.Tests;

public sealed class Reading_the_holiday_calendar(IntakeApp app) : IClassFixture<IntakeApp>
{
    [Fact]
    public async Task Lists_the_years_holidays_in_date_order_with_their_kind_and_status()
    {
        var days = (await app.CreateClient().GetJsonAsync("/api/calendar/2026")).EnumerateArray().ToList();

        var dates = days.Select(d => d.GetProperty("date").GetString()!).ToList();
        Assert.Equal(dates.Order(StringComparer.Ordinal), dates);
        Assert.All(dates, d => Assert.StartsWith("2026-", d, StringComparison.Ordinal));
        var independence = days.Single(d => d.GetProperty("date").GetString() == "2026-11-18");
        Assert.Equal(("Fête de l'indépendance", "عيد الاستقلال", "fixed", "confirmed"),
            (Text(independence, "nameFr"), Text(independence, "nameAr"), Text(independence, "kind"), Text(independence, "status")));
        Assert.Contains("2-77-169", Text(independence, "source"), StringComparison.Ordinal);
        var adha = days.Single(d => d.GetProperty("date").GetString() == "2026-05-27");
        Assert.Equal(("lunar", "estimated"), (Text(adha, "kind"), Text(adha, "status")));
    }

    [Theory]
    [InlineData(2018)]
    [InlineData(2031)]
    public async Task Covers_2018_to_2031(int year)
    {
        var days = await app.CreateClient().GetJsonAsync($"/api/calendar/{year}");

        Assert.Contains(days.EnumerateArray(), d => d.GetProperty("date").GetString() == $"{year}-11-18");
    }

    [Theory]
    [InlineData(2017)]
    [InlineData(2032)]
    public async Task Answers_404_outside_the_years_it_covers(int year)
    {
        var response = await app.CreateClient().GetAsync(new Uri($"/api/calendar/{year}", UriKind.Relative));

        await response.ReadProblemAsync(HttpStatusCode.NotFound);
    }

    private static string Text(JsonElement element, string name) => element.GetProperty(name).GetString()!;
}
