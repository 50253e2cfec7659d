using Requests.Domain.Calendar;

namespace Requests.Reporting.Reports;

/// <summary>
/// Working days between two day numbers in O(1), from the legal calendar's cumulative index. Before 2018 or after 2031,
/// which the calendar does not cover (historical imports), Monday to Friday are counted and holidays are not.
/// </summary>
public sealed class WorkingDays(HolidayCalendar calendar)
{
    public int Between(int fromDay, int toDay)
    {
        var from = DateOnly.FromDayNumber(fromDay);
        var to = DateOnly.FromDayNumber(toDay);
        return HolidayCalendar.Covers(from) && HolidayCalendar.Covers(to)
            ? calendar.WorkingDaysBetween(from, to)
            : Weekdays(toDay) - Weekdays(fromDay);
    }

    // weekdays in [day 0, day]: day 0 (1 January 0001) is a Monday
    private static int Weekdays(int day) => day / 7 * 5 + Math.Min(day % 7 + 1, 5);
}
