using Microsoft.EntityFrameworkCore;
using Requests.Contracts.Routing;
using Requests.Domain.Calendar;
using Requests.Domain.Lifecycle;
using Requests.Routing.Cases;
using Requests.Routing.Storage;
using Requests.ServiceDefaults.Messaging;
using static System.FormattableString;

namespace Requests.Routing.Calendar;

/// <summary>After a holiday correction, the due dates of open cases computed with the calendar it changed: "open cases' due
/// dates are recomputed and the change is recorded on each case with the previous value". That is the body's answer, the
/// head's answer to a recourse, and the requester's last day to file that recourse while the window is open. A deadline
/// declared missed whose corrected date has not passed yet was missed too early: the case is open again.</summary>
public static class DueDateRecomputation
{
    public const string Action = "recompute-due-date";

    /// <summary>The statuses whose answer clock runs, or is paused for a clarification.</summary>
    public static readonly IReadOnlyList<string> AnswerClockStatuses = [.. new[] { CaseStatus.Received, CaseStatus.Assigned,
        CaseStatus.Accepted, CaseStatus.AwaitingClarification, CaseStatus.Extended, CaseStatus.Reopened }.Select(LifecycleCodes.Code)];

    private static readonly string Paused = LifecycleCodes.Code(CaseStatus.AwaitingClarification);
    private static readonly string UnderRecourse = LifecycleCodes.Code(CaseStatus.UnderRecourse);
    private static readonly string Missed = LifecycleCodes.Code(CaseStatus.DeadlineMissed);
    private static readonly string HeadMissed = LifecycleCodes.Code(CaseStatus.RecourseDeadlineMissed);

    /// <summary>Moves the due dates the correction changes, in the caller's transaction; returns how many cases changed.</summary>
    public static async Task<int> RecomputeAsync(RoutingDbContext db, HolidayCorrectionRecord correction, HolidayCalendar before,
        HolidayCalendar after, CalendarStore calendar, DateTime now, CancellationToken cancellationToken)
    {
        // which days are working days changes only on the old and the new date; a confirmation in place changes none
        var newDate = correction.NewDate ?? correction.HolidayDate;
        var (earlier, later) = newDate < correction.HolidayDate ? (newDate, correction.HolidayDate) : (correction.HolidayDate, newDate);
        if (earlier == later)
            return 0;

        // A due date depends only on the days from day zero to itself: a change after the old due date cannot move it
        // (if the new holiday falls after it, the old one did too). A paused case's date grows each day of the pause
        // (the open pause counts up to today), so its stored one says nothing: those are all checked. A case whose
        // deadline was declared missed is checked too: a later date that has not passed yet undoes the miss.
        var answerCases = await db.Cases
            .Where(c => (AnswerClockStatuses.Contains(c.Status) || c.Status == Missed) && c.ClockStartsOn <= later
                && (c.DueOn >= earlier || c.Status == Paused))
            .ToListAsync(cancellationToken);
        var recourses = await db.Cases
            .Where(c => (c.Status == UnderRecourse || c.Status == HeadMissed) && c.RecourseFiledOn != null
                && c.RecourseFiledOn <= later && c.RecourseDueOn >= earlier)
            .ToListAsync(cancellationToken);
        var ids = answerCases.Select(c => c.Id).ToList();
        var pauses = (await db.CasePauses.AsNoTracking().Where(p => ids.Contains(p.CaseId)).ToListAsync(cancellationToken))
            .ToLookup(p => p.CaseId);
        var missedIds = answerCases.Concat(recourses).Where(c => c.Status == Missed || c.Status == HeadMissed).Select(c => c.Id).ToList();
        var missDeadline = LifecycleCodes.Code(CaseTrigger.MissDeadline);
        // the status each had before its deadline was missed: the latest miss on its audit trail says
        var beforeMiss = (await db.CaseAuditEntries.AsNoTracking()
                .Where(a => missedIds.Contains(a.CaseId) && a.Action == missDeadline)
                .Select(a => new { a.CaseId, a.Id, a.FromStatus })
                .ToListAsync(cancellationToken))
            .GroupBy(a => a.CaseId)
            .ToDictionary(g => g.Key, g => g.MaxBy(a => a.Id)!.FromStatus);
        var today = calendar.Today;
        // one deadline of a case set to its date with the corrected calendar, the change recorded; 1 when it moved
        int Move(RoutedCase routed, string deadline, DateOnly current, Func<HolidayCalendar, DateOnly?> dueOn, Action<DateOnly> set,
            string? openStatus)
        {
            if (Recompute(dueOn, before, after) is not { } moved || moved == current)
                return 0;
            string? reopened = null;
            if (openStatus is not null && (routed.Status == Missed || routed.Status == HeadMissed))
            {
                // the miss is declared the first day after the due date: a date today or later was missed too early
                if (moved < today)
                    return 0;
                reopened = beforeMiss.GetValueOrDefault(routed.Id) ?? openStatus;
            }
            set(moved);
            Record(db, routed, deadline, moved, current, correction, after, now, reopened);
            return 1;
        }

        var changed = 0;
        var assigned = LifecycleCodes.Code(CaseStatus.Assigned);
        foreach (var routed in answerCases)
            changed += Move(routed, CaseClock.AnswerDeadline, routed.DueOn,
                cal => CaseClock.AnswerDueOn(routed, pauses[routed.Id], today, calendar.Rules, cal), d => routed.DueOn = d, assigned);

        foreach (var routed in recourses)
            changed += Move(routed, CaseClock.HeadAnswerDeadline, routed.RecourseDueOn!.Value,
                cal => CaseClock.HeadAnswerDueOn(routed.RecourseFiledOn!.Value, calendar.Rules, cal), d => routed.RecourseDueOn = d,
                UnderRecourse);

        // the requester's window to contest a refusal or a silence before the head (Law 31.13), while it is open: it
        // runs from the answer's receipt, or from the expiry of the answer deadline for a silence (a silence undone
        // above has none any more)
        var windows = await db.Cases
            .Where(c => c.RecourseLastDay != null && c.RecourseFiledOn == null && c.RecourseLastDay >= earlier)
            .ToListAsync(cancellationToken);
        foreach (var routed in windows.Where(c => c.RecourseLastDay is not null))
            changed += Move(routed, CaseClock.RecourseDeadline, routed.RecourseLastDay!.Value,
                cal => CaseRules.RecourseLastDay(CaseMoves.AnswerOf(routed), routed.DueOn, routed.AnsweredOn, calendar.Rules, cal),
                d => routed.RecourseLastDay = d, null);
        return changed;
    }

    /// <summary>The date with the corrected calendar when the correction is what moves it: a date that was already off for
    /// another reason (a rule table or a calendar of another time) is not this correction's to change. Null when there is
    /// no such date (a full grant leaves nothing to contest) or it cannot be computed any more (a pause the earlier date
    /// leaves after the deadline): the case keeps its date.</summary>
    private static DateOnly? Recompute(Func<HolidayCalendar, DateOnly?> dueOn, HolidayCalendar before, HolidayCalendar after)
    {
        try
        {
            var corrected = dueOn(after);
            return corrected is null || corrected == dueOn(before) ? null : corrected;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static void Record(RoutingDbContext db, RoutedCase routed, string deadline, DateOnly dueOn, DateOnly previous,
        HolidayCorrectionRecord correction, HolidayCalendar after, DateTime now, string? reopened)
    {
        var from = routed.Status;
        var note = correction.Reason;
        if (reopened is not null)
        {
            // open again as before the miss; the silence it took for no longer opens a recourse
            routed.Status = reopened;
            if (deadline == CaseClock.AnswerDeadline)
                routed.RecourseLastDay = null;
            note = Invariant($"{correction.Reason} (the deadline that had passed on {previous:yyyy-MM-dd} now ends on {dueOn:yyyy-MM-dd}: it is not missed, the case is open again)");
        }
        routed.Version += 1;
        // the reminders start over for the new date; a paused case keeps none (ScheduleAlerts reads the status)
        CaseClock.RescheduleAlerts(routed, after);
        db.CaseAuditEntries.Add(new CaseAuditEntry
        {
            CaseId = routed.Id, At = now, Actor = correction.CorrectedBy, Action = Action, FromStatus = from,
            ToStatus = routed.Status, OfficerId = routed.AssignedOfficerId, Note = note, PreviousDueOn = previous,
        });
        var changed = new DueDateChanged(routed.Id, routed.TrackingNumber, deadline, dueOn, previous, correction.Reason,
            new DateTimeOffset(now, TimeSpan.Zero), reopened, reopened is null ? null : routed.Version);
        db.Add(OutboxMessage.For(changed, Guid.CreateVersion7(), now));
    }
}
