using Requests.Domain.Calendar;
using Requests.Domain.Deadlines;
using Requests.Domain.Lifecycle;
using Requests.Routing.Storage;

namespace Requests.Routing.Cases;

/// <summary>One step of how a due date was reached, for a page to label in either language: <c>rule</c> (step, days,
/// unit), <c>day-zero</c> (date), <c>urgent</c> (days), <c>extension</c> (days), <c>pause</c> (date to to, days added),
/// <c>weekend</c> (days skipped), <c>holiday</c> (date, names, estimated), <c>due</c> (date).</summary>
public sealed record ExplanationStep(string Kind, DateOnly? Date = null, DateOnly? To = null, int? Days = null,
    string? Unit = null, string? Step = null, string? NameFr = null, string? NameAr = null, bool? Estimated = null);

/// <summary>How the deadline that runs now was computed: the legal clock's explanation in French (<c>Fr</c>, as intake's
/// <c>/api/deadlines</c> gives it) and the same as <see cref="ExplanationStep"/>s.</summary>
/// <param name="Deadline"><c>answer</c>, or <c>head-answer</c> during a recourse.</param>
public sealed record DueExplanation(string Deadline, DateOnly DueOn, string RuleVersion, IReadOnlyList<string> Fr,
    IReadOnlyList<ExplanationStep> Steps)
{
    public static DueExplanation? For(RoutedCase c, IEnumerable<CasePause> pauses, DateOnly today, RuleBook rules,
        HolidayCalendar calendar)
    {
        var query = CaseClock.StatusOf(c) is CaseStatus.UnderRecourse or CaseStatus.RecourseDeadlineMissed
            && c.RecourseFiledOn is { } filedOn
            ? CaseClock.HeadAnswerQuery(filedOn)
            : CaseClock.AnswerQuery(c, pauses, today);
        DueDate due;
        try
        {
            due = LegalClock.Compute(query, rules, calendar);
        }
        catch (ArgumentException)
        {
            return null; // a date outside the calendar's years: the page shows the due date without its reasoning
        }

        var rule = rules.Rule(query.Regime, query.Step);
        var unit = DeadlineCodes.Code(rule.Unit);
        var steps = new List<ExplanationStep>
        {
            new("rule", Days: rule.Length, Unit: unit, Step: DeadlineCodes.Code(query.Step)),
            new("day-zero", Date: query.StartsOn),
        };
        if (query.Urgent && rule.UrgentLength is { } urgent)
            steps.Add(new("urgent", Days: urgent, Unit: unit));
        if (query.Extended)
            steps.Add(new("extension", Days: rule.ExtensionLength, Unit: unit));
        foreach (var pause in query.Pauses ?? [])
        {
            var before = pause.From > query.StartsOn ? pause.From.AddDays(-1) : query.StartsOn;
            steps.Add(new("pause", Date: pause.From, To: pause.To, Unit: unit, Days: rule.Unit == DayUnit.Working
                ? calendar.WorkingDaysBetween(before, pause.To) : pause.To.DayNumber - before.DayNumber));
        }
        if (rule.Unit == DayUnit.Working)
        {
            var days = Enumerable.Range(1, due.DueOn.DayNumber - query.StartsOn.DayNumber).Select(query.StartsOn.AddDays).ToList();
            steps.Add(new("weekend", Days: days.Count(d => d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)));
            steps.AddRange(days.Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
                .SelectMany(calendar.HolidaysOn)
                .Select(h => new ExplanationStep("holiday", Date: h.Date, NameFr: h.NameFr, NameAr: h.NameAr, Estimated: h.Estimated)));
        }
        steps.Add(new("due", Date: due.DueOn));
        return new DueExplanation(DeadlineCodes.Code(query.Step), due.DueOn, due.RuleVersion, due.Explanation, steps);
    }
}
