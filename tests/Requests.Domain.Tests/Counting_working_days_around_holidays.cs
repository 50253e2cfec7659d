namespace Requests.Domain.Tests;

// The next working day after a date, across every kind of day off 2018–2030. Weekdays are checked against
// the calendar printed from Data/holidays-ma.json.
public sealed class Counting_working_days_around_holidays
{
    [Theory]
    [InlineData("2018-01-01", "2018-01-02")] // day zero is itself a holiday (New Year, Mon): Tue is the first working day
    [InlineData("2018-01-10", "2018-01-12")] // Thu 11 Jan, Independence Manifesto, skipped: Fri
    [InlineData("2018-06-14", "2018-06-18")] // Fri 15 Jun Eid al-Fitr, Sat 16 its 2nd day on the weekend: Mon
    [InlineData("2018-08-17", "2018-08-24")] // Fri; Mon 20 Revolution, Tue 21 Youth, Wed 22 and Thu 23 Eid al-Adha: four in a row, Fri 24
    [InlineData("2018-11-16", "2018-11-19")] // Fri; Independence Day Sun 18 Nov falls on the weekend: Mon
    [InlineData("2018-11-19", "2018-11-22")] // Mon; Mawlid Tue 20 and Wed 21: Thu
    [InlineData("2018-12-31", "2019-01-02")] // year end: Tue 1 Jan 2019 is New Year: Wed 2 Jan
    [InlineData("2019-06-04", "2019-06-07")] // Tue; Eid al-Fitr Wed 5 and Thu 6 Jun: Fri
    [InlineData("2019-08-09", "2019-08-15")] // Fri; Eid al-Adha Mon 12, Tue 13, then Oued Ed-Dahab Wed 14: Thu 15
    [InlineData("2019-08-30", "2019-09-02")] // Fri; 1 Muharram on Sun 1 Sep changes nothing: Mon
    [InlineData("2019-11-08", "2019-11-12")] // Fri; Mawlid Sun 10 (weekend) and Mon 11 (2nd day): Tue
    [InlineData("2019-11-15", "2019-11-19")] // Fri; Independence Day Mon 18 Nov: Tue
    [InlineData("2020-01-10", "2020-01-13")] // Fri; 11 Jan on a Saturday: Mon
    [InlineData("2020-04-30", "2020-05-04")] // Thu; Labour Day Fri 1 May: Mon 4
    [InlineData("2020-05-22", "2020-05-26")] // Fri; Eid al-Fitr Sun 24 and Mon 25: Tue
    [InlineData("2020-07-29", "2020-08-03")] // Wed; Throne Thu 30, Eid al-Adha Fri 31 and Sat 1 Aug: Mon 3
    [InlineData("2020-08-19", "2020-08-24")] // Wed; Revolution Thu 20, Youth Day and 1 Muharram both on Fri 21: Mon
    [InlineData("2020-10-28", "2020-11-02")] // Wed; Mawlid Thu 29 and Fri 30 Oct: Mon 2 Nov
    [InlineData("2021-05-12", "2021-05-17")] // Wed; Eid al-Fitr Thu 13 and Fri 14: Mon
    [InlineData("2021-08-09", "2021-08-11")] // Mon; 1 Muharram Tue 10 Aug: Wed
    [InlineData("2021-12-31", "2022-01-03")] // year end: New Year 2022 on a Saturday: Mon 3 Jan
    [InlineData("2022-04-29", "2022-05-04")] // Fri; Labour Day Sun 1 May, Eid al-Fitr Mon 2 and Tue 3: Wed
    [InlineData("2022-07-29", "2022-08-01")] // Fri; Throne Day and 1 Muharram both on Sat 30 Jul: Mon
    [InlineData("2022-10-07", "2022-10-11")] // Fri; Mawlid Sun 9 and Mon 10 Oct: Tue
    [InlineData("2023-04-21", "2023-04-25")] // Fri; Eid al-Fitr Sat 22, Sun 23, exceptional day off Mon 24: Tue
    [InlineData("2023-06-28", "2023-07-03")] // Wed; Eid al-Adha Thu 29 and Fri 30 Jun: Mon 3 Jul
    [InlineData("2023-08-18", "2023-08-22")] // Fri; Revolution Sun 20, Youth Day Mon 21: Tue
    [InlineData("2023-12-29", "2024-01-02")] // year end: New Year 2024 Mon: Tue 2 Jan
    [InlineData("2024-01-12", "2024-01-15")] // Fri; the first Amazigh New Year holiday is Sun 14 Jan: Mon
    [InlineData("2024-04-09", "2024-04-15")] // Tue; Eid al-Fitr Wed 10, Thu 11, exceptional Fri 12: Mon 15
    [InlineData("2024-07-05", "2024-07-08")] // Fri; 1 Muharram Sun 7 Jul: Mon
    [InlineData("2024-09-13", "2024-09-18")] // Fri; Mawlid Mon 16 and Tue 17 Sep: Wed
    [InlineData("2025-01-13", "2025-01-15")] // Mon; Amazigh New Year Tue 14 Jan: Wed
    [InlineData("2025-03-28", "2025-04-02")] // Fri; Eid al-Fitr Mon 31 Mar and Tue 1 Apr: Wed
    [InlineData("2025-06-06", "2025-06-10")] // Fri; Eid al-Adha Sat 7, Sun 8, exceptional Mon 9 Jun: Tue
    [InlineData("2025-06-26", "2025-06-30")] // Thu; 1 Muharram Fri 27 Jun: Mon
    [InlineData("2025-09-04", "2025-09-08")] // Thu; Mawlid Fri 5 and Sat 6 Sep: Mon
    [InlineData("2026-03-20", "2026-03-23")] // Fri; Eid al-Fitr estimated Sat 21/Sun 22 Mar: Mon
    [InlineData("2026-05-26", "2026-05-29")] // Tue; Eid al-Adha estimated Wed 27 and Thu 28 May: Fri
    [InlineData("2026-10-30", "2026-11-02")] // Fri; Unity Day Sat 31 Oct (new in 2026) on the weekend: Mon
    [InlineData("2027-08-13", "2027-08-17")] // Fri; Oued Ed-Dahab Sat 14, Mawlid Sun 15 and Mon 16 (estimated): Tue
    [InlineData("2027-12-31", "2028-01-03")] // year end: New Year 2028 on a Saturday: Mon 3 Jan
    [InlineData("2028-02-25", "2028-02-29")] // Fri; Eid al-Fitr Sun 27 and Mon 28 Feb (estimated): leap day Tue 29
    [InlineData("2028-10-30", "2028-11-01")] // Mon; Unity Day Tue 31 Oct: Wed 1 Nov
    [InlineData("2029-04-23", "2029-04-26")] // Mon; Eid al-Adha Tue 24 and Wed 25 Apr (estimated): Thu
    [InlineData("2029-08-17", "2029-08-22")] // Fri; Revolution Mon 20, Youth Tue 21: Wed
    [InlineData("2029-12-31", "2030-01-02")] // year end: New Year 2030 Tue: Wed 2 Jan
    [InlineData("2030-01-10", "2030-01-15")] // Thu; Manifesto Fri 11, Amazigh New Year Mon 14: Tue
    [InlineData("2030-02-01", "2030-02-06")] // Fri; Eid al-Fitr Mon 4 and Tue 5 Feb (estimated): Wed
    [InlineData("2030-12-31", "2031-01-02")] // year end: New Year 2031 Wed: Thu 2 Jan
    public void The_next_working_day_skips_weekends_and_every_holiday(string start, string expected) =>
        Assert.Equal(Given.Date(expected), Given.Morocco.AddWorkingDays(Given.Date(start), 1));
}
