namespace Requests.Domain.Lifecycle;

/// <summary>
/// Where a case stands. Some statuses belong to one regime only: extension and recourse to the head of the body
/// to information requests (Law 31.13), reopening and rating to complaints (Decree 2.17.265).
/// </summary>
public enum CaseStatus
{
    /// <summary>Submitted and acknowledged, not yet given to an officer.</summary>
    Received,

    /// <summary>Given to an officer (or their substitute), not yet taken up.</summary>
    Assigned,

    /// <summary>Taken up by the officer: in progress.</summary>
    Accepted,

    /// <summary>The requester was asked to clarify: the clock is paused until the answer.</summary>
    AwaitingClarification,

    /// <summary>In progress after the one extension allowed (information only).</summary>
    Extended,

    /// <summary>
    /// The answer deadline passed without an answer. For information this is the implicit refusal that opens the
    /// recourse to the head; for a complaint, an overdue case. A status rather than an alert stage because it
    /// changes what may happen next: no extension, no pause, recourse open (see README.md).
    /// </summary>
    DeadlineMissed,

    /// <summary>The body answered (an <see cref="AnswerOutcome"/> or a <see cref="ComplaintOutcome"/>).</summary>
    Answered,

    /// <summary>Sent to the competent body, where a new linked case opens: final here.</summary>
    Redirected,

    /// <summary>Filed away without an answer, with its reason: withdrawn by the requester, a duplicate filing.</summary>
    Closed,

    /// <summary>The requester contested a refusal or a silence before the head of the body (information only).</summary>
    UnderRecourse,

    /// <summary>The head's deadline passed without an answer: an implicit refusal that opens the complaint to the Commission (CDAI).</summary>
    RecourseDeadlineMissed,

    /// <summary>The head of the body answered the recourse: what follows (Commission, court) is outside the body.</summary>
    RecourseAnswered,

    /// <summary>The complainant reopened an answered complaint: the body works on it again.</summary>
    Reopened,

    /// <summary>The complainant rated the answer.</summary>
    Rated,
}
