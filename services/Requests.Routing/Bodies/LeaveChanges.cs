using Microsoft.EntityFrameworkCore;
using Requests.Routing.Storage;
using Requests.ServiceDefaults.Auth;
using Requests.ServiceDefaults.Data;

namespace Requests.Routing.Bodies;

/// <summary>A period away, both days included: new cases go to someone present (see <c>OfficerPicker</c>).</summary>
public sealed record LeaveForm(DateOnly? StartsOn, DateOnly? EndsOn);

public sealed record LeaveView(long Id, string OfficerId, DateOnly StartsOn, DateOnly EndsOn);

/// <summary>Officers' leave: recorded and removed by administrators, read by staff.</summary>
public static class LeaveChanges
{
    internal static void MapLeaves(this RouteGroupBuilder directory)
    {
        var leaves = directory.MapGroup("/officers/{id}/leaves");
        leaves.MapGet("/", ListAsync).RequireAuthorization(StaffPolicies.Staff)
            .WithSummary("An officer's leave, earliest first.");
        leaves.MapPost("/", AddAsync).RequireAuthorization(StaffPolicies.Admin)
            .WithSummary("Records a period an officer is away, both days included.");
        leaves.MapDelete("/{leaveId:long}", RemoveAsync).RequireAuthorization(StaffPolicies.Admin)
            .WithSummary("Removes a period of leave.");
    }

    private static async Task<IResult> ListAsync(string id, RoutingDbContext db, CancellationToken cancellationToken)
    {
        id = id.Trim().ToUpperInvariant();
        if (!await db.Officers.AnyAsync(o => o.Id == id, cancellationToken))
            return DirectoryChanges.NotFound($"officer {id}");
        var leaves = await db.OfficerLeaves.AsNoTracking().Where(l => l.OfficerId == id)
            .OrderBy(l => l.StartsOn).ThenBy(l => l.Id).ToListAsync(cancellationToken);
        return Results.Ok(leaves.Select(View));
    }

    private static Task<IResult> AddAsync(string id, LeaveForm form, RoutingDbContext db, WriteGate writes, TimeProvider clock,
        CancellationToken cancellationToken) => writes.ExclusiveAsync(async () =>
    {
        id = id.Trim().ToUpperInvariant();
        if (!await db.Officers.AnyAsync(o => o.Id == id, cancellationToken))
            return DirectoryChanges.NotFound($"officer {id}");
        var errors = new Dictionary<string, string[]>();
        if (form.StartsOn is null) errors["startsOn"] = ["Required: the first day away."];
        if (form.EndsOn is null) errors["endsOn"] = ["Required: the last day away."];
        else if (form.StartsOn is { } starts && form.EndsOn < starts) errors["endsOn"] = [$"On or after the first day away ({starts:yyyy-MM-dd})."];
        if (errors.Count > 0)
            return DirectoryChanges.Invalid(errors, "leave");

        var leave = new OfficerLeave { OfficerId = id, StartsOn = form.StartsOn!.Value, EndsOn = form.EndsOn!.Value };
        db.OfficerLeaves.Add(leave);
        await DirectorySnapshot.SaveAsync(db, clock, cancellationToken);
        return Results.Created($"/api/directory/officers/{id}/leaves", View(leave));
    }, cancellationToken);

    private static Task<IResult> RemoveAsync(string id, long leaveId, RoutingDbContext db, WriteGate writes, TimeProvider clock,
        CancellationToken cancellationToken) => writes.ExclusiveAsync(async () =>
    {
        id = id.Trim().ToUpperInvariant();
        var leave = await db.OfficerLeaves.FirstOrDefaultAsync(l => l.Id == leaveId && l.OfficerId == id, cancellationToken);
        if (leave is null)
            return DirectoryChanges.NotFound($"leave {leaveId} of officer {id}");
        db.OfficerLeaves.Remove(leave);
        await DirectorySnapshot.SaveAsync(db, clock, cancellationToken);
        return Results.NoContent();
    }, cancellationToken);

    private static LeaveView View(OfficerLeave leave) => new(leave.Id, leave.OfficerId, leave.StartsOn, leave.EndsOn);
}
