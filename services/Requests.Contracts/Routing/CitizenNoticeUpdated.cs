namespace Requests.Contracts.Routing;

/// <summary>
/// Where a message to a case's requester stands: recorded (<c>pending</c>, or <c>postal</c> when it is to be posted),
/// then <c>sent</c> or <c>failed</c>. <see cref="NoticeKey"/> (the notification's idempotency key) names the message;
/// a later status replaces an earlier one, never the reverse.
/// </summary>
/// <param name="Template">The message, e.g. <c>extension</c>, <c>refused</c>, <c>deadline-missed</c>.</param>
public sealed record CitizenNoticeUpdated(Guid CaseId, string TrackingNumber, string NoticeKey, string Template, string Subject,
    string Status, DateTimeOffset At);
