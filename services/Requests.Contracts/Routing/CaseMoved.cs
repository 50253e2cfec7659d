namespace Requests.Contracts.Routing;

/// <summary>
/// A case moved in its lifecycle: an officer's action, the head's, the requester's (through intake), or the deadline
/// sweep's. One event for every move, so the citizen's timeline, the reports and the notifications each follow a
/// case with one idempotent consumer; <see cref="Sequence"/> orders the moves of one case (it grows with each change
/// of the case and may skip numbers: a due date recomputed after a holiday correction counts too), so a consumer
/// can tell a late message from a new one.
/// </summary>
/// <param name="Trigger">The move, a kebab-case <c>CaseTrigger</c> code: <c>accept</c>, <c>extend</c>, <c>answer</c>...</param>
/// <param name="FromStatus">The status before, a kebab-case <c>CaseStatus</c> code.</param>
/// <param name="ToStatus">The status after.</param>
/// <param name="Actor">Who moved it: an account's user name, <c>citizen</c>, or <c>deadline-sweep</c>.</param>
/// <param name="ActorRole"><c>officer</c>, <c>head</c>, <c>admin</c>, <c>citizen</c> or <c>system</c>.</param>
/// <param name="DueOn">The answer's due date after the move (Africa/Casablanca).</param>
/// <param name="PreviousDueOn">The due date before the move, when the move changed it.</param>
/// <param name="Outcome">For an answer: a kebab-case <c>AnswerOutcome</c> or <c>ComplaintOutcome</c> code.</param>
/// <param name="RefusalGround">For a refusal: a kebab-case <c>RefusalGround</c> code.</param>
/// <param name="Text">What the requester is told: the answer, the reasons of an extension or a closing, the question asked.</param>
/// <param name="RecourseLastDay">When a refusal or a silence opens the recourse to the head: its last day.</param>
/// <param name="RecourseDueOn">When a recourse is under way: the day the head's answer is due.</param>
/// <param name="RedirectedTo">For a redirection: the competent body's code.</param>
/// <param name="Rating">For a rating: 1 to 5.</param>
public sealed record CaseMoved(
    Guid CaseId,
    string TrackingNumber,
    int Sequence,
    string Regime,
    string Kind,
    string BodyCode,
    string Trigger,
    string FromStatus,
    string ToStatus,
    DateTimeOffset At,
    DateOnly OccurredOn,
    string Actor,
    string ActorRole,
    string? OfficerId,
    DateOnly DueOn,
    DateOnly? PreviousDueOn,
    string? Outcome = null,
    string? RefusalGround = null,
    string? Text = null,
    DateOnly? RecourseLastDay = null,
    DateOnly? RecourseDueOn = null,
    string? RedirectedTo = null,
    int? Rating = null);
