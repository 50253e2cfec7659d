namespace Requests.Contracts.Intake;

/// <summary>A staff account downloaded one of a case's documents from intake: routing puts it on the case's audit trail.</summary>
public sealed record DocumentDownloaded(
    Guid CaseId,
    string TrackingNumber,
    Guid DocumentId,
    string Name,
    string UserName,
    DateTimeOffset At);
