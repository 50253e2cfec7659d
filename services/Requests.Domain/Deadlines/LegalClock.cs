using System.Globalization;
using Requests.Domain.Calendar;

namespace Requests.Domain.Deadlines;

/// <summary>
/// Due dates: day zero is the starting date; a working-day deadline ends on the N-th working day after it; a
/// calendar-day deadline that ends on a Saturday, Sunday or holiday moves to the next working day. An extension
/// adds its length to the count from day zero (for working days that is "from the end of the first period");
/// clarification pauses add back the paused days (see <see cref="Pause"/>). Pure: no clock, no I/O.
/// </summary>
public static partial class LegalClock
{
    /// <summary>The due date alone; allocates nothing when there is no pause. A bad query throws <see cref="ArgumentException"/>.</summary>
    public static DateOnly DueOn(DeadlineQuery query, RuleBook rules, HolidayCalendar calendar)
    {
        var rule = rules.Rule(query.Regime, query.Step);
        int length = Length(query, rule, rules.Version);
        var pauses = query.Pauses;
        return pauses is null || pauses.Count == 0
            ? End(query.StartsOn, length, rule.Unit, calendar)
            : EndWithPauses(query.StartsOn, length, rule.Unit, Ordered(pauses), calendar, explanation: null);
    }

    private static DateOnly End(DateOnly start, int days, DayUnit unit, HolidayCalendar calendar) =>
        unit == DayUnit.Working
            ? calendar.AddWorkingDays(start, days)
            : calendar.NextWorkingDayOnOrAfter(CalendarEnd(start, days));

    private static DateOnly CalendarEnd(DateOnly start, int days) =>
        HolidayCalendar.Covers(start) ? start.AddDays(days) : throw OutOfRange(start);

    private static DateOnly EndWithPauses(DateOnly start, int length, DayUnit unit, IReadOnlyList<Pause> pauses,
        HolidayCalendar calendar, List<string>? explanation)
    {
        var due = End(start, length, unit, calendar);
        int added = 0;
        Pause? previous = null;
        foreach (var pause in pauses)
        {
            Check(pause, previous, start, due);
            // day zero is never counted, so a pause starting on it only stops the days after it
            var before = pause.From > start ? pause.From.AddDays(-1) : start;
            int paused = unit == DayUnit.Working
                ? calendar.WorkingDaysBetween(before, pause.To)
                : pause.To.DayNumber - before.DayNumber;
            added += paused;
            due = End(start, length + added, unit, calendar);
            explanation?.Add(PauseLine(pause, paused, unit, due));
            previous = pause;
        }

        return due;
    }

    private static int Length(DeadlineQuery query, StepRule rule, string version)
    {
        int length = rule.Length;
        if (query.Urgent)
        {
            length = rule.UrgentLength ?? throw Invalid(
                $"Only an information request's answer can be urgent: the {DeadlineCodes.Code(query.Regime)} step '{DeadlineCodes.Code(query.Step)}' has no urgent period in rule table {version}.");
            if (query.Extended)
            {
                throw Invalid("An urgent answer period cannot be extended.");
            }
        }

        if (query.Extended)
        {
            length += rule.Extendable ? rule.ExtensionLength : throw Invalid(
                $"The {DeadlineCodes.Code(query.Regime)} step '{DeadlineCodes.Code(query.Step)}' cannot be extended under rule table {version}.");
        }

        return length;
    }

    private static IReadOnlyList<Pause> Ordered(IReadOnlyList<Pause> pauses)
    {
        for (int i = 1; i < pauses.Count; i++)
        {
            if (pauses[i] is null || pauses[i - 1] is null || pauses[i].From < pauses[i - 1].From)
            {
                return [.. pauses.OrderBy(p => p?.From ?? throw Invalid("A pause cannot be null."))];
            }
        }

        return pauses[0] is null ? throw Invalid("A pause cannot be null.") : pauses;
    }

    private static void Check(Pause pause, Pause? previous, DateOnly start, DateOnly due)
    {
        string Text(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (pause.To < pause.From)
        {
            throw Invalid($"The pause from {Text(pause.From)} to {Text(pause.To)} ends before it begins.");
        }

        if (pause.From < start)
        {
            throw Invalid($"The pause from {Text(pause.From)} begins before day zero ({Text(start)}).");
        }

        if (previous is not null && pause.From <= previous.To)
        {
            throw Invalid($"The pauses from {Text(previous.From)} and from {Text(pause.From)} overlap.");
        }

        if (pause.From > due)
        {
            throw Invalid($"The pause from {Text(pause.From)} begins after the due date {Text(due)}: the clock had already run out.");
        }
    }

    // the whole query is the culprit: the HTTP layer turns these into a 400 naming the problem
    private static ArgumentException Invalid(string message, string paramName = "query") => new(message, paramName);

    private static ArgumentOutOfRangeException OutOfRange(DateOnly date, string paramName = "query") => new(paramName, date, string.Create(
        CultureInfo.InvariantCulture,
        $"The calendar covers {HolidayCalendar.FirstDay:yyyy-MM-dd} to {HolidayCalendar.LastDay:yyyy-MM-dd}; {date:yyyy-MM-dd} is outside it."));
}
