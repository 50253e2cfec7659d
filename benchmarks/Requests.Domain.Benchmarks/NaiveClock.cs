using Requests.Domain.Calendar;
using Requests.Domain.Deadlines;

namespace Requests.Domain.Benchmarks;

/// <summary>The obvious implementation, for comparison: walk day by day, looking each date up in a set of holidays.</summary>
internal sealed class NaiveClock(RuleBook rules, HolidayCalendar calendar)
{
    private readonly HashSet<DateOnly> _holidays = [.. calendar.Holidays.Select(h => h.Date)];

    public DateOnly DueOn(DeadlineQuery query)
    {
        var rule = rules.Rule(query.Regime, query.Step);
        int days = (query.Urgent ? rule.UrgentLength!.Value : rule.Length) + (query.Extended ? rule.ExtensionLength : 0);
        var date = query.StartsOn;
        if (rule.Unit == DayUnit.Calendar)
        {
            date = date.AddDays(days);
            while (IsDayOff(date))
            {
                date = date.AddDays(1);
            }

            return date;
        }

        while (days > 0)
        {
            date = date.AddDays(1);
            days -= IsDayOff(date) ? 0 : 1;
        }

        return date;
    }

    private bool IsDayOff(DateOnly date) =>
        date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || _holidays.Contains(date);
}
