using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Requests.Notifications.Delivery;
using Requests.Routing.Cases;
using Requests.Routing.Storage;
using Requests.ServiceDefaults.Auth;
using Requests.ServiceDefaults.Data;

namespace Requests.Routing.Notices;

/// <summary>A notice to post: the letter (subject and text) and where it goes (the requester's name and postal address);
/// once posted, who posted it (and when: the notification's <c>sentAt</c>).</summary>
public sealed record PostalNotice(NotificationView Notification, Guid CaseId, string TrackingNumber, string BodyCode,
    string? RequesterName, string? RequesterAddress, string Text, string? PostedBy);

public sealed record NotificationPage(int Total, int Limit, int Offset, IReadOnlyList<PostalNotice> Items);

public static class NotificationEndpoints
{
    private static readonly string[] Statuses =
        [NotificationStatus.Pending, NotificationStatus.Sent, NotificationStatus.Failed, NotificationStatus.Postal, NotificationStatus.Posted];

    public static void MapNotifications(this WebApplication app)
    {
        var notifications = app.MapGroup("/api/notifications").WithTags("Notifications").RequireAuthorization(StaffPolicies.Staff);
        notifications.MapGet("/", ListAsync).Produces<NotificationPage>().ProducesValidationProblem(422)
            .WithSummary("The case notices of the caller's bodies by delivery status, oldest first: by default those waiting to be printed and posted (status=postal), each with the letter's text and the requester's postal address.");
        notifications.MapPost("/{id:long}/posted", PostedAsync).Produces<PostalNotice>().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Records that a letter waiting to be posted was printed and posted: status posted, by the caller, now.");
    }

    private static async Task<IResult> PostedAsync(long id, ClaimsPrincipal user, RoutingDbContext db, WriteGate writes,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!CaseAccess.ActsOnCases(user))
            return Results.Problem(statusCode: 403, title: "This account reads notices but does not post them.");
        var visible = Of(db, user).Where(r => r.Notice.Id == id);
        var current = await visible.Select(r => r.Notice.Status).FirstOrDefaultAsync(cancellationToken);
        if (current is null)
            return Results.Problem(statusCode: 404, title: "No such notice.");
        var now = clock.GetUtcNow().UtcDateTime;
        var name = user.Identity?.Name ?? "";
        // compare-and-set: of two clerks posting the same letter, one records it
        int marked;
        await writes.EnterAsync(cancellationToken);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            marked = await db.Set<Notification>().Where(n => n.Id == id && n.Status == NotificationStatus.Postal)
                .ExecuteUpdateAsync(n => n.SetProperty(x => x.Status, NotificationStatus.Posted).SetProperty(x => x.SentAt, now),
                    cancellationToken);
            if (marked == 1)
            {
                db.PostedLetters.Add(new PostedLetter { NotificationId = id, PostedBy = name, PostedAt = now });
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
        }
        finally
        {
            writes.Exit();
        }
        if (marked == 0)
            return Results.Problem(statusCode: 409, title: "This notice is not a letter waiting to be posted.",
                detail: $"Its status is {current}.", extensions: new Dictionary<string, object?> { ["notificationStatus"] = current });
        var row = await visible.FirstAsync(cancellationToken);
        return Results.Ok(Postal(row.Notice, row.Case, row.PostedBy));
    }

    // member-init, not a constructor: EF composes filters and order on it
    private sealed class Row
    {
        public required Notification Notice { get; init; }
        public required RoutedCase Case { get; init; }
        public string? PostedBy { get; init; }
    }

    private static IQueryable<Row> Of(RoutingDbContext db, ClaimsPrincipal user) =>
        from n in db.Set<Notification>().AsNoTracking()
        join c in db.Cases.AsNoTracking().VisibleTo(user) on n.CaseId equals c.Id
        select new Row { Notice = n, Case = c, PostedBy = db.PostedLetters.Where(p => p.NotificationId == n.Id).Select(p => p.PostedBy).FirstOrDefault() };

    private static PostalNotice Postal(Notification n, RoutedCase c, string? postedBy) => new(NotificationView.Of(n), c.Id,
        c.TrackingNumber, c.BodyCode, c.RequesterName, c.RequesterAddress, n.Text, postedBy);

    private static async Task<IResult> ListAsync(ClaimsPrincipal user, RoutingDbContext db, string? status, int? limit, int? offset,
        CancellationToken cancellationToken)
    {
        status ??= NotificationStatus.Postal;
        var errors = new Dictionary<string, string[]>();
        if (!Statuses.Contains(status))
            errors["status"] = [$"One of {string.Join(", ", Statuses)}."];
        if (limit is < 1 or > 500)
            errors["limit"] = ["From 1 to 500."];
        if (offset is < 0)
            errors["offset"] = ["Zero or more."];
        if (errors.Count > 0)
            return Results.ValidationProblem(errors, statusCode: 422, title: "Some parameters are invalid.");

        var query = Of(db, user).Where(r => r.Notice.Status == status).OrderBy(r => r.Notice.Id);
        var total = await query.CountAsync(cancellationToken);
        var (take, skip) = (limit ?? 100, offset ?? 0);
        var rows = await query.Skip(skip).Take(take).ToListAsync(cancellationToken);
        return Results.Ok(new NotificationPage(total, take, skip, [.. rows.Select(r => Postal(r.Notice, r.Case, r.PostedBy))]));
    }
}
