using Requests.Domain.Lifecycle;
using static Requests.Domain.Lifecycle.AnswerOutcome;

namespace Requests.Domain.Tests.Lifecycle;

// Law 31.13: the requester may contest before the head of the body within 20 working days of the receipt of the
// answer, or of the expiry of the answer deadline when the body kept silent.
public sealed class Contesting_a_refusal_or_a_silence
{
    [Theory]
    // refusal received Mon 16 Dec 2024; New Year Wed 1 Jan and Amazigh New Year Tue 14 Jan skipped: last day Wed 15 Jan
    [InlineData(Refused, "2024-12-13", "2024-12-16", "2025-01-15")]
    [InlineData(PartiallyGranted, "2024-12-13", "2024-12-16", "2025-01-15")]
    [InlineData(NotHeld, "2024-12-13", "2024-12-16", "2025-01-15")] // "not held" is a refusal ground: it can be disputed
    // silence: due Mon 12 Jul 2021; Adha Wed 21-Thu 22, Throne Fri 30, 1 Muharram Tue 10 Aug skipped: Fri 13 Aug
    [InlineData(null, "2021-07-12", null, "2021-08-13")]
    // a late refusal, received Mon 16 Dec 2024 after a deadline of Fri 15 Nov: the window runs from the answer
    // (from the expiry it would have ended Mon 16 Dec, Independence Day Mon 18 Nov skipped)
    [InlineData(Refused, "2024-11-15", "2024-12-16", "2025-01-15")]
    public void Ends_twenty_working_days_after_the_answer_or_the_silence(AnswerOutcome? outcome, string dueOn,
        string? answeredOn, string lastDay) =>
        Assert.Equal(Given.Date(lastDay), CaseRules.RecourseLastDay(outcome, Given.Date(dueOn), Date(answeredOn),
            Given.Rules, Given.Morocco));

    [Theory]
    [InlineData(Refused, "2024-12-13", "2024-12-16", "2024-12-16", null)] // the day the refusal arrives
    [InlineData(Refused, "2024-12-13", "2024-12-16", "2025-01-15", null)] // the last day of the window
    [InlineData(Refused, "2024-12-13", "2024-12-16", "2025-01-16", "filed by 2025-01-15")] // the next working day
    [InlineData(null, "2021-07-12", null, "2021-07-12", "until 2021-07-12")] // the body still has the whole due date
    [InlineData(null, "2021-07-12", null, "2021-07-13", null)] // the day after the deadline: silence is a refusal
    [InlineData(null, "2021-07-12", null, "2021-08-13", null)] // last day, Friday
    [InlineData(null, "2021-07-12", null, "2021-08-14", "filed by 2021-08-13")] // Saturday after it: late
    [InlineData(null, "2021-07-12", null, "2021-08-16", "expiry of the answer deadline")] // the next working day
    [InlineData(Refused, "2024-11-15", "2024-12-16", "2025-01-10", null)] // past the silence's window, within the answer's
    [InlineData(Granted, "2024-12-13", "2024-12-16", "2024-12-17", "granted in full")] // nothing to contest
    public void Is_open_after_a_refusal_or_a_silence_until_the_last_day(AnswerOutcome? outcome, string dueOn,
        string? answeredOn, string today, string? error) =>
        Checking_an_answer.Expect(error, CaseRules.CheckRecourse(outcome, Given.Date(dueOn), Date(answeredOn),
            Given.Date(today), Given.Rules, Given.Morocco));

    [Fact]
    public void Has_no_window_after_a_full_grant() =>
        Assert.Null(CaseRules.RecourseLastDay(Granted, Given.Date("2024-12-13"), Given.Date("2024-12-16"),
            Given.Rules, Given.Morocco));

    [Fact]
    public void Needs_the_date_an_answer_was_received() =>
        Assert.Throws<ArgumentException>(() => CaseRules.RecourseLastDay(Refused, Given.Date("2024-12-13"), null,
            Given.Rules, Given.Morocco));

    private static DateOnly? Date(string? text) => text is null ? null : Given.Date(text);
}
