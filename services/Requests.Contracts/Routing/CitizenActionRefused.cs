namespace Requests.Contracts.Routing;

/// <summary>Routing could not apply a requester's action: the case had moved on (e.g. the recourse window closed).</summary>
public sealed record CitizenActionRefused(Guid ActionId, Guid CaseId, string TrackingNumber, string Action, string Reason, DateTimeOffset At);
