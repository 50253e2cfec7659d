using Requests.Domain.Deadlines;

namespace Requests.Domain.Tests;

// Each recourse step counted from its own starting date: recourse to the head within 20 working days, the head
// answers in 15 working days, the Commission is seized within 30 days and decides in 30, the court within 60.
public sealed class Following_the_recourse_chain
{
    [Theory]
    [InlineData("2018-07-23", "2018-08-28")] // same count as an answer: Throne, 14 Aug, 20–23 Aug skipped
    [InlineData("2021-07-12", "2021-08-13")] // Adha Wed 21–Thu 22, Throne Fri 30, 1 Muharram Tue 10 Aug: Fri 13
    [InlineData("2024-12-16", "2025-01-15")] // New Year Wed 1, Amazigh New Year Tue 14: Wed 15
    [InlineData("2027-07-26", "2027-08-26")] // Throne Fri 30, Mawlid Mon 16 and Revolution Fri 20 Aug: Thu 26
    public void The_recourse_to_the_head_is_due_within_twenty_working_days(string startsOn, string expected) =>
        Assert.Equal(Given.Date(expected), Given.Due(Regime.Information, DeadlineStep.RecourseHead, startsOn));

    [Theory]
    [InlineData("2019-05-27", "2019-06-19")] // Mon; three weeks = Mon 17 Jun, +2 for Eid al-Fitr Wed 5–Thu 6: Wed 19
    [InlineData("2020-07-27", "2020-08-24")] // Mon; Thu 30, Fri 31 Jul, Fri 14 Aug; Mon 17 is day 12, 18, 19, then 20–21 off: Mon 24
    [InlineData("2022-12-26", "2023-01-17")] // Mon; New Year Sun 1 Jan no, Manifesto Wed 11 Jan yes: Tue 17
    [InlineData("2024-09-09", "2024-10-02")] // Mon; Mawlid Mon 16–Tue 17 Sep: Wed 2 Oct
    [InlineData("2027-05-10", "2027-06-02")] // Mon; Adha (estimated) Mon 17–Tue 18 May; 1 Muharram Sun 6 Jun after: Wed 2
    [InlineData("2029-04-16", "2029-05-10")] // Mon; Adha (estimated) Tue 24–Wed 25 Apr, Labour Day Tue 1 May: Thu 10
    public void The_head_answers_within_fifteen_working_days(string startsOn, string expected) =>
        Assert.Equal(Given.Date(expected), Given.Due(Regime.Information, DeadlineStep.HeadAnswer, startsOn));

    [Theory]
    [InlineData("2018-07-23", "2018-08-24")] // 30th day Adha Wed 22 Aug, Thu 23: Fri 24
    [InlineData("2021-06-21", "2021-07-23")] // 30th day Adha Wed 21 Jul, Thu 22: Fri 23
    [InlineData("2023-03-25", "2023-04-25")] // 30th day the exceptional day off Mon 24 Apr: Tue 25
    [InlineData("2025-12-02", "2026-01-02")] // 30th day New Year Thu 1 Jan 2026: Fri 2
    [InlineData("2028-04-01", "2028-05-02")] // 30th day Labour Day Mon 1 May: Tue 2
    [InlineData("2030-06-13", "2030-07-15")] // 30th day Mawlid (estimated) Sat 13 Jul, Sun 14: Mon 15
    public void The_complaint_to_the_commission_is_due_within_thirty_days(string startsOn, string expected) =>
        Assert.Equal(Given.Date(expected), Given.Due(Regime.Information, DeadlineStep.Commission, startsOn));

    [Theory]
    [InlineData("2019-10-12", "2019-11-12")] // 30th day Mawlid 2nd day Mon 11 Nov: Tue 12
    [InlineData("2020-07-01", "2020-08-03")] // 30th day Adha Fri 31 Jul, Sat 1 Aug, Sun: Mon 3
    [InlineData("2022-04-02", "2022-05-04")] // 30th day Eid al-Fitr Mon 2 May, Tue 3: Wed 4
    [InlineData("2024-05-18", "2024-06-19")] // 30th day Adha Mon 17 Jun, Tue 18: Wed 19
    [InlineData("2026-07-21", "2026-08-24")] // 30th day Revolution Thu 20 Aug, Youth Fri 21: Mon 24
    [InlineData("2029-01-15", "2029-02-14")] // 30th day Wed 14 Feb, a working day (Eid al-Fitr is the day after)
    public void The_commission_decides_within_thirty_days(string startsOn, string expected) =>
        Assert.Equal(Given.Date(expected), Given.Due(Regime.Information, DeadlineStep.CommissionDecision, startsOn));

    [Theory]
    [InlineData("2018-09-21", "2018-11-22")] // 60th day Mawlid Tue 20 Nov, Wed 21: Thu 22
    [InlineData("2019-11-02", "2020-01-02")] // 60th day New Year Wed 1 Jan 2020: Thu 2
    [InlineData("2021-06-01", "2021-08-02")] // 60th day Sat 31 Jul: Mon 2 Aug
    [InlineData("2023-06-22", "2023-08-22")] // 60th day Youth Day Mon 21 Aug: Tue 22
    [InlineData("2024-11-17", "2025-01-16")] // 60th day Thu 16 Jan 2025, a working day
    [InlineData("2027-09-01", "2027-11-01")] // 60th day Unity Day Sun 31 Oct: Mon 1 Nov
    [InlineData("2030-09-01", "2030-11-01")] // 60th day Unity Day Thu 31 Oct: Fri 1 Nov
    public void The_appeal_to_the_court_is_due_within_sixty_days(string startsOn, string expected) =>
        Assert.Equal(Given.Date(expected), Given.Due(Regime.Information, DeadlineStep.Court, startsOn));
}
