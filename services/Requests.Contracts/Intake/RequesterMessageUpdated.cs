namespace Requests.Contracts.Intake;

/// <summary>
/// Where a message intake wrote to a case's requester stands (the e-mail of a move that sent documents): recorded
/// (<c>pending</c>), then <c>sent</c> or <c>failed</c>. The reverse of <c>CitizenNoticeUpdated</c>: routing lists it among
/// the case's messages as it lists its own. <see cref="NoticeKey"/> (the notification's idempotency key) names the message;
/// a later status replaces an earlier one, never the reverse.
/// </summary>
/// <param name="At">When it reached <see cref="Status"/>.</param>
public sealed record RequesterMessageUpdated(Guid CaseId, string TrackingNumber, string NoticeKey, string Template, string Language,
    string? Recipient, string Subject, string Status, int Attempts, DateTimeOffset CreatedAt, DateTimeOffset At, string? LastError);
