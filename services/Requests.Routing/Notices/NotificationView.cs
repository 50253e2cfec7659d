using Microsoft.EntityFrameworkCore;
using Requests.Notifications.Delivery;
using Requests.Routing.Storage;

namespace Requests.Routing.Notices;

/// <summary>A message of a case as staff see it on the case: to whom, which, and where its delivery stands (<c>pending</c>,
/// <c>sent</c>, <c>failed</c>, or <c>postal</c>: to be printed and posted), whether routing or intake wrote it.</summary>
public sealed record NotificationView(long Id, string Template, string Language, string? Recipient, string Subject,
    string Status, int Attempts, DateTimeOffset CreatedAt, DateTimeOffset? SentAt, string? LastError)
{
    public static async Task<List<NotificationView>> ForCaseAsync(RoutingDbContext db, Guid caseId, CancellationToken cancellationToken)
    {
        var rows = await db.Set<Notification>().AsNoTracking().Where(n => n.CaseId == caseId).OrderBy(n => n.Id)
            .ToListAsync(cancellationToken);
        var intake = await db.IntakeMessages.AsNoTracking().Where(m => m.CaseId == caseId).ToListAsync(cancellationToken);
        return [.. rows.Select(Of).Concat(intake.Select(Of)).OrderBy(n => n.CreatedAt)];
    }

    /// <summary>A message intake wrote (the e-mail of a move that sent documents), shown as routing's own are.</summary>
    public static NotificationView Of(IntakeMessage m) => new(m.Id, m.Template, m.Language, m.Recipient, m.Subject, m.Status,
        m.Attempts, Utc(m.CreatedAt), m.SentAt is { } sent ? Utc(sent) : null, m.LastError);

    public static NotificationView Of(Notification n) => new(n.Id, n.Template, n.Language, n.Recipient, n.Subject, n.Status,
        n.Attempts, Utc(n.CreatedAt), n.SentAt is { } sent ? Utc(sent) : null, n.LastError);

    // SQLite gives back unspecified times; they were written in UTC
    internal static DateTimeOffset Utc(DateTime at) => new(DateTime.SpecifyKind(at, DateTimeKind.Utc));
}
