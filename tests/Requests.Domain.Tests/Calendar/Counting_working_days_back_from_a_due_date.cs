namespace Requests.Domain.Tests.Calendar;

// HolidayCalendar.WorkingDaysBefore: the day the reminders of a deadline fall on. Autumn 2026 has a holiday in
// each week that matters: Unity Day Sat 31 Oct, Green March Fri 6 Nov, Independence Day Wed 18 Nov, and New Year
// Fri 1 Jan, Manifesto Mon 11 Jan, Yennayer Thu 14 Jan 2027 (Data/holidays-ma.json).
public sealed class Counting_working_days_back_from_a_due_date
{
    [Theory]
    [InlineData("2026-12-21", 0, "2026-12-21")] // no days back: the due date itself
    [InlineData("2026-12-21", 1, "2026-12-18")] // Mon: the weekend is skipped, Fri
    [InlineData("2026-12-21", 5, "2026-12-14")] // Mon: Fri 18, Thu 17, Wed 16, Tue 15, Mon 14: one plain week back
    [InlineData("2026-11-19", 1, "2026-11-17")] // Thu: Wed 18 is Independence Day, Tue 17
    [InlineData("2026-11-19", 5, "2026-11-11")] // Thu: Tue 17, Mon 16, Fri 13, Thu 12, Wed 11 (Wed 18 skipped)
    [InlineData("2026-11-23", 5, "2026-11-13")] // Mon: Fri 20, Thu 19, Tue 17, Mon 16, Fri 13
    [InlineData("2026-11-09", 1, "2026-11-05")] // Mon: the weekend and Green March Fri 6 Nov, Thu 5
    [InlineData("2026-11-09", 5, "2026-10-30")] // Mon: Thu 5, Wed 4, Tue 3, Mon 2, Fri 30 Oct (Unity Day Sat 31 is a weekend day anyway)
    [InlineData("2026-11-10", 5, "2026-11-02")] // Tue: Mon 9, Thu 5, Wed 4, Tue 3, Mon 2 (Fri 6 skipped)
    [InlineData("2027-01-04", 1, "2026-12-31")] // Mon: the weekend and New Year Fri 1 Jan, Thu 31 Dec of the year before
    [InlineData("2027-01-05", 5, "2026-12-28")] // Tue: Mon 4, Thu 31, Wed 30, Tue 29, Mon 28 Dec (Fri 1 Jan skipped)
    [InlineData("2027-01-12", 1, "2027-01-08")] // Tue: Manifesto Mon 11 Jan and the weekend, Fri 8
    [InlineData("2027-01-15", 5, "2027-01-06")] // Fri: Wed 13, Tue 12, Fri 8, Thu 7, Wed 6 (Yennayer Thu 14 and Mon 11 skipped)
    [InlineData("2026-11-18", 1, "2026-11-16")] // an end that is itself a day off (Independence Day): (Mon 16, Wed 18] holds one working day, Tue 17
    public void Lands_on_the_working_day_that_many_working_days_before(string end, int days, string expected)
    {
        var day = Given.Morocco.WorkingDaysBefore(Given.Date(end), days);

        Assert.Equal(Given.Date(expected), day);
        Assert.True(Given.Morocco.IsWorkingDay(day));
        Assert.Equal(days, Given.Morocco.WorkingDaysBetween(day, Given.Date(end)));
    }

    [Fact]
    public void Refuses_a_negative_number_of_days() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Given.Morocco.WorkingDaysBefore(Given.Date("2026-11-19"), -1));
}
