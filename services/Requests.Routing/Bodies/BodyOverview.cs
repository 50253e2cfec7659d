using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Requests.Domain.Lifecycle;
using Requests.Routing.Calendar;
using Requests.Routing.Cases;
using Requests.Routing.Deadlines;
using Requests.Routing.Storage;
using Requests.ServiceDefaults.Auth;

namespace Requests.Routing.Bodies;

/// <summary>An officer of the body with their open cases, whether they are away today, and who stands in for them.</summary>
public sealed record OfficerLoad(string Id, string FullName, string Role, string? SubstituteOf, IReadOnlyList<string> Substitutes,
    int OpenCases, bool OnLeave, DateOnly? LeaveEndsOn);

/// <summary>A body's cases at a glance: open; due within 5 working days (clock running); overdue; escalated to the head
/// (a deadline missed: the body's answer or the head's); recourses waiting for the head's answer.</summary>
public sealed record BodyOverview(string Code, string NameFr, string NameAr, DateOnly Today, int Open, int DueSoon, int Overdue,
    int Escalated, int RecoursesWaiting, IReadOnlyList<OfficerLoad> Officers);

public static class BodyOverviewEndpoints
{
    private static readonly string UnderRecourse = LifecycleCodes.Code(CaseStatus.UnderRecourse);
    private static readonly string Missed = LifecycleCodes.Code(CaseStatus.DeadlineMissed);
    private static readonly string RecourseMissed = LifecycleCodes.Code(CaseStatus.RecourseDeadlineMissed);

    public static void MapBodyOverview(this WebApplication app) =>
        app.MapGet("/api/bodies/{code}/overview", GetAsync).WithTags("Directory").RequireAuthorization(StaffPolicies.Staff)
            .Produces<BodyOverview>().ProducesProblem(404)
            .WithSummary("The head's view of a body: its open, due-soon, overdue and escalated cases, the recourses waiting, each officer's load and leave.");

    private static async Task<IResult> GetAsync(string code, ClaimsPrincipal user, RoutingDbContext db, CalendarStore calendar,
        CancellationToken cancellationToken)
    {
        code = code.Trim().ToUpperInvariant();
        var body = user.SeesAllBodies() || user.Bodies().Contains(code, StringComparer.Ordinal)
            ? await db.Bodies.AsNoTracking().FirstOrDefaultAsync(b => b.Code == code, cancellationToken)
            : null;
        if (body is null)
            return Results.Problem(statusCode: 404, title: $"No body {code} among yours.");

        var today = calendar.Today;
        var soon = calendar.Current.AddWorkingDays(today, DailyDigest.DueSoonDays);
        var open = CaseAccess.OpenStatuses;
        var cases = db.Cases.AsNoTracking().Where(c => c.BodyCode == code && open.Contains(c.Status));
        // one pass over the body's open cases; the running deadline as the queue computes it (CaseClock.RunningDueOn)
        var tally = await cases
            .Select(c => new
            {
                c.Status, c.PausedSince,
                Due = (c.Status == UnderRecourse || c.Status == RecourseMissed) && c.RecourseDueOn != null ? c.RecourseDueOn.Value : c.DueOn,
            })
            .GroupBy(c => 1)
            .Select(g => new
            {
                Open = g.Count(),
                DueSoon = g.Count(c => c.PausedSince == null && c.Due >= today && c.Due <= soon),
                Overdue = g.Count(c => c.PausedSince == null && c.Due < today),
                Escalated = g.Count(c => c.Status == Missed || c.Status == RecourseMissed),
                Recourses = g.Count(c => c.Status == UnderRecourse),
            })
            .FirstOrDefaultAsync(cancellationToken);
        var loads = await cases.Where(c => c.AssignedOfficerId != null).GroupBy(c => c.AssignedOfficerId!)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, StringComparer.Ordinal, cancellationToken);
        var officers = await db.Officers.AsNoTracking().Where(o => o.BodyCode == code).OrderBy(o => o.Id).ToListAsync(cancellationToken);
        var away = await db.OfficerLeaves.AsNoTracking()
            .Where(l => l.StartsOn <= today && l.EndsOn >= today && db.Officers.Any(o => o.Id == l.OfficerId && o.BodyCode == code))
            .GroupBy(l => l.OfficerId).Select(g => new { g.Key, EndsOn = g.Max(l => l.EndsOn) })
            .ToDictionaryAsync(g => g.Key, g => g.EndsOn, StringComparer.Ordinal, cancellationToken);

        return Results.Ok(new BodyOverview(body.Code, body.NameFr, body.NameAr, today, tally?.Open ?? 0, tally?.DueSoon ?? 0,
            tally?.Overdue ?? 0, tally?.Escalated ?? 0, tally?.Recourses ?? 0,
            [.. officers.Select(o => new OfficerLoad(o.Id, o.FullName, o.Role, o.SubstituteOf,
                [.. officers.Where(s => s.SubstituteOf == o.Id).Select(s => s.Id)], loads.GetValueOrDefault(o.Id),
                away.ContainsKey(o.Id), away.TryGetValue(o.Id, out var endsOn) ? endsOn : null))]));
    }
}
