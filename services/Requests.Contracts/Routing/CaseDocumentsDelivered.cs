namespace Requests.Contracts.Routing;

/// <summary>A document as the messages carry it: its reference, never its bytes (intake keeps those).</summary>
/// <param name="Name">As intake answered it to the upload, when the sender gave it; null otherwise.</param>
public sealed record DocumentReference(Guid Id, string? Name = null, long? Size = null, string? Sha256 = null);

/// <summary>
/// A move sent documents to the requester (an answer, a clarification request, the head's answer to a recourse...):
/// intake delivers those drafts of the case and, when routing leaves it to intake, writes the move's message to the
/// citizen. Published beside the move's <c>CaseMoved</c>, of the same <paramref name="Sequence"/>, so that reporting,
/// which follows the moves, never receives document references.
/// </summary>
/// <param name="Step"><c>answer</c>, <c>clarification-request</c>, <c>clarification-answer</c> or <c>recourse-answer</c>.</param>
/// <param name="Notice">The move, when intake writes the requester's message of it (an e-mail that carries the documents);
/// null when routing writes it (a letter, which lists them) or the move tells the requester nothing.</param>
/// <param name="CommissionLastDay">For the head's answer to a recourse: the last day to go to the Commission.</param>
public sealed record CaseDocumentsDelivered(
    Guid CaseId,
    string TrackingNumber,
    int Sequence,
    string Step,
    string Actor,
    DateTimeOffset At,
    IReadOnlyList<DocumentReference> Documents,
    CaseMoved? Notice = null,
    DateOnly? CommissionLastDay = null);
