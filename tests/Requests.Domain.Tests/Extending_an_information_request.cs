using Requests.Domain.Deadlines;

namespace Requests.Domain.Tests;

// One extension of 20 working days counted from the end of the first period (the first due date of the
// answer table), so the holidays of both periods are skipped.
public sealed class Extending_an_information_request
{
    [Theory]
    [InlineData("2018-07-23", "2018-09-26")] // first period ends Tue 28 Aug; 1 Muharram Tue 11 Sep inside the extension: Wed 26 Sep
    [InlineData("2019-05-20", "2019-07-17")] // first ends Wed 19 Jun; no holiday until Throne Day: Wed 17 Jul
    [InlineData("2019-07-22", "2019-09-24")] // first ends Tue 27 Aug; 1 Muharram on Sun 1 Sep: Tue 24 Sep
    [InlineData("2019-10-21", "2019-12-19")] // first ends Thu 21 Nov; no holiday before the year end: Thu 19 Dec
    [InlineData("2020-07-20", "2020-09-21")] // first ends Mon 24 Aug: Mon 21 Sep
    [InlineData("2020-12-14", "2021-02-10")] // first ends Wed 13 Jan 2021: Wed 10 Feb
    [InlineData("2021-04-26", "2021-06-23")] // first ends Wed 26 May: Wed 23 Jun
    [InlineData("2022-04-25", "2022-06-22")] // first ends Wed 25 May: Wed 22 Jun
    [InlineData("2023-04-10", "2023-06-07")] // first ends Wed 10 May: Wed 7 Jun
    [InlineData("2023-06-19", "2023-08-18")] // first ends Thu 20 Jul; Oued Ed-Dahab Mon 14 Aug inside: Fri 18 Aug
    [InlineData("2024-03-25", "2024-05-24")] // first ends Thu 25 Apr; Labour Day Wed 1 May inside: Fri 24 May
    [InlineData("2024-06-03", "2024-08-01")] // first ends Wed 3 Jul; 1 Muharram Sun 7 Jul no, Throne Tue 30 Jul yes: Thu 1 Aug
    [InlineData("2025-08-04", "2025-10-03")] // first ends Thu 4 Sep; Mawlid Fri 5 Sep is the first day skipped: Fri 3 Oct
    [InlineData("2025-10-20", "2025-12-17")] // first ends Wed 19 Nov: Wed 17 Dec
    [InlineData("2026-10-19", "2026-12-16")] // first ends Tue 17 Nov; Independence Wed 18 Nov skipped: Wed 16 Dec
    [InlineData("2029-12-17", "2030-02-18")] // first ends Thu 17 Jan 2030; Eid al-Fitr Mon 4–Tue 5 Feb (estimated): Mon 18 Feb
    [InlineData("2030-06-24", "2030-08-23")] // first ends Mon 22 Jul; Throne Tue 30, Wed 14, Tue 20–Wed 21 Aug: Fri 23 Aug
    public void Is_due_twenty_working_days_after_the_end_of_the_first_period(string receivedOn, string expected) =>
        Assert.Equal(Given.Date(expected),
            Given.Due(Regime.Information, DeadlineStep.Answer, receivedOn, extended: true));
}
