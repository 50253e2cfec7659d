namespace Requests.Domain.Lifecycle;

/// <summary>What moves a case: an officer's action, the requester's, the head's, or the deadline sweep's.</summary>
public enum CaseTrigger
{
    /// <summary>Give the case to an officer; on a case already in work, hand it to another (leave, substitute).</summary>
    Assign,

    /// <summary>The officer takes the case up.</summary>
    Accept,

    /// <summary>The officer asks the requester to clarify: the clock pauses.</summary>
    AskClarification,

    /// <summary>The requester's clarification is recorded: the clock runs again.</summary>
    ReceiveClarification,

    /// <summary>The one extension, announced with reasons before the deadline (information only).</summary>
    Extend,

    /// <summary>The body's answer, with its outcome (and its ground for a refusal).</summary>
    Answer,

    /// <summary>Sent to the competent body, which opens a new linked case.</summary>
    Redirect,

    /// <summary>Filed away without an answer: withdrawn by the requester, a duplicate filing.</summary>
    Close,

    /// <summary>The deadline sweep found the deadline passed without an answer.</summary>
    MissDeadline,

    /// <summary>The requester contests a refusal or a silence before the head of the body (information only).</summary>
    FileRecourse,

    /// <summary>The head of the body answers the recourse (information only).</summary>
    AnswerRecourse,

    /// <summary>The complainant reopens an answered complaint.</summary>
    Reopen,

    /// <summary>The complainant rates the answer.</summary>
    Rate,
}
