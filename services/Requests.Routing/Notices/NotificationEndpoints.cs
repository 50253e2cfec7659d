using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Requests.Notifications.Delivery;
using Requests.Routing.Cases;
using Requests.Routing.Storage;
using Requests.ServiceDefaults.Auth;

namespace Requests.Routing.Notices;

/// <summary>A notice to post: the letter (subject and text) and where it goes (the requester's name and postal address).</summary>
public sealed record PostalNotice(NotificationView Notification, Guid CaseId, string TrackingNumber, string BodyCode,
    string? RequesterName, string? RequesterAddress, string Text);

public sealed record NotificationPage(int Total, int Limit, int Offset, IReadOnlyList<PostalNotice> Items);

public static class NotificationEndpoints
{
    private static readonly string[] Statuses =
        [NotificationStatus.Pending, NotificationStatus.Sent, NotificationStatus.Failed, NotificationStatus.Postal];

    public static void MapNotifications(this WebApplication app) =>
        app.MapGet("/api/notifications", ListAsync).WithTags("Notifications").RequireAuthorization(StaffPolicies.Staff)
            .Produces<NotificationPage>().ProducesValidationProblem(422)
            .WithSummary("The case notices of the caller's bodies by delivery status, oldest first: by default those waiting to be printed and posted (status=postal), each with the letter's text and the requester's postal address.");

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

        var query = from n in db.Set<Notification>().AsNoTracking()
                    join c in db.Cases.AsNoTracking().VisibleTo(user) on n.CaseId equals c.Id
                    where n.Status == status
                    orderby n.Id
                    select new { n, c.Id, c.TrackingNumber, c.BodyCode, c.RequesterName, c.RequesterAddress };
        var total = await query.CountAsync(cancellationToken);
        var (take, skip) = (limit ?? 100, offset ?? 0);
        var rows = await query.Skip(skip).Take(take).ToListAsync(cancellationToken);
        return Results.Ok(new NotificationPage(total, take, skip, [.. rows.Select(r => new PostalNotice(NotificationView.Of(r.n),
            r.Id, r.TrackingNumber, r.BodyCode, r.RequesterName, r.RequesterAddress, r.n.Text))]));
    }
}
