using Requests.Domain.Deadlines;

namespace Requests.Domain.Tests;

public sealed class Reading_the_rule_table
{
    [Fact]
    public void The_shipped_table_holds_the_law()
    {
        var rules = RuleBook.Current;
        Assert.Equal("2026.1", rules.Version);
        var answer = rules.Rule(Regime.Information, DeadlineStep.Answer);
        Assert.Equal((20, DayUnit.Working, 1, 20, (int?)3),
            (answer.Length, answer.Unit, answer.Extensions, answer.ExtensionLength, answer.UrgentLength));
        Assert.Equal((20, DayUnit.Working), Row(rules, DeadlineStep.RecourseHead));
        Assert.Equal((15, DayUnit.Working), Row(rules, DeadlineStep.HeadAnswer));
        Assert.Equal((30, DayUnit.Calendar), Row(rules, DeadlineStep.Commission));
        Assert.Equal((30, DayUnit.Calendar), Row(rules, DeadlineStep.CommissionDecision));
        Assert.Equal((60, DayUnit.Calendar), Row(rules, DeadlineStep.Court));
        var complaint = rules.Rule(Regime.Complaint, DeadlineStep.Answer);
        Assert.Equal((60, DayUnit.Calendar, false, (int?)null),
            (complaint.Length, complaint.Unit, complaint.Extendable, complaint.UrgentLength));
        Assert.True(rules.For(Regime.Information).RedirectionRestartsClock);
        Assert.False(rules.TryGetRule(Regime.Complaint, DeadlineStep.Court, out _));
    }

    [Fact]
    public void A_table_with_other_lengths_gives_other_dates()
    {
        var rules = RuleBook.Parse(Table("\"length\": 30, \"unit\": \"working\", \"clockStarts\": \"receipt\""));
        var due = LegalClock.DueOn(new DeadlineQuery(Regime.Information, DeadlineStep.Answer, Given.Date("2019-03-04")),
            rules, Given.Morocco);
        Assert.Equal(Given.Date("2019-04-15"), due); // 30 working days, no holiday in March–April 2019
        Assert.Equal("test.1", rules.Version);
    }

    [Theory]
    [InlineData("not json", "not valid JSON")]
    [InlineData("{\"regimes\": {}}", "\"version\" is missing")]
    [InlineData("{\"version\": \"x\", \"regimes\": {\"information\": {\"law\": \"l\", \"redirectionRestartsClock\": true, \"steps\": {\"answer\": {\"length\": 1, \"unit\": \"working\", \"clockStarts\": \"c\"}}}}}", "complaint regime is missing")]
    [InlineData("{\"version\": \"x\", \"regimes\": {\"appeal\": {}}}", "unknown regime")]
    public void A_malformed_table_is_refused_with_the_reason(string json, string reason)
    {
        var error = Assert.Throws<FormatException>(() => RuleBook.Parse(json));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"length\": -5, \"unit\": \"working\", \"clockStarts\": \"c\"", "length must be a whole number")]
    [InlineData("\"length\": 20, \"unit\": \"days\", \"clockStarts\": \"c\"", "unit must be")]
    [InlineData("\"length\": 20, \"unit\": \"working\"", "\"clockStarts\" is missing")]
    [InlineData("\"lenght\": 20, \"unit\": \"working\", \"clockStarts\": \"c\"", "unknown field \"lenght\"")]
    [InlineData("\"length\": 20, \"unit\": \"working\", \"clockStarts\": \"c\", \"extensions\": 1", "extensionLength is missing")]
    [InlineData("\"length\": 20.5, \"unit\": \"working\", \"clockStarts\": \"c\"", "length must be a whole number")]
    public void A_malformed_step_is_refused_with_its_place(string answer, string reason)
    {
        var error = Assert.Throws<FormatException>(() => RuleBook.Parse(Table(answer)));
        Assert.Contains("regimes.information.steps.answer", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_regime_without_an_answer_step_is_refused() =>
        Assert.Contains("answer step is missing", Assert.Throws<FormatException>(() => RuleBook.Parse(
            Table("\"length\": 1, \"unit\": \"working\", \"clockStarts\": \"c\"").Replace("\"answer\"", "\"court\"",
                StringComparison.Ordinal))).Message, StringComparison.Ordinal);

    private static (int, DayUnit) Row(RuleBook rules, DeadlineStep step)
    {
        var rule = rules.Rule(Regime.Information, step);
        return (rule.Length, rule.Unit);
    }

    private static string Table(string informationAnswer) => $$"""
        {"version": "test.1", "regimes": {
          "information": {"law": "Loi 31-13", "redirectionRestartsClock": true, "steps": {"answer": { {{informationAnswer}} } } },
          "complaint": {"law": "Décret 2-17-265", "redirectionRestartsClock": false, "steps": {"answer": {"length": 60, "unit": "calendar", "clockStarts": "c"} } } } }
        """;
}
