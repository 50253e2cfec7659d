using Requests.Domain.Deadlines;

namespace Requests.Domain.Tests;

// An urgent request (life, safety or freedom of a person) is answered within 3 working days.
public sealed class Answering_an_urgent_request
{
    [Theory]
    [InlineData("2018-06-13", "2018-06-19")] // Wed; Thu 14 is 1, Eid al-Fitr Fri 15, Mon 18 is 2: Tue 19
    [InlineData("2018-08-16", "2018-08-27")] // Thu; Fri 17 is 1, then 20–23 Aug off, Fri 24 is 2: Mon 27
    [InlineData("2019-01-09", "2019-01-15")] // Wed; Thu 10 is 1, Manifesto Fri 11, Mon 14 is 2: Tue 15
    [InlineData("2020-07-29", "2020-08-05")] // Wed; Thu 30, Fri 31 Jul and Sat 1 Aug off: Mon 3, Tue 4, Wed 5
    [InlineData("2021-12-30", "2022-01-04")] // Thu; Fri 31 is 1, New Year on Saturday, Mon 3 is 2: Tue 4
    [InlineData("2022-05-01", "2022-05-06")] // received on Labour Day (Sun); Eid al-Fitr Mon 2–Tue 3: Wed, Thu, Fri 6
    [InlineData("2023-04-20", "2023-04-26")] // Thu; Fri 21 is 1; Sat–Sun Eid, exceptional Mon 24; Tue 25 is 2: Wed 26
    [InlineData("2024-04-09", "2024-04-17")] // Tue; Wed 10–Fri 12 off: Mon 15, Tue 16, Wed 17
    [InlineData("2025-06-05", "2025-06-11")] // Thu; Fri 6 is 1, Eid weekend and exceptional Mon 9: Tue 10, Wed 11
    [InlineData("2026-08-19", "2026-08-28")] // Wed; Thu 20–Fri 21 off, Mon 24 is 1, Mawlid Tue 25–Wed 26 (estimated): Thu 27, Fri 28
    [InlineData("2027-12-30", "2028-01-04")] // Thu; Fri 31 is 1, New Year Sat: Mon 3, Tue 4
    [InlineData("2030-10-30", "2030-11-05")] // Wed; Unity Day Thu 31 Oct: Fri 1, Mon 4, Tue 5 Nov
    public void Is_due_on_the_third_working_day(string receivedOn, string expected) =>
        Assert.Equal(Given.Date(expected),
            Given.Due(Regime.Information, DeadlineStep.Answer, receivedOn, urgent: true));
}
