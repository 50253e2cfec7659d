using Requests.Domain.Deadlines;

namespace Requests.Domain.Tests;

// 20 working days after receipt (Law 31.13). From a weekday with no holiday in between that is the same weekday
// four weeks later; each holiday on a weekday inside the window pushes the date by one working day.
public sealed class Answering_an_information_request
{
    [Theory]
    [InlineData("2018-01-02", "2018-01-31")] // Tue; 4 weeks = Tue 30 Jan, +1 for Thu 11 Jan: Wed 31
    [InlineData("2018-04-16", "2018-05-15")] // Mon; Mon 14 May +1 for Labour Day Tue 1 May: Tue 15
    [InlineData("2018-06-04", "2018-07-03")] // Mon; Mon 2 Jul +1 for Eid al-Fitr Fri 15 Jun (2nd day Sat): Tue 3
    [InlineData("2018-07-23", "2018-08-28")] // Mon; Throne 30 Jul, 14 Aug, then 20–23 Aug four days in a row: Tue 28
    [InlineData("2018-10-22", "2018-11-22")] // Mon; Green March Tue 6 Nov, Mawlid Tue 20–Wed 21 (18 Nov is a Sunday): Thu 22
    [InlineData("2018-12-10", "2019-01-08")] // Mon; over the year end, New Year Tue 1 Jan: Tue 8 Jan
    [InlineData("2019-03-03", "2019-03-29")] // received Sun: Mon 4 is working day 1, Fri 29 Mar is 20
    [InlineData("2019-05-20", "2019-06-19")] // Mon; Mon 17 Jun +2 for Eid al-Fitr Wed 5 and Thu 6: Wed 19
    [InlineData("2019-07-22", "2019-08-27")] // Mon; Throne Tue 30, Adha Mon 12–Tue 13, Wed 14; Mon 19 is day 16, 20–21 Aug off: Tue 27
    [InlineData("2019-10-21", "2019-11-21")] // Mon; Wed 6 Nov, Mawlid 2nd day Mon 11, Independence Mon 18: Thu 21
    [InlineData("2019-12-16", "2020-01-14")] // Mon; New Year Wed 1 Jan; 11 Jan is a Saturday: Tue 14
    [InlineData("2020-04-13", "2020-05-12")] // Mon; Labour Day Fri 1 May: Tue 12
    [InlineData("2020-05-11", "2020-06-09")] // Mon; Eid al-Fitr Sun 24 (weekend) and Mon 25: Tue 9 Jun
    [InlineData("2020-07-20", "2020-08-24")] // Mon; Thu 30, Fri 31 Jul, Fri 14 Aug; Mon 17 is day 17, 18, 19, then Thu 20–Fri 21 off: Mon 24
    [InlineData("2020-10-12", "2020-11-12")] // Mon; Mawlid Thu 29–Fri 30 Oct, Green March Fri 6 Nov: Thu 12
    [InlineData("2020-12-14", "2021-01-13")] // Mon; New Year Fri 1 Jan and Manifesto Mon 11 Jan: Wed 13
    [InlineData("2021-04-26", "2021-05-26")] // Mon; 1 May is a Saturday; Eid al-Fitr Thu 13–Fri 14: Wed 26
    [InlineData("2021-07-12", "2021-08-13")] // Mon; Adha Wed 21–Thu 22, Throne Fri 30; Mon 9 Aug is day 17, 1 Muharram Tue 10: Fri 13
    [InlineData("2021-10-04", "2021-11-03")] // Mon; Mawlid Tue 19–Wed 20 Oct: Wed 3 Nov
    [InlineData("2021-12-13", "2022-01-10")] // Mon; New Year 2022 is a Saturday, no weekday holiday: Mon 10 Jan
    [InlineData("2022-04-25", "2022-05-25")] // Mon; Labour Day Sun 1 May; Eid al-Fitr Mon 2–Tue 3: Wed 25
    [InlineData("2022-06-27", "2022-07-26")] // Mon; Eid al-Adha Sun 10 (weekend) and Mon 11: Tue 26
    [InlineData("2022-09-26", "2022-10-25")] // Mon; Mawlid Sun 9 (weekend) and Mon 10 Oct: Tue 25
    [InlineData("2022-12-12", "2023-01-09")] // Mon; New Year 2023 is a Sunday: Mon 9 Jan
    [InlineData("2023-04-10", "2023-05-10")] // Mon; Eid al-Fitr Sat–Sun, exceptional Mon 24 Apr, Labour Day Mon 1 May: Wed 10
    [InlineData("2023-06-19", "2023-07-20")] // Mon; Adha Thu 29–Fri 30 Jun; Mon 17 Jul is day 18, Tue 19, 1 Muharram Wed 19 off: Thu 20
    [InlineData("2023-08-07", "2023-09-06")] // Mon; Oued Ed-Dahab Mon 14, Youth Day Mon 21 (Revolution Sun 20): Wed 6 Sep
    [InlineData("2023-09-18", "2023-10-18")] // Mon; Mawlid Thu 28–Fri 29 Sep: Wed 18 Oct
    [InlineData("2023-12-11", "2024-01-09")] // Mon; New Year Mon 1 Jan: Tue 9 (Manifesto Thu 11 is after)
    [InlineData("2024-01-02", "2024-01-31")] // Tue; Manifesto Thu 11; Amazigh New Year Sun 14 changes nothing: Wed 31
    [InlineData("2024-03-25", "2024-04-25")] // Mon; Eid al-Fitr Wed 10, Thu 11, exceptional Fri 12 Apr: Thu 25
    [InlineData("2024-06-03", "2024-07-03")] // Mon; Eid al-Adha Mon 17–Tue 18 Jun: Wed 3 Jul
    [InlineData("2024-06-15", "2024-07-16")] // received Sat; Mon 17–Tue 18 off, Wed 19 is working day 1: Tue 16 Jul
    [InlineData("2024-09-02", "2024-10-02")] // Mon; Mawlid Mon 16–Tue 17 Sep: Wed 2 Oct
    [InlineData("2024-12-16", "2025-01-15")] // Mon; New Year Wed 1; Mon 13 is day 19, Amazigh New Year Tue 14: Wed 15
    [InlineData("2025-03-17", "2025-04-16")] // Mon; Eid al-Fitr Mon 31 Mar–Tue 1 Apr: Wed 16
    [InlineData("2025-05-26", "2025-06-24")] // Mon; Adha on Sat 7–Sun 8, exceptional day off Mon 9 Jun: Tue 24
    [InlineData("2025-08-04", "2025-09-04")] // Mon; Thu 14, Wed 20, Thu 21 Aug: Thu 4 Sep (Mawlid Fri 5 is after)
    [InlineData("2025-08-11", "2025-09-12")] // Mon; Thu 14, Wed 20, Thu 21 Aug and Mawlid Fri 5 Sep: Fri 12
    [InlineData("2025-10-20", "2025-11-19")] // Mon; 31 Oct not yet a holiday in 2025; Green March Thu 6, Independence Tue 18: Wed 19
    [InlineData("2026-02-23", "2026-03-23")] // Mon; Eid al-Fitr estimated on Sat 21–Sun 22 Mar: Mon 23
    [InlineData("2026-05-11", "2026-06-10")] // Mon; Eid al-Adha estimated Wed 27–Thu 28 May: Wed 10 Jun
    [InlineData("2026-10-19", "2026-11-17")] // Mon; Unity Day Sat 31 Oct; Green March Fri 6 Nov: Tue 17
    [InlineData("2026-12-07", "2027-01-05")] // Mon; New Year Fri 1 Jan 2027: Tue 5
    [InlineData("2027-02-22", "2027-03-24")] // Mon; Eid al-Fitr estimated Wed 10–Thu 11 Mar: Wed 24
    [InlineData("2027-07-26", "2027-08-26")] // Mon; Throne Fri 30, Mawlid 2nd day Mon 16, Revolution Fri 20 (14, 15, 21 on weekends): Thu 26
    [InlineData("2028-02-14", "2028-03-14")] // Mon; Eid al-Fitr 2nd day Mon 28 Feb; 29 Feb (leap day) is a working day: Tue 14 Mar
    [InlineData("2028-04-24", "2028-05-24")] // Mon; Labour Day Mon 1 May, Eid al-Adha Fri 5 May: Wed 24
    [InlineData("2028-10-16", "2028-11-15")] // Mon; Unity Day Tue 31 Oct, Green March Mon 6 Nov: Wed 15
    [InlineData("2029-07-16", "2029-08-17")] // Mon; Mawlid Tue 24–Wed 25, Throne Mon 30 Jul; Mon 13 Aug day 17, Tue 14 off: Fri 17
    [InlineData("2029-12-17", "2030-01-17")] // Mon; Tue 1 Jan, Fri 11 Jan, Amazigh New Year Mon 14: Thu 17
    [InlineData("2030-11-18", "2030-12-16")] // received on Independence Day (Mon): day zero anyway, no holiday after: Mon 16 Dec
    public void Is_due_on_the_twentieth_working_day_after_receipt(string receivedOn, string expected) =>
        Assert.Equal(Given.Date(expected), Given.Due(Regime.Information, DeadlineStep.Answer, receivedOn));
}
