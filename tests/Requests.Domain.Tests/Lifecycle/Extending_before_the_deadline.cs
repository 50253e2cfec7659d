using Requests.Domain.Deadlines;
using Requests.Domain.Lifecycle;

namespace Requests.Domain.Tests.Lifecycle;

// Law 31.13: the answer period is extended once, announced to the requester in writing with reasons, before the
// deadline. A request received Mon 25 Mar 2024 is due Thu 25 Apr 2024.
public sealed class Extending_before_the_deadline
{
    private static readonly DateOnly DueOn = Given.Due(Regime.Information, DeadlineStep.Answer, "2024-03-25");

    [Fact]
    public void Starts_from_the_due_date_of_the_clock() => Assert.Equal(Given.Date("2024-04-25"), DueOn);

    [Theory]
    [InlineData("2024-03-26", false, "Archives à rassembler dans trois directions.", null)] // the day after receipt
    [InlineData("2024-04-25", false, "Archives à rassembler.", null)] // the due date itself is still before the deadline
    [InlineData("2024-04-26", false, "Archives à rassembler.", "before the deadline")] // the day after is too late
    [InlineData("2024-04-27", false, "Archives à rassembler.", "before the deadline")] // a weekend after it changes nothing
    [InlineData("2024-04-10", true, "Encore des archives.", "only once")] // one extension
    [InlineData("2024-04-10", false, null, "reasons in writing")] // announced with reasons
    [InlineData("2024-04-10", false, "   ", "reasons in writing")]
    public void Allows_one_reasoned_extension_up_to_the_due_date(string today, bool alreadyExtended, string? reasons,
        string? error) =>
        Checking_an_answer.Expect(error, CaseRules.CheckExtension(alreadyExtended, Given.Date(today), DueOn, reasons));

    [Fact]
    public void Refuses_to_extend_an_urgent_request() =>
        Assert.Contains("urgent", CaseRules.CheckExtension(false, Given.Date("2024-03-26"), Given.Date("2024-03-28"),
            "Trop de documents.", urgent: true), StringComparison.Ordinal);

    [Fact]
    public void Says_which_due_date_was_missed() =>
        Assert.Contains("2024-04-25", CaseRules.CheckExtension(false, Given.Date("2024-04-29"), DueOn, "x"),
            StringComparison.Ordinal);
}
