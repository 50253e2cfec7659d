using System.Globalization;
using Requests.Domain.Calendar;
using Requests.Domain.Deadlines;

namespace Requests.Domain.Tests;

/// <summary>Shorthands for the tables: dates are written as in the calendar, "2024-04-10".</summary>
internal static class Given
{
    public static HolidayCalendar Morocco => HolidayCalendar.Morocco;

    public static RuleBook Rules => RuleBook.Current;

    public static DateOnly Date(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly Due(Regime regime, DeadlineStep step, string startsOn, bool urgent = false,
        bool extended = false, params Pause[] pauses) =>
        LegalClock.DueOn(new DeadlineQuery(regime, step, Date(startsOn), urgent, extended, pauses), Rules, Morocco);

    public static Pause Pause(string from, string to) => new(Date(from), Date(to));
}
