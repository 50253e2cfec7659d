namespace Requests.Contracts.Routing;

/// <summary>Routing has given a case to an officer of the body (or their substitute, or the head of the body).</summary>
/// <param name="DueOn">The answer's due date (Africa/Casablanca), as computed at receipt.</param>
public sealed record CaseAssigned(
    Guid CaseId,
    string TrackingNumber,
    string BodyCode,
    string OfficerId,
    DateOnly DueOn,
    DateTimeOffset AssignedAt);
