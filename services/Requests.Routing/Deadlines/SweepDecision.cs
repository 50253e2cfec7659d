using Requests.Domain.Calendar;
using Requests.Domain.Deadlines;
using Requests.Domain.Lifecycle;
using Requests.Routing.Cases;
using static Requests.Domain.Lifecycle.CaseStatus;

namespace Requests.Routing.Deadlines;

/// <summary>A case whose next alert has come, as the sweep reads it.</summary>
public sealed record DueCase(string Id, string TrackingNumber, string Regime, string Kind, string BodyCode, string Status,
    int Version, string? Deadline, int Stage, DateOnly DueOn, DateOnly? RecourseDueOn, string? OfficerId);

public enum SweepAction
{
    /// <summary>No clock runs for the watched deadline (paused, answered...): clear the next alert, tell nobody.</summary>
    Stop,

    /// <summary>Nothing new is due (the due date moved later): only the next alert's date changes.</summary>
    Reschedule,

    /// <summary>A reminder before the deadline.</summary>
    Remind,

    /// <summary>The deadline passed: the case moves to a missed status and the head is told.</summary>
    Miss,
}

/// <summary>What the sweep does with one case: the stage it moves to, its next alert, its status after.</summary>
public sealed record SweepStep(SweepAction Action, AlertStage Stage, DateOnly? NextAlertOn, DateOnly DueOn, CaseStatus To);

public static class SweepDecision
{
    /// <summary>Jumps straight to the stage <paramref name="today"/> calls for: a sweep that comes late after the due date
    /// declares the miss and sends no reminder that is already stale. Stages never go back.</summary>
    public static SweepStep Decide(DueCase row, DateOnly today, HolidayCalendar calendar)
    {
        var stored = (AlertStage)row.Stage;
        if (!LifecycleCodes.TryParse(row.Status, out CaseStatus status) || WatchedDueOn(row, status) is not { } due)
            return new SweepStep(SweepAction.Stop, stored, null, row.DueOn, status);

        var stage = DeadlineAlerts.StageDue(today, due, calendar);
        if (stage <= stored)
            return new SweepStep(SweepAction.Reschedule, stored, DeadlineAlerts.NextAlertOn(stored, due, calendar), due, status);
        if (stage < AlertStage.Missed)
            return new SweepStep(SweepAction.Remind, stage, DeadlineAlerts.NextAlertOn(stage, due, calendar), due, status);

        var regime = DeadlineCodes.TryParseRegime(row.Regime, out var r) ? r : Regime.Information;
        return CaseLifecycle.TryFire(regime, status, CaseTrigger.MissDeadline, out var to)
            ? new SweepStep(SweepAction.Miss, AlertStage.Missed, null, due, to)
            : new SweepStep(SweepAction.Stop, stored, null, due, status);
    }

    // the same rule as CaseClock.ScheduleAlerts: a deadline is watched only while the status runs its clock
    private static DateOnly? WatchedDueOn(DueCase row, CaseStatus status)
    {
        if (row.Deadline == CaseClock.AnswerDeadline)
            return status is Received or Assigned or Accepted or Extended or Reopened ? row.DueOn : null;
        if (row.Deadline == CaseClock.HeadAnswerDeadline)
            return status is UnderRecourse ? row.RecourseDueOn : null;
        return null;
    }
}
