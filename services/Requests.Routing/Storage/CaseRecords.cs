using Requests.Domain.Calendar;

namespace Requests.Routing.Storage;

/// <summary>A case as routing handles it, from submission to its final answer. Its id is intake's case id.</summary>
public sealed class RoutedCase
{
    public Guid Id { get; set; }
    public required string TrackingNumber { get; set; }
    public required string Regime { get; set; }
    public required string Kind { get; set; }
    public required string BodyCode { get; set; }
    public required string Subject { get; set; }
    public required string Description { get; set; }
    public bool Urgent { get; set; }
    public DateTime ReceivedAt { get; set; }
    public DateOnly ReceivedOn { get; set; }
    public DateOnly DueOn { get; set; }
    public required string RuleVersion { get; set; }

    /// <summary>Day zero of the answer's clock: the day of receipt, or the day a complaint was reopened.</summary>
    public DateOnly ClockStartsOn { get; set; }

    /// <summary>A <c>LifecycleCodes</c> status code, e.g. <c>assigned</c>.</summary>
    public required string Status { get; set; }
    public string? AssignedOfficerId { get; set; }
    public DateTime? AssignedAt { get; set; }

    /// <summary>Why the case needs a person's attention, e.g. <c>unknown-body</c>; null when all is well.</summary>
    public string? Flag { get; set; }

    public required string Channel { get; set; }
    public string? Theme { get; set; }

    /// <summary><c>fr</c> or <c>ar</c>: the language the requester is written to in.</summary>
    public required string Language { get; set; }

    /// <summary>Who the requester's notices go to: their name, their e-mail, and the address notices are posted to without one.</summary>
    public string? RequesterName { get; set; }
    public string? RequesterEmail { get; set; }
    public string? RequesterAddress { get; set; }

    /// <summary>How many moves the case has made: the <c>Sequence</c> of its last <c>CaseMoved</c>, and its concurrency token.</summary>
    public int Version { get; set; }

    /// <summary>The one extension of an information request: its reasons, null while not extended.</summary>
    public string? ExtensionReasons { get; set; }
    public bool Extended => ExtensionReasons is not null;

    /// <summary>While a clarification is awaited: the day the clock stopped.</summary>
    public DateOnly? PausedSince { get; set; }

    /// <summary>The answer, once given: a kebab-case outcome, the refusal ground, the text, the day it was sent.</summary>
    public string? Outcome { get; set; }
    public string? RefusalGround { get; set; }
    public string? AnswerText { get; set; }
    public DateOnly? AnsweredOn { get; set; }

    /// <summary>The last day the requester may contest a refusal or a silence before the head of the body.</summary>
    public DateOnly? RecourseLastDay { get; set; }

    /// <summary>A recourse to the head: the day it was received, its text, the day the head's answer is due.</summary>
    public DateOnly? RecourseFiledOn { get; set; }
    public string? RecourseText { get; set; }
    public DateOnly? RecourseDueOn { get; set; }
    public string? RecourseOutcome { get; set; }
    public string? RecourseAnswerText { get; set; }

    /// <summary>For a redirected case: the competent body it went to; for the new case there, the case it came from.</summary>
    public string? RedirectedTo { get; set; }
    public Guid? RedirectedFrom { get; set; }

    public string? CloseReason { get; set; }
    public int? Rating { get; set; }

    /// <summary>The deadline the sweep watches (<c>answer</c> or <c>head-answer</c>), how far its alerts have gone (an
    /// <c>AlertStage</c>), and the local date the next alert falls due: null when no clock is running.</summary>
    public string? AlertDeadline { get; set; }
    public int AlertStage { get; set; }
    public DateOnly? NextAlertOn { get; set; }
}

/// <summary>An alert the sweep made (a reminder, or a missed deadline) whose notices are still to be written: recorded in
/// the sweep's transaction, turned into notifications and deleted by <c>AlertNotices</c> right after.</summary>
public sealed class AlertNotice
{
    public long Id { get; set; }
    public Guid CaseId { get; set; }

    /// <summary><c>reminder</c> or <c>missed</c>.</summary>
    public required string Kind { get; set; }

    /// <summary>For a reminder its alert stage; for a miss the sequence of its <c>CaseMoved</c>.</summary>
    public int Sequence { get; set; }
    public required string Deadline { get; set; }
    public DateOnly DueOn { get; set; }
    public int WorkingDaysLeft { get; set; }
    public DateOnly? RecourseLastDay { get; set; }
    public DateTime At { get; set; }
}

/// <summary>A notice without a usable e-mail address that staff printed and posted (its status is then <c>posted</c>).</summary>
public sealed class PostedLetter
{
    public long NotificationId { get; set; }
    public required string PostedBy { get; set; }
    public DateTime PostedAt { get; set; }
}

/// <summary>A message intake wrote to a case's requester (the e-mail of a move that sent documents) and where it stands, as
/// intake tells it: listed with the case's own notifications.</summary>
public sealed class IntakeMessage
{
    public long Id { get; set; }
    public Guid CaseId { get; set; }

    /// <summary>Intake's idempotency key of the notification: one row per message.</summary>
    public required string NoticeKey { get; set; }
    public required string Template { get; set; }
    public required string Language { get; set; }
    public string? Recipient { get; set; }
    public required string Subject { get; set; }
    public required string Status { get; set; }
    public int Attempts { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? SentAt { get; set; }
    public string? LastError { get; set; }

    /// <summary>Statuses only move forward: recorded, then sent or given up.</summary>
    public static int Rank(string status) => status == "pending" ? 0 : 1;
}

/// <summary>A clarification asked of the requester: the clock stops from the day it is asked until the day the answer comes.</summary>
public sealed class CasePause
{
    public long Id { get; set; }
    public Guid CaseId { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly? EndsOn { get; set; }
    public required string Question { get; set; }
    public string? Answer { get; set; }
}

/// <summary>An administrator's correction of a public holiday, kept in order: the calendar is the published one with these applied.</summary>
public sealed class HolidayCorrectionRecord
{
    public long Id { get; set; }
    public DateOnly HolidayDate { get; set; }
    public DateOnly? NewDate { get; set; }
    public bool Confirmed { get; set; }
    public required string Reason { get; set; }
    public required string CorrectedBy { get; set; }
    public DateTime CorrectedAt { get; set; }

    public HolidayCorrection ToCorrection() => new(HolidayDate, NewDate, Confirmed, Reason);
}

/// <summary>One thing that happened to a case: who, when, what, and the due date before it when it changed.</summary>
public sealed class CaseAuditEntry
{
    public long Id { get; set; }
    public Guid CaseId { get; set; }
    public DateTime At { get; set; }
    public required string Actor { get; set; }
    public required string Action { get; set; }
    public string? FromStatus { get; set; }
    public required string ToStatus { get; set; }
    public string? OfficerId { get; set; }
    public string? Note { get; set; }
    public DateOnly? PreviousDueOn { get; set; }

    /// <summary>The documents the move sent, or the one downloaded: their references as JSON (<c>DocumentReference</c>s).</summary>
    public string? Documents { get; set; }
}
