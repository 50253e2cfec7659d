namespace Requests.Routing.Storage;

/// <summary>A case as routing handles it, from submission to its final answer. Its id is intake's case id.</summary>
public sealed class RoutedCase
{
    public Guid Id { get; set; }
    public required string TrackingNumber { get; set; }
    public required string Regime { get; set; }
    public required string Kind { get; set; }
    public required string BodyCode { get; set; }
    public required string Subject { get; set; }
    public required string Description { get; set; }
    public bool Urgent { get; set; }
    public DateTime ReceivedAt { get; set; }
    public DateOnly ReceivedOn { get; set; }
    public DateOnly DueOn { get; set; }
    public required string RuleVersion { get; set; }

    /// <summary>A <c>LifecycleCodes</c> status code, e.g. <c>assigned</c>.</summary>
    public required string Status { get; set; }
    public string? AssignedOfficerId { get; set; }
    public DateTime? AssignedAt { get; set; }

    /// <summary>Why the case needs a person's attention, e.g. <c>unknown-body</c>; null when all is well.</summary>
    public string? Flag { get; set; }
}

/// <summary>One thing that happened to a case: who, when, what, and the due date before it when it changed.</summary>
public sealed class CaseAuditEntry
{
    public long Id { get; set; }
    public Guid CaseId { get; set; }
    public DateTime At { get; set; }
    public required string Actor { get; set; }
    public required string Action { get; set; }
    public string? FromStatus { get; set; }
    public required string ToStatus { get; set; }
    public string? OfficerId { get; set; }
    public string? Note { get; set; }
    public DateOnly? PreviousDueOn { get; set; }
}
