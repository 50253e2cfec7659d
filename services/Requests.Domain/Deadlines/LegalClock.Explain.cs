using System.Globalization;
using Requests.Domain.Calendar;

namespace Requests.Domain.Deadlines;

// The explanation an officer or a citizen reads when disputing a date: the rule, day zero, the days skipped and
// why, the extension, the pauses, the move of a deadline ending on a day off. Same arithmetic as DueOn.
public static partial class LegalClock
{
    public static DueDate Compute(DeadlineQuery query, RuleBook rules, HolidayCalendar calendar)
    {
        var rule = rules.Rule(query.Regime, query.Step);
        int length = Length(query, rule, rules.Version);
        var start = query.StartsOn;
        int first = query.Urgent ? length : rule.Length;
        var lines = new List<string>
        {
            Line($"Règle appliquée (table {rules.Version}) : {rules.For(query.Regime).Law}, étape « {DeadlineCodes.LabelFr(query.Step)} » : {rule.Length} {Days(rule.Unit)} ; point de départ : {rule.ClockStarts}."),
            Line($"Jour zéro : {FrenchDate.Format(start)} (non compté)."),
        };
        if (query.Urgent)
        {
            lines.Add(Line($"Demande urgente : le délai est de {length} {Days(rule.Unit)} au lieu de {rule.Length}."));
        }

        lines.Add(rule.Unit == DayUnit.Working
            ? Line($"Fin du délai de {first} {Days(rule.Unit)} : {FrenchDate.Format(End(start, first, rule.Unit, calendar))}.")
            : Line($"Le {first}e jour calendaire après le jour zéro est le {FrenchDate.Format(start.AddDays(first))}."));
        if (query.Extended)
        {
            lines.Add(Line($"Prorogation (une seule fois) : +{rule.ExtensionLength} {Days(rule.Unit)} à compter de la fin du premier délai, soit le {FrenchDate.Format(End(start, length, rule.Unit, calendar))}."));
        }

        var due = query.Pauses is { Count: > 0 } pauses
            ? EndWithPauses(start, length, rule.Unit, Ordered(pauses), calendar, lines)
            : End(start, length, rule.Unit, calendar);
        // a calendar-day deadline depends on the holidays at its end only; a working-day one on all of them
        var dependsFrom = rule.Unit == DayUnit.Working ? start.AddDays(1) : start.AddDays(length + PausedCalendarDays(query, start));
        lines.AddRange(rule.Unit == DayUnit.Working
            ? SkippedWorking(start, due, calendar)
            : MovedCalendar(due, calendar, dependsFrom));
        lines.AddRange(EstimatedWarning(dependsFrom, due, calendar));
        lines.Add(Line($"Échéance : {FrenchDate.Format(due)}."));
        return new DueDate(due, rules.Version, lines);
    }

    private static IEnumerable<string> SkippedWorking(DateOnly start, DateOnly due, HolidayCalendar calendar)
    {
        var days = Enumerable.Range(1, due.DayNumber - start.DayNumber).Select(start.AddDays).ToList();
        int weekend = days.Count(IsWeekend);
        var holidays = days.Where(d => !IsWeekend(d) && calendar.HolidaysOn(d).Count > 0)
            .Select(d => $"{FrenchDate.Format(d)} ({Reason(d, calendar)})").ToList();
        yield return holidays.Count == 0
            ? Line($"Jours non ouvrables sautés : {weekend} jours de week-end, aucun jour férié.")
            : Line($"Jours non ouvrables sautés : {weekend} jours de week-end ; jours fériés : {string.Join(", ", holidays)}.");
    }

    private static IEnumerable<string> MovedCalendar(DateOnly due, HolidayCalendar calendar, DateOnly end)
    {
        if (end == due)
        {
            yield return Line($"Le dernier jour du délai, {FrenchDate.Format(end)}, est un jour ouvrable.");
            yield break;
        }

        var off = Enumerable.Range(0, due.DayNumber - end.DayNumber).Select(end.AddDays)
            .Select(d => $"{FrenchDate.Format(d)} ({Reason(d, calendar)})");
        yield return Line($"Le délai se termine un jour non ouvrable ; jours sautés : {string.Join(", ", off)} : l'échéance est reportée au jour ouvrable suivant.");
    }

    private static IEnumerable<string> EstimatedWarning(DateOnly from, DateOnly due, HolidayCalendar calendar)
    {
        var estimated = calendar.Holidays.Where(h => h.Estimated && h.Date >= from && h.Date <= due)
            .Select(h => $"{h.NameFr} ({FrenchDate.Format(h.Date)})").ToList();
        if (estimated.Count > 0)
        {
            yield return Line($"Attention : dates estimées, à confirmer : {string.Join(", ", estimated)} ; l'échéance sera recalculée si elles changent.");
        }
    }

    private static int PausedCalendarDays(DeadlineQuery query, DateOnly start) =>
        query.Pauses?.Sum(p => p.To.DayNumber - (p.From > start ? p.From.AddDays(-1) : start).DayNumber) ?? 0;

    private static string PauseLine(Pause pause, int paused, DayUnit unit, DateOnly due) =>
        Line($"Suspension pour clarification du {FrenchDate.Format(pause.From)} au {FrenchDate.Format(pause.To)} : {paused} {Days(unit)} rajoutés, l'échéance passe au {FrenchDate.Format(due)}.");

    private static string Reason(DateOnly date, HolidayCalendar calendar)
    {
        var reasons = calendar.HolidaysOn(date)
            .Select(h => h.Estimated ? $"{h.NameFr}, date estimée" : h.NameFr).ToList();
        if (IsWeekend(date))
        {
            reasons.Insert(0, "week-end");
        }

        return string.Join(" ; ", reasons);
    }

    private static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    private static string Days(DayUnit unit) => unit == DayUnit.Working ? "jours ouvrables" : "jours calendaires";

    private static string Line(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
