using System.Text.Json;
using System.Text.Json.Serialization;

namespace Requests.Intake.Submissions;

// Every field is nullable: a missing field is reported by name by the validator, not as a parse error.

public sealed record RequesterForm(string? FullName, string? IdentityNumber, string? Email, string? Phone, string? Address);

public sealed record PeriodForm(DateOnly? From, DateOnly? To);

/// <summary>An information request under Law 31.13.</summary>
public sealed record InformationRequestForm(
    string? BodyCode, string? Subject, string? Description, PeriodForm? PeriodCovered, string? DocumentType,
    string? Delivery, bool? Urgent, string? UrgentReason, RequesterForm? Requester, bool? Consent, string? Language,
    string? Channel, DateOnly? ReceivedOn, bool? Publishable = null);

/// <summary>A complaint, observation or suggestion under Decree 2.17.265.</summary>
public sealed record ComplaintForm(
    string? Kind, string? BodyCode, string? Subject, string? Description, string? Theme,
    RequesterForm? Requester, bool? Consent, string? Language, string? Channel, DateOnly? ReceivedOn, bool? Publishable = null);

/// <summary>The receipt a citizen keeps: the access code is shown once and never stored in clear.</summary>
public sealed record Receipt(Guid CaseId, string TrackingNumber, string AccessCode, DateTimeOffset ReceivedAt,
    DateOnly ReceivedOn, DateOnly DueDate, string RuleVersion);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(InformationRequestForm))]
[JsonSerializable(typeof(ComplaintForm))]
[JsonSerializable(typeof(Receipt))]
internal sealed partial class SubmissionJson : JsonSerializerContext;
