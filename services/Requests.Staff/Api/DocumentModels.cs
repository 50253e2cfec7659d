namespace Requests.Staff.Api;

/// <summary>A document of a case as intake lists it: <see cref="Step"/> is null and <see cref="State"/> <c>draft</c> while an
/// officer's upload waits for its move.</summary>
public sealed record CaseDocument(Guid Id, string Name, long Size, string ContentType, string Sha256, string? Step, string State,
    string AddedBy, DateTimeOffset AddedAt, int? Sequence);

/// <summary>Intake's <c>GET</c> and <c>POST /api/cases/{trackingNumber}/documents</c>.</summary>
public sealed record CaseDocuments(IReadOnlyList<CaseDocument> Documents);
