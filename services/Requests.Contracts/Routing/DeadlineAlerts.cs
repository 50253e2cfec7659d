namespace Requests.Contracts.Routing;

/// <summary>
/// A deadline of a case is near: sent 5 and 1 working days before the due date, to the officer in charge and
/// their substitute (for a recourse, to the head of the body).
/// </summary>
/// <param name="Deadline"><c>answer</c> (the body's answer) or <c>head-answer</c> (the head's answer to a recourse).</param>
/// <param name="OfficerIds">Who is warned: the officer and the substitute, or the head.</param>
public sealed record DeadlineApproaching(
    Guid CaseId,
    string TrackingNumber,
    string BodyCode,
    string Deadline,
    DateOnly DueOn,
    int WorkingDaysLeft,
    IReadOnlyList<string> OfficerIds,
    DateTimeOffset At);

/// <summary>
/// A deadline passed without an answer. For the body's answer to an information request this is the implicit refusal
/// that opens the recourse to the head (<see cref="RecourseLastDay"/>); the case is escalated to the head of the body.
/// For the head's answer, the silence that opens the complaint to the Commission (CDAI).
/// </summary>
/// <param name="EscalatedTo">The head of the body, told of the overdue case; null when the body has none on record.</param>
public sealed record DeadlineMissed(
    Guid CaseId,
    string TrackingNumber,
    string BodyCode,
    string Deadline,
    DateOnly DueOn,
    DateOnly? RecourseLastDay,
    string? EscalatedTo,
    DateTimeOffset At);

/// <summary>The daily digest of one officer: their open cases due within 5 working days and those overdue.</summary>
public sealed record OfficerDigestPrepared(
    string OfficerId,
    DateOnly On,
    IReadOnlyList<DigestLine> DueSoon,
    IReadOnlyList<DigestLine> Overdue,
    DateTimeOffset At);

/// <summary>One case in a digest.</summary>
public sealed record DigestLine(Guid CaseId, string TrackingNumber, string BodyCode, string Status, DateOnly DueOn, int WorkingDaysLeft);

/// <summary>
/// A correction of the holiday calendar changed an open case's due date (the law: "open cases' due dates are
/// recomputed and the change is recorded on each case with the previous value"). Its <c>Deadline</c> says which:
/// <c>answer</c> (the body's answer), <c>head-answer</c> (the head's answer to a recourse) or <c>recourse-head</c>
/// (the requester's last day to file that recourse).
/// </summary>
/// <param name="ReopenedStatus">When the deadline had been declared missed and the new date has not passed yet: the
/// status the case is back to (the one it had before the miss), which undoes the <c>DeadlineMissed</c>.</param>
/// <param name="Sequence">With <paramref name="ReopenedStatus"/>: the case's sequence after it, as a <c>CaseMoved</c>'s.</param>
public sealed record DueDateChanged(
    Guid CaseId,
    string TrackingNumber,
    string Deadline,
    DateOnly DueOn,
    DateOnly PreviousDueOn,
    string Reason,
    DateTimeOffset At,
    string? ReopenedStatus = null,
    int? Sequence = null);
