using Requests.Contracts.Routing;
using Requests.Domain.Calendar;
using Requests.Domain.Deadlines;
using Requests.Domain.Lifecycle;
using Requests.Routing.Calendar;
using Requests.Routing.Cases;
using Requests.ServiceDefaults.Messaging;
using static System.FormattableString;

namespace Requests.Routing.Deadlines;

// What the sweep writes for one case: the compare-and-set first, then, only if it took, the audit entry and the messages.
public sealed partial class DeadlineSweep
{
    private async Task ApplyAsync(Run run, DueCase row, CancellationToken cancellationToken)
    {
        run.Examined++;
        SweepStep step;
        try
        {
            step = SweepDecision.Decide(row, run.Today, run.Calendar);
        }
        catch (ArgumentOutOfRangeException ex)
        {
            // a date beyond the calendar's years: stop this case's alerts rather than fail every sweep on it
            logger.LogWarning(ex, "The alerts of case {TrackingNumber} stop: its deadline is outside the calendar", row.TrackingNumber);
            step = new SweepStep(SweepAction.Stop, (AlertStage)row.Stage, null, row.DueOn, default);
        }

        var missed = step.Action == SweepAction.Miss;
        var status = missed ? LifecycleCodes.Code(step.To) : row.Status;
        // a silence on an information request opens the recourse to the head (Law 31.13): its window starts at the due date
        DateOnly? recourseLastDay = missed && row.Deadline == CaseClock.AnswerDeadline && row.Regime == DeadlineCodes.Code(Regime.Information)
            ? CaseRules.RecourseLastDay(null, step.DueOn, null, run.Rules, run.Calendar)
            : null;
        // only a move is a new version (the Sequence of its CaseMoved); a reminder changes the alert stage alone
        var changed = missed
            ? await run.Commands.TryMoveAsync(row, step, status, row.Version + 1, recourseLastDay, cancellationToken)
            : await run.Commands.TryAlertAsync(row, step, cancellationToken);
        if (!changed)
        {
            run.Conflicts++;
            return;
        }

        run.Changed++;
        switch (step.Action)
        {
            case SweepAction.Stop:
                run.Stopped++;
                break;
            case SweepAction.Reschedule:
                run.Rescheduled++;
                break;
            case SweepAction.Remind:
                await RemindAsync(run, row, step, cancellationToken);
                break;
            case SweepAction.Miss:
                await MissAsync(run, row, step, status, recourseLastDay, cancellationToken);
                break;
        }
    }

    private static async Task RemindAsync(Run run, DueCase row, SweepStep step, CancellationToken cancellationToken)
    {
        var officers = row.Deadline == CaseClock.HeadAnswerDeadline
            ? run.Recipients.ForHeadAnswer(row.BodyCode)
            : run.Recipients.ForAnswer(row.OfficerId, row.BodyCode);
        var left = DeadlineAlerts.WorkingDaysLeft(run.Today, step.DueOn, run.Calendar);
        await EmitAsync(run, new DeadlineApproaching(Guid.Parse(row.Id), row.TrackingNumber, row.BodyCode, row.Deadline!,
            step.DueOn, left, officers, run.Now), cancellationToken);
        await run.Notices.RemindedAsync(row, step, left, run.At, cancellationToken);
        var action = step.Stage == AlertStage.FirstReminder ? "first-reminder" : "last-reminder";
        var note = Invariant($"{row.Deadline} due on {step.DueOn:yyyy-MM-dd}, {left} working days left; told {string.Join(", ", officers)}");
        await run.Commands.AuditAsync(row.Id, run.At, Actor, action, row.Status, row.Status, row.OfficerId, note, cancellationToken);
        if (step.Stage == AlertStage.FirstReminder)
            run.FirstReminders++;
        else
            run.LastReminders++;
    }

    private static async Task MissAsync(Run run, DueCase row, SweepStep step, string status, DateOnly? recourseLastDay,
        CancellationToken cancellationToken)
    {
        var caseId = Guid.Parse(row.Id);
        var head = run.Recipients.HeadOf(row.BodyCode);
        var trigger = LifecycleCodes.Code(CaseTrigger.MissDeadline);
        await EmitAsync(run, new CaseMoved(caseId, row.TrackingNumber, row.Version + 1, row.Regime, row.Kind, row.BodyCode,
            trigger, row.Status, status, run.Now, run.Today, Actor, "system", row.OfficerId, row.DueOn, null,
            RecourseLastDay: recourseLastDay, RecourseDueOn: row.RecourseDueOn), cancellationToken);
        // the escalation: the head of the body is told of the overdue case
        await EmitAsync(run, new DeadlineMissed(caseId, row.TrackingNumber, row.BodyCode, row.Deadline!, step.DueOn,
            recourseLastDay, head, run.Now), cancellationToken);
        await run.Notices.MissedAsync(row, step, recourseLastDay, run.At, cancellationToken);
        var note = Invariant($"{row.Deadline} due on {step.DueOn:yyyy-MM-dd} passed without an answer; escalated to {head ?? "nobody: the body has no head on record"}");
        await run.Commands.AuditAsync(row.Id, run.At, Actor, trigger, row.Status, status, row.OfficerId, note, cancellationToken);
        run.Missed++;
    }

    private static async Task EmitAsync<T>(Run run, T message, CancellationToken cancellationToken) where T : class
    {
        var outbox = OutboxMessage.For(message, Guid.CreateVersion7(), run.At);
        await run.Commands.OutboxAsync(outbox, cancellationToken);
        run.Messages++;
    }

    /// <summary>One sweep's reading of the world (calendar, rules, directory, instant) and its tally.</summary>
    private sealed class Run(SweepCommands commands, AlertRecipients recipients, CalendarStore calendar, DateTimeOffset now, DateOnly today)
    {
        public SweepCommands Commands { get; } = commands;
        public required SweepNotices Notices { get; init; }
        public AlertRecipients Recipients { get; } = recipients;
        public HolidayCalendar Calendar { get; } = calendar.Current;
        public RuleBook Rules { get; } = calendar.Rules;
        public DateTimeOffset Now { get; } = now;
        public DateTime At { get; } = now.UtcDateTime;
        public DateOnly Today { get; } = today;

        public int Examined { get; set; }
        public int Changed { get; set; }
        public int Messages { get; set; }
        public int FirstReminders { get; set; }
        public int LastReminders { get; set; }
        public int Missed { get; set; }
        public int Rescheduled { get; set; }
        public int Stopped { get; set; }
        public int Conflicts { get; set; }

        public SweepResult Result() => new(Examined, FirstReminders, LastReminders, Missed, Rescheduled, Stopped, Conflicts);
    }
}
