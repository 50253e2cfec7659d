using Requests.Domain.Deadlines;

namespace Requests.Domain.Tests;

// Decree 2.17.265: 60 calendar days, the day of deposit not counted; a deadline ending on a Saturday, Sunday or
// holiday moves to the next working day. The comment gives the 60th day, then the move.
public sealed class Answering_a_complaint
{
    [Theory]
    [InlineData("2018-01-02", "2018-03-05")] // 60th day Sat 3 Mar: Mon 5
    [InlineData("2018-06-21", "2018-08-24")] // 60th day Mon 20 Aug, then Youth 21, Adha 22–23: Fri 24
    [InlineData("2018-09-19", "2018-11-19")] // 60th day Sun 18 Nov, Independence Day on a Sunday: Mon 19
    [InlineData("2018-09-21", "2018-11-22")] // 60th day Tue 20 Nov, Mawlid Tue 20–Wed 21: Thu 22
    [InlineData("2018-11-02", "2019-01-02")] // 60th day New Year Tue 1 Jan 2019: Wed 2
    [InlineData("2019-06-13", "2019-08-15")] // 60th day Mon 12 Aug (Adha), Tue 13, Oued Ed-Dahab Wed 14: Thu 15
    [InlineData("2019-09-11", "2019-11-12")] // 60th day Mawlid Sun 10 Nov, 2nd day Mon 11: Tue 12
    [InlineData("2020-03-25", "2020-05-26")] // 60th day Eid al-Fitr Sun 24 May, 2nd day Mon 25: Tue 26
    [InlineData("2020-05-31", "2020-08-03")] // deposited Sun; 60th day Throne Thu 30 Jul, Adha Fri 31–Sat 1 Aug: Mon 3
    [InlineData("2020-06-21", "2020-08-24")] // 60th day Thu 20 Aug, Youth Day and 1 Muharram Fri 21: Mon 24
    [InlineData("2021-03-14", "2021-05-17")] // 60th day Eid al-Fitr Thu 13 May, Fri 14: Mon 17
    [InlineData("2022-03-02", "2022-05-04")] // 60th day Labour Day Sun 1 May, Eid al-Fitr Mon 2–Tue 3: Wed 4
    [InlineData("2022-05-31", "2022-08-01")] // 60th day Sat 30 Jul (Throne and 1 Muharram): Mon 1 Aug
    [InlineData("2023-02-21", "2023-04-25")] // 60th day Eid Sat 22 Apr, Sun 23, exceptional Mon 24: Tue 25
    [InlineData("2023-04-30", "2023-07-03")] // 60th day Adha Thu 29 Jun, Fri 30: Mon 3 Jul
    [InlineData("2023-11-01", "2024-01-02")] // 60th day Sun 31 Dec, New Year Mon 1 Jan: Tue 2 Jan 2024
    [InlineData("2024-02-10", "2024-04-15")] // deposited Sat; 60th day Eid Wed 10 Apr, Thu 11, exceptional Fri 12: Mon 15
    [InlineData("2024-05-08", "2024-07-08")] // 60th day 1 Muharram Sun 7 Jul: Mon 8
    [InlineData("2025-01-06", "2025-03-07")] // 60th day Fri 7 Mar, a working day: no move
    [InlineData("2025-01-30", "2025-04-02")] // 60th day Eid Mon 31 Mar, Tue 1 Apr: Wed 2
    [InlineData("2025-04-08", "2025-06-10")] // 60th day Adha Sat 7 Jun, Sun 8, exceptional Mon 9: Tue 10
    [InlineData("2025-07-07", "2025-09-08")] // 60th day Mawlid Fri 5 Sep, Sat 6, Sun 7: Mon 8
    [InlineData("2025-09-19", "2025-11-19")] // 60th day Independence Tue 18 Nov: Wed 19
    [InlineData("2026-03-28", "2026-05-29")] // 60th day Adha (estimated) Wed 27 May, Thu 28: Fri 29
    [InlineData("2026-09-01", "2026-11-02")] // 60th day Unity Day Sat 31 Oct: Mon 2 Nov
    [InlineData("2027-06-15", "2027-08-17")] // 60th day Sat 14 Aug, Mawlid (estimated) Sun 15–Mon 16: Tue 17
    [InlineData("2027-12-30", "2028-02-29")] // 60th day Eid al-Fitr 2nd day (estimated) Mon 28 Feb: leap day Tue 29
    [InlineData("2029-11-01", "2029-12-31")] // 60th day Mon 31 Dec, a working day: no move
    [InlineData("2029-11-02", "2030-01-02")] // 60th day New Year Tue 1 Jan 2030: Wed 2
    [InlineData("2030-11-01", "2030-12-31")] // 60th day Tue 31 Dec 2030, a working day: no move
    public void Is_due_sixty_calendar_days_after_deposit_or_the_next_working_day(string depositedOn, string expected) =>
        Assert.Equal(Given.Date(expected), Given.Due(Regime.Complaint, DeadlineStep.Answer, depositedOn));
}
