namespace Requests.Staff.Api;

/// <summary>An officer of a body with their open cases, whether they are away today, and who stands in for them.</summary>
public sealed record OfficerLoad(string Id, string FullName, string Role, string? SubstituteOf, IReadOnlyList<string> Substitutes,
    int OpenCases, bool OnLeave, DateOnly? LeaveEndsOn);

/// <summary>Routing's <c>GET /api/bodies/{code}/overview</c>: the head's view of a body.</summary>
public sealed record BodyOverview(string Code, string NameFr, string NameAr, DateOnly Today, int Open, int DueSoon, int Overdue,
    int Escalated, int RecoursesWaiting, IReadOnlyList<OfficerLoad> Officers);

/// <summary>An officer as the directory lists them.</summary>
public sealed record OfficerEntry(string Id, string FullName, string Role, string? SubstituteOf);

/// <summary>A body of <c>GET /api/directory/bodies</c>.</summary>
public sealed record BodyEntry(string Code, string NameFr, string NameAr, string Sector, string Region, string? ParentCode,
    IReadOnlyList<OfficerEntry> Officers);

public sealed record OfficerDetail(string Id, string BodyCode, string FullName, string? Email, string Role, string? SubstituteOf,
    string? Language);

/// <summary>A body of <c>GET /api/directory/bodies/{code}</c>.</summary>
public sealed record BodyDetail(string Code, string NameFr, string NameAr, string Sector, string Region, string? ParentCode,
    IReadOnlyList<OfficerDetail> Officers, IReadOnlyList<OfficerDetail> Substitutes, OfficerDetail? Head);

public sealed record LeaveEntry(long Id, string OfficerId, DateOnly StartsOn, DateOnly EndsOn);

/// <summary>A staff account of <c>GET /api/accounts</c>.</summary>
public sealed record AccountEntry(string Id, string UserName, string? Email, string Role, bool LockedOut, bool Disabled,
    string? Language, IReadOnlyList<string> OfficerIds, IReadOnlyList<string>? Bodies);

/// <summary>A public holiday in force (<c>GET /api/calendar/{year}</c>); status <c>estimated</c> or <c>confirmed</c>.</summary>
public sealed record HolidayEntry(DateOnly Date, string NameFr, string NameAr, string Kind, string Status, string Source);

public sealed record CorrectionEntry(long Id, DateOnly HolidayDate, DateOnly? NewDate, bool Confirmed, string Reason,
    string CorrectedBy, DateTimeOffset CorrectedAt);

/// <summary>A deadline job of <c>GET /api/jobs</c>.</summary>
public sealed record JobEntry(string Name, string Description, string Schedule, DateTimeOffset? LastRunStartedAt,
    DateTimeOffset? LastRunEndedAt, string? LastResult, bool? LastSucceeded, DateTimeOffset? NextRunAt);
