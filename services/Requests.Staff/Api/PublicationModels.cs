namespace Requests.Staff.Api;

/// <summary>A category of article 10 of law 31.13 (<c>GET /api/publication/categories</c>).</summary>
public sealed record PublicationCategory(string Code, string LabelFr, string LabelAr);

/// <summary>A published file: its name, type and size.</summary>
public sealed record PublishedFile(string Id, string Name, string? ContentType, long? Size);

/// <summary>One version of a register entry: what it said, who published it and when.</summary>
public sealed record RegisterVersion(int Version, string Category, string? TitleFr, string? TitleAr, string? SummaryFr,
    string? SummaryAr, DateOnly PublishedOn, string? Link, PublishedFile? File, string? By, DateTimeOffset? At);

/// <summary>An entry of a body's register (<c>GET /api/bodies/{code}/register</c>), its history newest first or not.</summary>
public sealed record RegisterEntry(string Id, int Version, string Category, string? TitleFr, string? TitleAr, string? SummaryFr,
    string? SummaryAr, DateOnly PublishedOn, string? Link, PublishedFile? File, bool Withdrawn, string? WithdrawnReason,
    DateTimeOffset? WithdrawnAt, string? WithdrawnBy, IReadOnlyList<RegisterVersion>? Versions);

/// <summary>A case's answer as published (<c>GET /api/cases/{trackingNumber}/publication</c>).</summary>
public sealed record PublishedAnswer(string Id, DateTimeOffset? PublishedAt, string? By);

/// <summary>Whether a case's answer may be published now, and what is published.</summary>
public sealed record PublicationState(bool Consent, bool CanPublish, string? Reason, PublishedAnswer? Published);
