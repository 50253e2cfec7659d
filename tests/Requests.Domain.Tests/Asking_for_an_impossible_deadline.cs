using Requests.Domain.Deadlines;

namespace Requests.Domain.Tests;

// Bad queries are refused with a reason the HTTP layer can show in a 400.
public sealed class Asking_for_an_impossible_deadline
{
    [Theory]
    [InlineData(Regime.Information, DeadlineStep.HeadAnswer, false, true, "cannot be extended")]
    [InlineData(Regime.Complaint, DeadlineStep.Answer, false, true, "cannot be extended")]
    [InlineData(Regime.Complaint, DeadlineStep.Answer, true, false, "Only an information request's answer can be urgent")]
    [InlineData(Regime.Information, DeadlineStep.RecourseHead, true, false, "Only an information request's answer can be urgent")]
    [InlineData(Regime.Information, DeadlineStep.Answer, true, true, "urgent answer period cannot be extended")]
    [InlineData(Regime.Complaint, DeadlineStep.Court, false, false, "has no step 'court'")]
    public void Refuses_options_the_rule_does_not_allow(Regime regime, DeadlineStep step, bool urgent, bool extended,
        string reason)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => Given.Due(regime, step, "2024-03-04", urgent, extended));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2024-03-10", "2024-03-08", "ends before it begins")]
    [InlineData("2024-03-01", "2024-03-05", "begins before day zero")]
    [InlineData("2024-05-01", "2024-05-03", "begins after the due date")]
    public void Refuses_a_pause_that_cannot_be(string from, string to, string reason)
    {
        var error = Assert.Throws<ArgumentException>(() =>
            Given.Due(Regime.Information, DeadlineStep.Answer, "2024-03-04", pauses: Given.Pause(from, to)));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_overlapping_pauses() => Assert.Contains("overlap", Assert.Throws<ArgumentException>(() =>
        Given.Due(Regime.Information, DeadlineStep.Answer, "2024-03-04",
            pauses: [Given.Pause("2024-03-05", "2024-03-08"), Given.Pause("2024-03-08", "2024-03-12")])).Message,
        StringComparison.Ordinal);

    [Theory]
    [InlineData("2017-12-29")] // before the calendar
    [InlineData("2032-01-02")] // after it
    public void Refuses_a_date_outside_the_calendar(string startsOn)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Given.Due(Regime.Information, DeadlineStep.Answer, startsOn));
        Assert.Throws<ArgumentOutOfRangeException>(() => Given.Due(Regime.Complaint, DeadlineStep.Answer, startsOn));
    }

    [Fact] // 60 days after 1 Dec 2031 is past the calendar's last day, 31 Dec 2031
    public void Refuses_a_deadline_that_ends_after_the_calendar() =>
        Assert.Contains("2031-12-31", Assert.Throws<ArgumentOutOfRangeException>(() =>
            Given.Due(Regime.Information, DeadlineStep.Answer, "2031-12-10")).Message, StringComparison.Ordinal);
}
