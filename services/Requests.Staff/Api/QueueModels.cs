namespace Requests.Staff.Api;

/// <summary>One line of routing's <c>GET /api/queue</c>.</summary>
public sealed record QueueItem(Guid CaseId, string TrackingNumber, string Regime, string Kind, string BodyCode,
    string Subject, string Status, bool Urgent, DateOnly ReceivedOn, DateOnly DueOn, int? WorkingDaysLeft,
    string? AssignedOfficerId, string? AssignedOfficerName, string? Flag);

/// <summary>A page of the queue; <see cref="Counts"/> the cases per status under the same filters.</summary>
public sealed record QueuePage(int Total, int Limit, int Offset, IReadOnlyList<QueueItem> Items,
    IReadOnlyDictionary<string, int>? Counts);
