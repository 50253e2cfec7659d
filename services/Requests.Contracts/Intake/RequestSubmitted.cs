namespace Requests.Contracts.Intake;

/// <summary>The person who filed a request or complaint, as they identified themselves.</summary>
public sealed record Requester(string FullName, string IdentityNumber, string? Email, string? Phone, string? Address);

/// <summary>
/// A citizen's information request (Law 31.13) or complaint, observation or suggestion (Decree 2.17.265)
/// has been received and stored. Carries the whole filing: routing needs it to handle the case.
/// </summary>
/// <param name="Regime"><c>information</c> or <c>complaint</c>.</param>
/// <param name="Kind"><c>request</c>, <c>complaint</c>, <c>observation</c> or <c>suggestion</c>.</param>
/// <param name="Channel"><c>portal</c>, <c>email</c>, <c>post</c>, <c>counter</c> or <c>phone</c>.</param>
/// <param name="ReceivedOn">The legal date of receipt (Africa/Casablanca): day zero of every deadline.</param>
/// <param name="DueOn">The answer's due date computed at receipt, with the rule table version that produced it.</param>
/// <param name="RedirectedFrom">When another body redirected the case here: the case it came from.</param>
/// <param name="Documents">The files that came with the filing (a complaint's evidence, the scan of a paper filing):
/// their references, never their bytes (intake keeps those).</param>
public sealed record RequestSubmitted(
    Guid CaseId,
    string TrackingNumber,
    string Regime,
    string Kind,
    string BodyCode,
    string Subject,
    string Description,
    string? Theme,
    bool Urgent,
    string? UrgentReason,
    string? DocumentType,
    DateOnly? PeriodFrom,
    DateOnly? PeriodTo,
    string? Delivery,
    string Language,
    string Channel,
    DateTimeOffset ReceivedAt,
    DateOnly ReceivedOn,
    DateOnly DueOn,
    string RuleVersion,
    Requester Requester,
    Guid? RedirectedFrom = null,
    IReadOnlyList<Routing.DocumentReference>? Documents = null);
