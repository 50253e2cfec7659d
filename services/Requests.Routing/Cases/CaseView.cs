using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Requests.Contracts.Routing;
using Requests.Domain.Calendar;
using Requests.Domain.Deadlines;
using Requests.Routing.Notices;
using Requests.Routing.Storage;

namespace Requests.Routing.Cases;

/// <summary>One line of an officer's queue.</summary>
/// <param name="DueOn">The deadline that runs now: the body's answer, or during a recourse the head's.</param>
/// <param name="WorkingDaysLeft">Working days from today to <paramref name="DueOn"/>, negative once overdue; null while the clock is paused.</param>
public sealed record QueueItem(Guid CaseId, string TrackingNumber, string Regime, string Kind, string BodyCode,
    string Subject, string Status, bool Urgent, DateOnly ReceivedOn, DateOnly DueOn, int? WorkingDaysLeft,
    string? AssignedOfficerId, string? AssignedOfficerName, string? Flag);

/// <summary>A page of a queue: <paramref name="Total"/> cases match the filters; <paramref name="Counts"/> the cases
/// of each status that match every filter but the status.</summary>
public sealed record QueuePage(int Total, int Limit, int Offset, IReadOnlyDictionary<string, int> Counts, IReadOnlyList<QueueItem> Items);

public sealed record PauseView(DateOnly StartsOn, DateOnly? EndsOn, string Question, string? Answer);

/// <param name="Documents">The documents the move sent (references only: intake keeps them), or the one downloaded.</param>
public sealed record AuditView(DateTimeOffset At, string Actor, string Action, string? FromStatus, string ToStatus,
    string? OfficerId, string? Note, DateOnly? PreviousDueOn, IReadOnlyList<DocumentReference>? Documents = null);

/// <summary>A case as staff see it, with its pauses, its audit trail and the actions the caller may take now.</summary>
/// <param name="DueOn">The body's answer's due date (after extension and pauses).</param>
/// <param name="WorkingDaysLeft">Working days left on the deadline that runs now (the head's during a recourse); null while paused.</param>
/// <param name="Version">Moves made so far: the <c>Sequence</c> of the case's last <c>CaseMoved</c>.</param>
/// <param name="DueExplanation">How the deadline that runs now was computed; null when the calendar does not cover it.</param>
/// <param name="Documents">Every document of the case, each once: those filed with it, sent by the requester or by the
/// body with a move (references only: intake keeps the files).</param>
public sealed record CaseView(
    Guid CaseId, string TrackingNumber, string Regime, string Kind, string BodyCode, string Subject, string Description,
    string? Theme, string Channel, string Language, bool Urgent, string Status, string? Flag, string? AssignedOfficerId,
    string? AssignedOfficerName, string? RequesterName, string? RequesterEmail, string? RequesterAddress,
    DateTimeOffset ReceivedAt, DateOnly ReceivedOn, DateOnly ClockStartsOn, DateOnly DueOn, int? WorkingDaysLeft,
    string RuleVersion, int Version, bool Extended, string? ExtensionReasons, DateOnly? PausedSince,
    string? Outcome, string? RefusalGround, string? AnswerText, DateOnly? AnsweredOn, DateOnly? RecourseLastDay,
    DateOnly? RecourseFiledOn, string? RecourseText, DateOnly? RecourseDueOn, string? RecourseOutcome,
    string? RecourseAnswerText, string? RedirectedTo, Guid? RedirectedFrom, string? CloseReason, int? Rating,
    DueExplanation? DueExplanation, IReadOnlyList<PauseView> Pauses, IReadOnlyList<AuditView> Audit, IReadOnlyList<NotificationView> Notifications,
    IReadOnlyList<string> AllowedActions, IReadOnlyList<DocumentReference> Documents)
{
    public static async Task<CaseView> LoadAsync(RoutingDbContext db, RoutedCase c, IReadOnlyList<string> allowedActions,
        DateOnly today, RuleBook rules, HolidayCalendar calendar, CancellationToken cancellationToken)
    {
        var pauses = await db.CasePauses.AsNoTracking().Where(p => p.CaseId == c.Id)
            .OrderBy(p => p.StartsOn).ThenBy(p => p.Id)
            .ToListAsync(cancellationToken);
        var officerName = c.AssignedOfficerId is null ? null
            : await db.Officers.Where(o => o.Id == c.AssignedOfficerId).Select(o => o.FullName).FirstOrDefaultAsync(cancellationToken);
        var audit = await db.CaseAuditEntries.AsNoTracking().Where(a => a.CaseId == c.Id)
            .OrderBy(a => a.At).ThenBy(a => a.Id)
            .ToListAsync(cancellationToken);
        List<AuditView> entries = [.. audit.Select(a => new AuditView(NotificationView.Utc(a.At), a.Actor, a.Action, a.FromStatus,
            a.ToStatus, a.OfficerId, a.Note, a.PreviousDueOn, a.Documents is null ? null
                : JsonSerializer.Deserialize<List<DocumentReference>>(a.Documents, JsonSerializerOptions.Web)))];
        return new CaseView(c.Id, c.TrackingNumber, c.Regime, c.Kind, c.BodyCode, c.Subject, c.Description, c.Theme,
            c.Channel, c.Language, c.Urgent, c.Status, c.Flag, c.AssignedOfficerId, officerName, c.RequesterName,
            c.RequesterEmail, c.RequesterAddress, NotificationView.Utc(c.ReceivedAt), c.ReceivedOn,
            c.ClockStartsOn, c.DueOn, DaysLeft(c.PausedSince, CaseClock.RunningDueOn(c), today, calendar), c.RuleVersion,
            c.Version, c.Extended, c.ExtensionReasons, c.PausedSince, c.Outcome, c.RefusalGround, c.AnswerText,
            c.AnsweredOn, c.RecourseLastDay, c.RecourseFiledOn, c.RecourseText, c.RecourseDueOn, c.RecourseOutcome,
            c.RecourseAnswerText, c.RedirectedTo, c.RedirectedFrom, c.CloseReason, c.Rating,
            DueExplanation.For(c, pauses, today, rules, calendar),
            [.. pauses.Select(p => new PauseView(p.StartsOn, p.EndsOn, p.Question, p.Answer))],
            entries,
            await NotificationView.ForCaseAsync(db, c.Id, cancellationToken),
            allowedActions,
            [.. entries.Where(a => a.Action != RecordDocumentDownloadConsumer.Action).SelectMany(a => a.Documents ?? []).DistinctBy(d => d.Id)]);
    }

    /// <summary>Null while paused for a clarification: the due date moves with every paused day.</summary>
    public static int? DaysLeft(DateOnly? pausedSince, DateOnly dueOn, DateOnly today, HolidayCalendar calendar) =>
        pausedSince is null ? DeadlineAlerts.WorkingDaysLeft(today, dueOn, calendar) : null;
}
