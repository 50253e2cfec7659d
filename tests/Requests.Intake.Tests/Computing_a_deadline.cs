using System.Net;

namespace Requests.Intake.Tests;

public sealed class Computing_a_deadline(IntakeApp app) : IClassFixture<IntakeApp>
{
    [Theory]
    // Fri 23 Oct 2026 is day zero; 20 working days skip Marche verte (6 Nov) and Independence Day (18 Nov)
    [InlineData("regime=information&receivedOn=2026-10-23", "2026-11-24")]
    [InlineData("regime=information&receivedOn=2026-10-23&step=answer&urgent=false&extended=false", "2026-11-24")]
    // urgent: Mon 26, Tue 27, Wed 28
    [InlineData("regime=information&receivedOn=2026-10-23&urgent=true", "2026-10-28")]
    // extended once: 40 working days, also past 1 Dec to Tue 22 Dec
    [InlineData("regime=information&receivedOn=2026-10-23&extended=true", "2026-12-22")]
    [InlineData("regime=information&receivedOn=2026-10-23&step=recourse-head", "2026-11-24")]
    // 15 working days: the 14th is Fri 13 Nov, the 15th Mon 16 Nov
    [InlineData("regime=information&receivedOn=2026-10-23&step=head-answer", "2026-11-16")]
    // 30 calendar days end on Sun 22 Nov: moved to Mon 23 Nov
    [InlineData("regime=information&receivedOn=2026-10-23&step=commission", "2026-11-23")]
    [InlineData("regime=information&receivedOn=2026-10-23&step=commission-decision", "2026-11-23")]
    // 60 calendar days end on Tue 22 Dec, a working day
    [InlineData("regime=information&receivedOn=2026-10-23&step=court", "2026-12-22")]
    // day 60 after Mon 7 Sep is Fri 6 Nov, Marche verte, then the weekend: Mon 9 Nov
    [InlineData("regime=complaint&receivedOn=2026-09-07", "2026-11-09")]
    public async Task Answers_the_due_date_its_rule_version_and_an_explanation(string query, string dueOn)
    {
        var answer = await app.CreateClient().GetJsonAsync($"/api/deadlines?{query}");

        Assert.Equal(dueOn, answer.GetProperty("dueOn").GetString());
        Assert.Equal("2026.1", answer.GetProperty("ruleVersion").GetString());
        var explanation = answer.GetProperty("explanation").EnumerateArray().Select(l => l.GetString()).ToList();
        Assert.NotEmpty(explanation);
        Assert.All(explanation, line => Assert.False(string.IsNullOrWhiteSpace(line)));
    }

    [Fact]
    public async Task Explains_which_days_off_it_skipped()
    {
        var answer = await app.CreateClient().GetJsonAsync("/api/deadlines?regime=information&receivedOn=2026-10-23");

        var explanation = string.Join("\n", answer.GetProperty("explanation").EnumerateArray().Select(l => l.GetString()));
        Assert.Contains("Marche verte", explanation, StringComparison.Ordinal);
        Assert.Contains("indépendance", explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("receivedOn=2026-10-23", "regime")]
    [InlineData("regime=appeal&receivedOn=2026-10-23", "regime")]
    [InlineData("regime=information", "receivedOn")]
    [InlineData("regime=information&receivedOn=23/10/2026", "receivedOn")]
    [InlineData("regime=information&receivedOn=2026-02-30", "receivedOn")]
    [InlineData("regime=information&receivedOn=2026-10-23&step=appeal", "step")]
    [InlineData("regime=information&receivedOn=2026-10-23&urgent=maybe", "urgent")]
    [InlineData("regime=information&receivedOn=2026-10-23&extended=1", "extended")]
    public async Task Answers_400_naming_the_parameter_that_is_missing_or_malformed(string query, string parameter)
    {
        var response = await app.CreateClient().GetAsync(new Uri($"/api/deadlines?{query}", UriKind.Relative));

        Assert.Contains(parameter, (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
    }

    [Theory]
    [InlineData("regime=complaint&receivedOn=2026-09-07&urgent=true", "urgent")]
    [InlineData("regime=complaint&receivedOn=2026-09-07&extended=true", "extended")]
    [InlineData("regime=information&receivedOn=2026-10-23&urgent=true&extended=true", "extended")]
    [InlineData("regime=complaint&receivedOn=2026-09-07&step=court", "court")]
    [InlineData("regime=information&receivedOn=2035-01-01", "2035")]
    public async Task Answers_400_explaining_a_combination_the_rules_do_not_allow(string query, string named)
    {
        var response = await app.CreateClient().GetAsync(new Uri($"/api/deadlines?{query}", UriKind.Relative));

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(named, problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Answers_400_to_every_bad_parameter_at_once()
    {
        var response = await app.CreateClient().GetAsync(new Uri("/api/deadlines?receivedOn=soon&step=x&urgent=maybe", UriKind.Relative));

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["receivedOn", "regime", "step", "urgent"], problem.ErrorFields().Order());
    }
}
