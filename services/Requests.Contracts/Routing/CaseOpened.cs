namespace Requests.Contracts.Routing;

/// <summary>
/// Routing opened a case (assigned or left for a person to route): what the reports count it by, and nothing of the
/// requester, the subject or the description, so that reporting never receives personal data.
/// </summary>
/// <param name="Theme">A complaint's theme, a code of the closed list (<c>other</c> for a theme outside it).</param>
/// <param name="ReceivedOn">The legal date of receipt (Africa/Casablanca).</param>
/// <param name="DueOn">The answer's due date computed at receipt.</param>
/// <param name="OfficerId">The officer given the case at its opening (or their substitute, or the head of the body);
/// null when it was left for a person to route.</param>
/// <param name="AssignedAt">When it was given to that officer.</param>
public sealed record CaseOpened(
    Guid CaseId,
    string TrackingNumber,
    string Regime,
    string Kind,
    string BodyCode,
    string Channel,
    string? Theme,
    bool Urgent,
    DateTimeOffset ReceivedAt,
    DateOnly ReceivedOn,
    DateOnly DueOn,
    string? OfficerId = null,
    DateTimeOffset? AssignedAt = null);

/// <summary>The cases one assignment opened together, published as one message: one a batch of filings, not one a case.</summary>
public sealed record CasesOpened(IReadOnlyList<CaseOpened> Cases);
