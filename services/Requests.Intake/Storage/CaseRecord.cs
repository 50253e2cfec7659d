namespace Requests.Intake.Storage;

/// <summary>What a citizen filed, as intake stored it. The access code is kept only as a hash.</summary>
public sealed class CaseRecord
{
    public Guid Id { get; set; }
    public string TrackingNumber { get; set; } = "";
    public required string Regime { get; set; }
    public required string Kind { get; set; }
    public required string BodyCode { get; set; }
    public required string Channel { get; set; }
    public required string Language { get; set; }
    public required string Subject { get; set; }
    public required string Description { get; set; }
    public string? Theme { get; set; }
    public string? DocumentType { get; set; }
    public string? Delivery { get; set; }
    public DateOnly? PeriodFrom { get; set; }
    public DateOnly? PeriodTo { get; set; }
    public bool Urgent { get; set; }
    public string? UrgentReason { get; set; }
    public required string RequesterName { get; set; }
    public required string RequesterIdentity { get; set; }
    public string? RequesterEmail { get; set; }
    public string? RequesterPhone { get; set; }
    public string? RequesterAddress { get; set; }
    public DateTime ReceivedAt { get; set; }
    public DateOnly ReceivedOn { get; set; }
    public DateOnly DueOn { get; set; }
    public required string RuleVersion { get; set; }
    public required byte[] AccessCodeHash { get; set; }

    /// <summary>The code in clear, only while the receipt is being written: never mapped to the database.</summary>
    public string? AccessCode { get; set; }
    public required string Status { get; set; }
    public string? RecordedBy { get; set; }
}

/// <summary>A step on a case's timeline, as the citizen sees it.</summary>
public sealed class CaseEvent
{
    public long Id { get; set; }
    public Guid CaseId { get; set; }
    public DateTime At { get; set; }
    public required string Kind { get; set; }
    public string? Description { get; set; }
    public DateOnly? DueOn { get; set; }
}

/// <summary>The last tracking number handed out for one prefix and year, e.g. <c>DAI-2026</c>.</summary>
public sealed class TrackingCounter
{
    public required string Key { get; set; }
    public long Last { get; set; }
}

/// <summary>An administrator's change to a holiday: confirmed as announced, or moved. Kept as history.</summary>
public sealed class HolidayCorrection
{
    public long Id { get; set; }
    public DateOnly HolidayDate { get; set; }
    public DateOnly? NewDate { get; set; }
    public bool Confirmed { get; set; }
    public required string Reason { get; set; }
    public required string CorrectedBy { get; set; }
    public DateTime CorrectedAt { get; set; }
}
