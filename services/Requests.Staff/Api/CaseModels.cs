namespace Requests.Staff.Api;

/// <summary>A pause of the clock for a clarification: the question, and the answer once recorded.</summary>
public sealed record CasePause(DateOnly StartsOn, DateOnly? EndsOn, string Question, string? Answer);

/// <summary>One entry of a case's audit trail.</summary>
public sealed record CaseAudit(DateTimeOffset At, string Actor, string Action, string? FromStatus, string ToStatus,
    string? OfficerId, string? Note, DateOnly? PreviousDueOn);

/// <summary>A message of a case and where its delivery stands (<c>pending</c>, <c>sent</c>, <c>failed</c>, <c>postal</c>, <c>posted</c>).</summary>
public sealed record CaseNotice(long Id, string Template, string Language, string? Recipient, string Subject, string Status,
    int Attempts, DateTimeOffset CreatedAt, DateTimeOffset? SentAt, string? LastError);

/// <summary>One step of how a due date was reached: <c>rule</c>, <c>day-zero</c>, <c>urgent</c>, <c>extension</c>,
/// <c>pause</c>, <c>weekend</c>, <c>holiday</c>, <c>due</c>.</summary>
public sealed record DueStep(string Kind, DateOnly? Date, DateOnly? To, int? Days, string? Unit, string? Step, string? NameFr,
    string? NameAr, bool? Estimated);

/// <summary>How the deadline that runs now was computed (<c>answer</c> or <c>head-answer</c>).</summary>
public sealed record DueExplanation(string Deadline, DateOnly DueOn, string RuleVersion, IReadOnlyList<string>? Fr,
    IReadOnlyList<DueStep>? Steps);

/// <summary>Routing's <c>GET /api/cases/{id}</c>: a case with its pauses, its audit trail, its notices and the moves the
/// caller may make now.</summary>
public sealed record CaseDetail(
    Guid CaseId, string TrackingNumber, string Regime, string Kind, string BodyCode, string Subject, string Description,
    string? Theme, string Channel, string Language, bool Urgent, string Status, string? Flag, string? AssignedOfficerId,
    string? AssignedOfficerName, string? RequesterName, string? RequesterEmail, string? RequesterAddress,
    DateTimeOffset ReceivedAt, DateOnly ReceivedOn, DateOnly ClockStartsOn, DateOnly DueOn, int? WorkingDaysLeft,
    string RuleVersion, int Version, bool Extended, string? ExtensionReasons, DateOnly? PausedSince,
    string? Outcome, string? RefusalGround, string? AnswerText, DateOnly? AnsweredOn, DateOnly? RecourseLastDay,
    DateOnly? RecourseFiledOn, string? RecourseText, DateOnly? RecourseDueOn, string? RecourseOutcome,
    string? RecourseAnswerText, string? RedirectedTo, Guid? RedirectedFrom, string? CloseReason, int? Rating,
    DueExplanation? DueExplanation, IReadOnlyList<CasePause> Pauses, IReadOnlyList<CaseAudit> Audit,
    IReadOnlyList<CaseNotice> Notifications, IReadOnlyList<string> AllowedActions);

/// <summary>An officer of a body, for a hand-over.</summary>
public sealed record OfficerChoice(string Id, string FullName, string Role, string? SubstituteOf);

/// <summary>A body of the directory (<c>GET /api/directory/bodies</c>), for a redirection and its officers.</summary>
public sealed record BodyChoice(string Code, string NameFr, string NameAr, IReadOnlyList<OfficerChoice> Officers);

/// <summary>A notice to print and post, with the requester's postal address.</summary>
public sealed record PostalLetter(CaseNotice Notification, Guid CaseId, string TrackingNumber, string BodyCode,
    string? RequesterName, string? RequesterAddress, string Text, string? PostedBy);

/// <summary>Routing's <c>GET /api/notifications</c>.</summary>
public sealed record LetterPage(int Total, int Limit, int Offset, IReadOnlyList<PostalLetter> Items);
