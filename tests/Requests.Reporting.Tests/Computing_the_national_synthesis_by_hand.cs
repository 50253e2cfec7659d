using System.Text.Json;

namespace Requests.Reporting.Tests;

// Every expected figure below is counted by hand from HistoricalFile.Year2025 (see its comments for the delays).
public sealed class Computing_the_national_synthesis_by_hand : IAsyncLifetime, IDisposable
{
    private readonly ReportingApp _app = new();

    public async Task InitializeAsync() => await _app.ImportOkAsync(HistoricalFile.Year2025);

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Counts_received_answered_and_the_response_rate_with_late_answers_and_open_cases()
    {
        var national = (await Synthesis("2026-03-01")).GetProperty("national");

        Assert.Equal(9, national.GetProperty("received").GetInt64());     // C1..C9
        Assert.Equal(7, national.GetProperty("answered").GetInt64());     // all but C6 and C8; C5's answer in 2026 counts
        Assert.Equal(77.8m, national.GetProperty("responseRate").GetDecimal()); // 7 / 9 = 77.777...
        Assert.Equal(5, national.GetProperty("answeredInTime").GetInt64()); // C1, C3 (extended), C4, C7, C9
        Assert.Equal(71.4m, national.GetProperty("inTimeRate").GetDecimal());   // 5 / 7 = 71.428...
        Assert.Equal(2, national.GetProperty("open").GetInt64());          // C6, C8
        Assert.Equal(1, national.GetProperty("openOverdue").GetInt64());   // C6, due 12 January
    }

    [Fact]
    public async Task Computes_the_delays_in_calendar_and_working_days_from_each_case()
    {
        var national = (await Synthesis("2026-03-01")).GetProperty("national");

        // 7 7 10 21 45 60 63: sum 213, average 30.428..., median the 4th, 90th percentile the 7th (ceil 6.3)
        AssertDelays(national.GetProperty("calendarDays"), 30.4m, 21m, 63, 7, 63);
        // 5 5 7 14 33 41 42: C1 loses Yennayer (14 Jan), C3 the two days of Aïd Al-Fitr and 1 May, C4 9 June,
        // C5 6 and 18 November and 1 January 2026; sum 147
        AssertDelays(national.GetProperty("workingDays"), 21.0m, 14m, 42, 5, 42);
    }

    [Fact]
    public async Task Sees_only_what_was_known_on_an_earlier_as_of_date()
    {
        var national = (await Synthesis("2025-04-30")).GetProperty("national");

        // received by then: C1, C2, C3, C7; answered: C1, C2, C7 (C3 was answered on 2 May)
        Assert.Equal(4, national.GetProperty("received").GetInt64());
        Assert.Equal(3, national.GetProperty("answered").GetInt64());
        Assert.Equal(75.0m, national.GetProperty("responseRate").GetDecimal());
        Assert.Equal(66.7m, national.GetProperty("inTimeRate").GetDecimal()); // C2 late
        Assert.Equal(1, national.GetProperty("open").GetInt64());            // C3, due 26 May: not overdue
        Assert.Equal(0, national.GetProperty("openOverdue").GetInt64());
        AssertDelays(national.GetProperty("calendarDays"), 20.7m, 10m, 45, 7, 45); // 7 10 45
        AssertDelays(national.GetProperty("workingDays"), 15.0m, 7m, 33, 5, 33);   // 5 7 33
    }

    [Fact]
    public async Task Breaks_the_figures_down_by_regime_sector_outcome_and_theme()
    {
        var breakdowns = (await Synthesis("2026-03-01")).GetProperty("breakdowns");

        Assert.Equal((6, 5, 83.3m), Row(breakdowns, "byRegimeAndKind", "information/request")); // C1 C2 C3 C6 C7 C9
        Assert.Equal((2, 2, 100.0m), Row(breakdowns, "byRegimeAndKind", "complaint/complaint"));
        Assert.Equal((1, 0, 0.0m), Row(breakdowns, "byRegimeAndKind", "complaint/suggestion"));
        Assert.Equal((5, 4, 80.0m), Row(breakdowns, "bySector", "ministry"));                   // MEF 4 + MJ 1
        Assert.Equal((3, 3, 100.0m), Row(breakdowns, "bySector", "public-establishment"));
        Assert.Equal((1, 0, 0.0m), Row(breakdowns, "bySector", "territorial-collectivity"));
        Assert.Equal((5, 4, 80.0m), Row(breakdowns, "byRegion", "Rabat-Salé-Kénitra"));
        Assert.Equal((4, 2, 50.0m), Row(breakdowns, "byChannel", "portal"));                   // C1 C6 C7 C8
        Assert.Equal((1, 1, 100.0m), Row(breakdowns, "byOutcome", "redirected"));
        Assert.Equal((2, 2, 100.0m), Row(breakdowns, "byOutcome", "granted"));
        Assert.Equal((1, 1, 100.0m), Row(breakdowns, "byRefusalGround", "national-defence"));
        Assert.Equal((1, 1, 100.0m), Row(breakdowns, "byTheme", "water"));
        Assert.Equal((1, 1, 100.0m), Row(breakdowns, "byExtension", "extended"));
        Assert.Equal((1, 1, 100.0m), Row(breakdowns, "byUrgency", "urgent"));
        // the extended case's delay is its own: 60 days
        Assert.Equal(60m, Find(breakdowns, "byExtension", "extended").GetProperty("calendarDays").GetProperty("average").GetDecimal());
    }

    [Fact]
    public async Task Ranks_each_sectors_bodies_from_their_own_cases()
    {
        var sectors = (await Synthesis("2026-03-01")).GetProperty("sectors");
        var ministry = sectors.EnumerateArray().Single(s => s.GetProperty("sector").GetString() == "ministry").GetProperty("bodies");

        // MJ answered 1 of 1, MEF 3 of 4 (C6 open)
        Assert.Equal(["MJ", "MEF"], ministry.EnumerateArray().Select(b => b.GetProperty("code").GetString()));
        Assert.Equal([1, 2], ministry.EnumerateArray().Select(b => b.GetProperty("rank").GetInt32()));
        Assert.Equal(75.0m, ministry[1].GetProperty("figures").GetProperty("responseRate").GetDecimal());
    }

    [Fact]
    public async Task Lists_the_oldest_open_cases_and_the_change_from_the_previous_year()
    {
        var synthesis = await Synthesis("2026-03-01");

        Assert.Equal(["C6", "C8"], synthesis.GetProperty("oldestOpen").EnumerateArray().Select(c => c.GetProperty("caseId").GetString()));
        Assert.Equal(90, synthesis.GetProperty("oldestOpen")[0].GetProperty("daysOpen").GetInt32()); // 1 Dec 2025 to 1 Mar 2026
        var change = synthesis.GetProperty("changeFromPreviousYear");
        Assert.Equal(2024, change.GetProperty("year").GetInt32());
        Assert.Equal("2025-03-01", change.GetProperty("asOf").GetString());
        Assert.Equal(8, change.GetProperty("received").GetInt64());                // 9 - 1
        Assert.Equal(-22.2m, change.GetProperty("responseRatePoints").GetDecimal()); // 77.77... - 100
        Assert.Equal(20.4m, change.GetProperty("averageDelayDays").GetDecimal());    // 30.428... - 10
    }

    [Fact]
    public async Task Counts_monthly_volumes_and_the_delay_distribution()
    {
        var synthesis = await Synthesis("2026-03-01");
        var monthly = synthesis.GetProperty("monthly");

        Assert.Equal(1, monthly[0].GetProperty("received").GetInt64());  // C1
        Assert.Equal(2, monthly[11].GetProperty("received").GetInt64()); // C6, C8
        Assert.Equal(2, monthly[4].GetProperty("answered").GetInt64());  // May: C3, C9
        Assert.Equal(1, monthly[0].GetProperty("answered").GetInt64());     // January: C1 only; C5's January 2026 answer is not 2025's
        var buckets = synthesis.GetProperty("delayDistribution");
        Assert.Equal(3, buckets[0].GetProperty("count").GetInt64());     // 0-10 days: 7, 7, 10
    }

    [Fact]
    public async Task Gives_the_same_figures_to_the_digit_when_asked_again()
    {
        var first = (await Synthesis("2026-03-01")).GetRawText();
        var second = (await Synthesis("2026-03-01")).GetRawText();

        Assert.Equal(first, second);
    }

    private async Task<JsonElement> Synthesis(string asOf) => await _app.GetJsonAsync($"/api/reports/2025/synthesis?asOf={asOf}");

    private static void AssertDelays(JsonElement delays, decimal average, decimal median, int p90, int min, int max)
    {
        Assert.Equal(average, delays.GetProperty("average").GetDecimal());
        Assert.Equal(median, delays.GetProperty("median").GetDecimal());
        Assert.Equal(p90, delays.GetProperty("percentile90").GetInt32());
        Assert.Equal(min, delays.GetProperty("minimum").GetInt32());
        Assert.Equal(max, delays.GetProperty("maximum").GetInt32());
    }

    private static JsonElement Find(JsonElement breakdowns, string table, string key) =>
        breakdowns.GetProperty(table).EnumerateArray().Single(r => r.GetProperty("key").GetString() == key).GetProperty("figures");

    private static (long, long, decimal) Row(JsonElement breakdowns, string table, string key)
    {
        var f = Find(breakdowns, table, key);
        return (f.GetProperty("received").GetInt64(), f.GetProperty("answered").GetInt64(), f.GetProperty("responseRate").GetDecimal());
    }
}
