using System.Text.Json;

namespace Requests.Staff.Api;

/// <summary>A category of article 10 of law 31.13 (<c>GET /api/publication/categories</c>).</summary>
public sealed record PublicationCategory(string Code, string LabelFr, string LabelAr);

/// <summary>A published file: its name, size and type.</summary>
public sealed record PublishedFile(Guid Id, string Name, long Size, string ContentType);

/// <summary>One step of an entry's history: its version, the action (added, replaced, withdrawn), who, when, why, and what it said.</summary>
public sealed record PublishedStep(int Version, string Action, string By, DateTimeOffset At, string? Reason, JsonElement Content);

/// <summary>A register entry (<c>GET /api/bodies/{code}/register</c>) or a published answer, with its history for staff.</summary>
public sealed record PublishedEntry(Guid Id, int Version, string Kind, string BodyCode, string State, string? Category,
    string? TitleFr, string? TitleAr, string? SummaryFr, string? SummaryAr, DateOnly PublishedOn, string? Link, PublishedFile? File,
    string UpdatedBy, DateTimeOffset UpdatedAt, string? WithdrawnReason, IReadOnlyList<PublishedStep>? History)
{
    public bool Withdrawn => State == "withdrawn";
}

/// <summary>Whether a case's answer may be published now (<c>GET /api/cases/{trackingNumber}/publication</c>), the documents
/// it may carry, and what is published.</summary>
public sealed record PublicationState(string Regime, bool Consent, bool Answered, bool PublishableNow, IReadOnlyList<string>? Reasons,
    IReadOnlyList<PublishedFile>? Documents, PublishedEntry? Published);
