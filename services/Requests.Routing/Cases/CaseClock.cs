using Requests.Domain.Calendar;
using Requests.Domain.Deadlines;
using Requests.Domain.Lifecycle;
using Requests.Routing.Storage;

namespace Requests.Routing.Cases;

/// <summary>The deadlines of a routed case as the legal clock computes them, and which one the deadline sweep watches. Used
/// by every move that changes a due date (extension, clarification, reopening, recourse) and by the recomputation after a
/// holiday correction, so they all agree.</summary>
public static class CaseClock
{
    public static readonly string AnswerDeadline = DeadlineCodes.Code(DeadlineStep.Answer);
    public static readonly string HeadAnswerDeadline = DeadlineCodes.Code(DeadlineStep.HeadAnswer);
    public static readonly string RecourseDeadline = DeadlineCodes.Code(DeadlineStep.RecourseHead);

    public static Regime RegimeOf(RoutedCase routed) =>
        DeadlineCodes.TryParseRegime(routed.Regime, out var regime) ? regime : Regime.Information;

    public static CaseStatus StatusOf(RoutedCase routed) =>
        LifecycleCodes.TryParse(routed.Status, out CaseStatus status) ? status : CaseStatus.Received;

    /// <summary>The answer's due date: from day zero, urgent or not, extended or not, with every clarification pause (an open one counts up to <paramref name="today"/>).</summary>
    public static DateOnly AnswerDueOn(RoutedCase routed, IEnumerable<CasePause> pauses, DateOnly today, RuleBook rules,
        HolidayCalendar calendar) => LegalClock.DueOn(AnswerQuery(routed, pauses, today), rules, calendar);

    public static DeadlineQuery AnswerQuery(RoutedCase routed, IEnumerable<CasePause> pauses, DateOnly today)
    {
        // pauses of an earlier round (before a complaint was reopened) belong to a clock that has stopped
        var closed = pauses.Where(p => p.StartsOn >= routed.ClockStartsOn)
            .OrderBy(p => p.StartsOn)
            .Select(p => new Pause(p.StartsOn, p.EndsOn ?? today))
            .ToList();
        return new DeadlineQuery(RegimeOf(routed), DeadlineStep.Answer, routed.ClockStartsOn, routed.Urgent,
            routed.Extended, closed.Count == 0 ? null : closed);
    }

    /// <summary>The due date of the deadline the case's status runs: the head's answer during a recourse (and after the
    /// head's silence), the body's answer otherwise. What an officer's queue sorts and counts down by.</summary>
    public static DateOnly RunningDueOn(RoutedCase routed) =>
        StatusOf(routed) is CaseStatus.UnderRecourse or CaseStatus.RecourseDeadlineMissed
            && routed.RecourseDueOn is { } headDue ? headDue : routed.DueOn;

    /// <summary>The head's answer to a recourse: 15 working days (a rule of the table) from the day it was received.</summary>
    public static DateOnly HeadAnswerDueOn(DateOnly recourseFiledOn, RuleBook rules, HolidayCalendar calendar) =>
        LegalClock.DueOn(HeadAnswerQuery(recourseFiledOn), rules, calendar);

    public static DeadlineQuery HeadAnswerQuery(DateOnly recourseFiledOn) =>
        new(Regime.Information, DeadlineStep.HeadAnswer, recourseFiledOn);

    /// <summary>Points the sweep at the deadline the case's status runs: the body's answer while one is owed and the clock
    /// runs, the head's answer during a recourse, none otherwise (paused, answered, closed...). The alert stage starts
    /// again when the watched deadline or its date changes, so a later due date gets its reminders anew.</summary>
    public static void ScheduleAlerts(RoutedCase routed, HolidayCalendar calendar)
    {
        var (deadline, dueOn) = StatusOf(routed) switch
        {
            CaseStatus.Received or CaseStatus.Assigned or CaseStatus.Accepted or CaseStatus.Extended or CaseStatus.Reopened
                => (AnswerDeadline, routed.DueOn),
            CaseStatus.UnderRecourse when routed.RecourseDueOn is { } headDue => (HeadAnswerDeadline, headDue),
            _ => ((string?)null, default(DateOnly)),
        };
        if (deadline is null)
        {
            routed.AlertDeadline = null;
            routed.NextAlertOn = null;
            return;
        }

        if (routed.AlertDeadline != deadline)
        {
            routed.AlertDeadline = deadline;
            routed.AlertStage = (int)AlertStage.None;
        }

        routed.NextAlertOn = DeadlineAlerts.NextAlertOn((AlertStage)routed.AlertStage, dueOn, calendar);
    }

    /// <summary>Like <see cref="ScheduleAlerts(RoutedCase, HolidayCalendar)"/> after a due date moved: the reminders start over.</summary>
    public static void RescheduleAlerts(RoutedCase routed, HolidayCalendar calendar)
    {
        routed.AlertDeadline = null;
        ScheduleAlerts(routed, calendar);
    }
}
