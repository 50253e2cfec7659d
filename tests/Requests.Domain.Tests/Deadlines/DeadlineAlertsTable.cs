using Requests.Domain.Deadlines;
using static Requests.Domain.Deadlines.AlertStage;

namespace Requests.Domain.Tests.Deadlines;

// The alerts of a deadline: reminders 5 and 1 working days before the due date, the miss on the first calendar day
// after it. Due dates around the autumn 2026 holidays: Green March Fri 6 Nov, Independence Day Wed 18 Nov, New Year
// Fri 1 Jan 2027; Unity Day Sat 31 Oct falls on a weekend.
public sealed class Scheduling_the_alerts_of_a_deadline
{
    [Theory]
    [InlineData(None, "2026-12-21", "2026-12-14")] // due Mon 21 Dec: the first reminder one plain week before, Mon 14
    [InlineData(FirstReminder, "2026-12-21", "2026-12-18")] // the last reminder on the working day before: Fri 18, over the weekend
    [InlineData(LastReminder, "2026-12-21", "2026-12-22")] // the miss on Tue 22: the due date itself is still in time
    [InlineData(None, "2026-11-19", "2026-11-11")] // due Thu 19 Nov: Tue 17, Mon 16, Fri 13, Thu 12, Wed 11 (Wed 18 is Independence Day)
    [InlineData(FirstReminder, "2026-11-19", "2026-11-17")] // the working day before Thu 19 is Tue 17, not the holiday
    [InlineData(LastReminder, "2026-11-19", "2026-11-20")] // the day after, Fri 20
    [InlineData(None, "2026-11-09", "2026-10-30")] // due Mon 9 Nov: Thu 5, Wed 4, Tue 3, Mon 2, Fri 30 Oct (Fri 6 is Green March)
    [InlineData(FirstReminder, "2026-11-09", "2026-11-05")] // before Mon 9: the weekend and Green March, Thu 5
    [InlineData(FirstReminder, "2027-01-04", "2026-12-31")] // due Mon 4 Jan: the weekend and New Year, Thu 31 Dec
    [InlineData(LastReminder, "2026-11-20", "2026-11-21")] // due Fri 20 Nov: missed on Sat 21, a calendar day: the sweep runs on weekends too
    public void The_next_alert_falls_due_on(AlertStage done, string dueOn, string expected) =>
        Assert.Equal(Given.Date(expected), DeadlineAlerts.NextAlertOn(done, Given.Date(dueOn), Given.Morocco));

    [Fact]
    public void Nothing_follows_the_miss() =>
        Assert.Null(DeadlineAlerts.NextAlertOn(Missed, Given.Date("2026-11-19"), Given.Morocco));

    [Theory]
    [InlineData("2026-11-10", "2026-11-19", None)] // Tue 10: the first reminder is on Wed 11
    [InlineData("2026-11-11", "2026-11-19", FirstReminder)] // Wed 11: 5 working days before Thu 19
    [InlineData("2026-11-14", "2026-11-19", FirstReminder)] // Sat 14: a weekend day between the two reminders
    [InlineData("2026-11-16", "2026-11-19", FirstReminder)] // Mon 16: the last reminder is on Tue 17
    [InlineData("2026-11-17", "2026-11-19", LastReminder)] // Tue 17: the working day before Thu 19 (Wed 18 is a holiday)
    [InlineData("2026-11-18", "2026-11-19", LastReminder)] // Wed 18, Independence Day: nothing new
    [InlineData("2026-11-19", "2026-11-19", LastReminder)] // the due date itself is still in time
    [InlineData("2026-11-20", "2026-11-19", Missed)] // Fri 20: the first day after
    [InlineData("2026-10-29", "2026-11-09", None)] // Thu 29 Oct: the first reminder for Mon 9 Nov is Fri 30 Oct
    [InlineData("2026-10-31", "2026-11-09", FirstReminder)] // Sat 31 Oct, Unity Day on a weekend: the first reminder stands
    [InlineData("2026-11-05", "2026-11-09", LastReminder)] // Thu 5: the working day before Mon 9 (Green March Fri 6)
    [InlineData("2026-11-06", "2026-11-09", LastReminder)] // Fri 6, Green March: still before the due date
    [InlineData("2026-11-10", "2026-11-09", Missed)] // Tue 10: the day after Mon 9
    [InlineData("2026-12-01", "2026-11-09", Missed)] // three weeks late: straight to the miss, no stale reminder
    [InlineData("2026-12-28", "2027-01-04", FirstReminder)] // Mon 28 Dec: due Mon 4 Jan, the first reminder fell on Fri 25 Dec (Thu 31, Wed 30, Tue 29, Mon 28, Fri 25; New Year skipped)
    [InlineData("2026-12-31", "2027-01-04", LastReminder)] // Thu 31 Dec: the working day before Mon 4 Jan
    public void The_stage_due_on_a_day(string today, string dueOn, AlertStage expected) =>
        Assert.Equal(expected, DeadlineAlerts.StageDue(Given.Date(today), Given.Date(dueOn), Given.Morocco));

    [Theory]
    [InlineData("2026-11-11", "2026-11-19", 5)] // Thu 12, Fri 13, Mon 16, Tue 17, Thu 19: the holiday does not count
    [InlineData("2026-11-17", "2026-11-19", 1)] // only Thu 19: Wed 18 is Independence Day
    [InlineData("2026-11-19", "2026-11-19", 0)] // on the due date
    [InlineData("2026-11-20", "2026-11-19", -1)] // a day late
    [InlineData("2026-11-23", "2026-11-19", -2)] // Fri 20 and Mon 23 late; the weekend does not count
    public void Working_days_left(string today, string dueOn, int expected) =>
        Assert.Equal(expected, DeadlineAlerts.WorkingDaysLeft(Given.Date(today), Given.Date(dueOn), Given.Morocco));
}
