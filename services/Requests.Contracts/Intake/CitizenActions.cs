namespace Requests.Contracts.Intake;

/// <summary>
/// The requester acted on their case through intake (with the case's access code). Routing applies the move to the
/// case, or refuses it on the case's timeline when the law does not allow it (<c>CaseMoved</c> either way, or
/// <c>CitizenActionRefused</c>).
/// </summary>
/// <param name="Action"><c>file-recourse</c> (to the head, after a refusal or a silence), <c>reopen</c> (a complaint),
/// <c>rate</c> (a complaint's answer, 1 to 5), <c>clarify</c> (the answer to a clarification asked) or
/// <c>withdraw</c>.</param>
/// <param name="Documents">The files the requester joined (to a recourse, to the answer to a clarification): their
/// references, never their bytes.</param>
public sealed record CitizenActed(
    Guid ActionId,
    Guid CaseId,
    string TrackingNumber,
    string Action,
    string? Text,
    int? Rating,
    DateTimeOffset At,
    DateOnly OccurredOn,
    IReadOnlyList<Routing.DocumentReference>? Documents = null);
