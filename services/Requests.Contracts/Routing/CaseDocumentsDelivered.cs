namespace Requests.Contracts.Routing;

/// <summary>A document as the messages carry it: its reference, never its bytes (intake keeps those).</summary>
/// <param name="Name">As intake answered it to the upload, when the sender gave it; null otherwise.</param>
public sealed record DocumentReference(Guid Id, string? Name = null, long? Size = null, string? Sha256 = null);

/// <summary>
/// A move sent documents to the requester (an answer, a clarification request, the head's answer to a recourse...):
/// intake delivers those drafts of the case and tells the citizen. Published beside the move's <c>CaseMoved</c>, of
/// the same <paramref name="Sequence"/>, so that reporting, which follows the moves, never receives document references.
/// </summary>
/// <param name="Step"><c>answer</c>, <c>clarification-request</c>, <c>clarification-answer</c> or <c>recourse-answer</c>.</param>
public sealed record CaseDocumentsDelivered(
    Guid CaseId,
    string TrackingNumber,
    int Sequence,
    string Step,
    string Actor,
    DateTimeOffset At,
    IReadOnlyList<DocumentReference> Documents);
