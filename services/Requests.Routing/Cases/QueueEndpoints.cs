using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Requests.Domain.Deadlines;
using Requests.Domain.Lifecycle;
using Requests.Routing.Calendar;
using Requests.Routing.Storage;
using Requests.ServiceDefaults.Auth;
using static System.FormattableString;

namespace Requests.Routing.Cases;

/// <summary><c>GET /api/queue</c>: the cases of the caller's bodies, filtered and sorted by the deadline that runs now.</summary>
public static class QueueEndpoints
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;

    private static readonly string UnderRecourse = LifecycleCodes.Code(CaseStatus.UnderRecourse);
    private static readonly string RecourseMissed = LifecycleCodes.Code(CaseStatus.RecourseDeadlineMissed);

    private sealed record Filters(IReadOnlyList<string> Statuses, int? DueWithin, bool? Overdue, string? Regime, bool? Urgent,
        string? Body, bool Mine, bool Descending, int Limit, int Offset);

    public static void MapQueue(this WebApplication app) =>
        app.MapGet("/api/queue", ListAsync).WithTags("Cases").RequireAuthorization(StaffPolicies.Staff)
            .Produces<QueuePage>().ProducesValidationProblem()
            .WithSummary("The caller's cases (open ones unless status is given), by due date: status, dueWithin, overdue, regime, urgent, body, assignedTo=me, sort, limit, offset.");

    private static async Task<IResult> ListAsync(HttpRequest request, ClaimsPrincipal user, RoutingDbContext db,
        CalendarStore calendar, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var filters = Parse(request.Query, user, errors);
        if (filters is null)
            return Results.ValidationProblem(errors, title: "Invalid queue filter.");

        var today = calendar.Today;
        var cases = db.Cases.AsNoTracking().VisibleTo(user);
        if (filters.Regime is { } regime)
            cases = cases.Where(c => c.Regime == regime);
        if (filters.Urgent is { } urgent)
            cases = cases.Where(c => c.Urgent == urgent);
        if (filters.Body is { } body)
            cases = cases.Where(c => c.BodyCode == body);
        if (filters.Mine)
        {
            var officers = user.FindAll(StaffClaims.Officer).Select(c => c.Value).ToArray();
            cases = cases.Where(c => c.AssignedOfficerId != null && officers.Contains(c.AssignedOfficerId));
        }

        // the deadline that runs now, in SQL so that filters, order and paging agree (CaseClock.RunningDueOn)
        // (the index ix_cases_queue is on this very expression: keep them the same)
        var rows = cases.Select(c => new
        {
            Case = c,
            Due = (c.Status == UnderRecourse || c.Status == RecourseMissed) && c.RecourseDueOn != null ? c.RecourseDueOn.Value : c.DueOn,
        });
        var open = CaseAccess.OpenStatuses;
        if (filters.DueWithin is { } days)
        {
            // a paused clock has no due date yet: it moves with every day the requester takes to answer
            var last = calendar.Current.AddWorkingDays(today, days);
            rows = rows.Where(r => r.Due <= last && r.Case.PausedSince == null);
        }
        if (filters.Overdue == true)
            rows = rows.Where(r => r.Due < today && r.Case.PausedSince == null && open.Contains(r.Case.Status));
        else if (filters.Overdue == false)
            rows = rows.Where(r => !(r.Due < today && r.Case.PausedSince == null && open.Contains(r.Case.Status)));

        // the page's other tabs: every filter but the status, one GROUP BY
        var counts = await rows.GroupBy(r => r.Case.Status).Select(g => new { Status = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Status, g => g.Count, StringComparer.Ordinal, cancellationToken);
        rows = rows.Where(r => filters.Statuses.Contains(r.Case.Status));
        var total = filters.Statuses.Sum(s => counts.GetValueOrDefault(s));
        var ordered = filters.Descending
            ? rows.OrderByDescending(r => r.Due).ThenByDescending(r => r.Case.ReceivedAt).ThenBy(r => r.Case.TrackingNumber)
            : rows.OrderBy(r => r.Due).ThenBy(r => r.Case.ReceivedAt).ThenBy(r => r.Case.TrackingNumber);
        var page = await ordered.Skip(filters.Offset).Take(filters.Limit)
            .Select(r => new
            {
                r.Case.Id, r.Case.TrackingNumber, r.Case.Regime, r.Case.Kind, r.Case.BodyCode, r.Case.Subject,
                r.Case.Status, r.Case.Urgent, r.Case.ReceivedOn, r.Due, r.Case.PausedSince, r.Case.AssignedOfficerId,
                r.Case.Flag,
            })
            .ToListAsync(cancellationToken);
        var officerIds = page.Select(c => c.AssignedOfficerId).OfType<string>().Distinct().ToList();
        var names = await db.Officers.Where(o => officerIds.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.FullName, StringComparer.Ordinal, cancellationToken);
        var items = page.Select(c => new QueueItem(c.Id, c.TrackingNumber, c.Regime, c.Kind, c.BodyCode, c.Subject,
            c.Status, c.Urgent, c.ReceivedOn, c.Due, CaseView.DaysLeft(c.PausedSince, c.Due, today, calendar.Current),
            c.AssignedOfficerId, c.AssignedOfficerId is null ? null : names.GetValueOrDefault(c.AssignedOfficerId), c.Flag)).ToList();
        return Results.Ok(new QueuePage(total, filters.Limit, filters.Offset, counts, items));
    }

    private static Filters? Parse(IQueryCollection query, ClaimsPrincipal user, Dictionary<string, string[]> errors)
    {
        var statuses = query["status"].SelectMany(v => (v ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToList();
        var unknown = statuses.Where(s => !LifecycleCodes.TryParse(s, out CaseStatus _)).ToList();
        if (unknown.Count > 0)
            errors["status"] = [$"Unknown status {string.Join(", ", unknown)}: expected {string.Join(", ", LifecycleCodes.All<CaseStatus>())}."];

        var dueWithin = Number(query, "dueWithin", 0, 366, null, errors);
        var overdue = Flag(query, "overdue", errors);
        var urgent = Flag(query, "urgent", errors);
        string? regime = query["regime"];
        if (regime is not null && !DeadlineCodes.TryParseRegime(regime, out _))
            errors["regime"] = ["The regime is information or complaint."];
        string? body = query["body"];
        if (body is not null && !user.SeesAllBodies() && !user.Bodies().Contains(body, StringComparer.Ordinal))
            errors["body"] = [$"You are not designated for body '{body}': yours are {string.Join(", ", user.Bodies())}."];
        string? assignedTo = query["assignedTo"];
        if (assignedTo is not null and not "me")
            errors["assignedTo"] = ["The only value is me."];
        string? sort = query["sort"];
        if (sort is not null and not "due" and not "-due")
            errors["sort"] = ["Sort by due (earliest first) or -due (latest first)."];
        var limit = Number(query, "limit", 1, MaxLimit, DefaultLimit, errors);
        var offset = Number(query, "offset", 0, int.MaxValue, 0, errors);

        return errors.Count > 0 ? null : new Filters(statuses.Count > 0 ? statuses.Distinct().ToList() : CaseAccess.OpenStatuses,
            dueWithin, overdue, regime, urgent, body, assignedTo == "me", sort == "-due", limit!.Value, offset!.Value);
    }

    private static int? Number(IQueryCollection query, string name, int min, int max, int? absent, Dictionary<string, string[]> errors)
    {
        string? text = query[name];
        if (text is null)
            return absent;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) && value >= min && value <= max)
            return value;
        errors[name] = [Invariant($"A whole number from {min} to {max} is expected.")];
        return absent;
    }

    private static bool? Flag(IQueryCollection query, string name, Dictionary<string, string[]> errors)
    {
        string? text = query[name];
        if (text is null)
            return null;
        if (bool.TryParse(text, out bool value))
            return value;
        errors[name] = ["true or false is expected."];
        return null;
    }
}
