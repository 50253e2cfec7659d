using Microsoft.EntityFrameworkCore;
using Requests.Routing.Storage;
using Requests.ServiceDefaults.Auth;
using Requests.ServiceDefaults.Data;

namespace Requests.Routing.Bodies;

/// <param name="Sector">One of <see cref="BodyChanges.Sectors"/>.</param>
/// <param name="ParentCode">The body it belongs to (a ministry's directorate, a region's commune...), if any.</param>
public sealed record BodyForm(string? Code, string? NameFr, string? NameAr, string? Sector, string? Region, string? ParentCode);

/// <summary>An administrator adds a body to the directory or edits one; intake hears of it through the snapshot.</summary>
public static class BodyChanges
{
    public static readonly IReadOnlyList<string> Sectors = ["ministry", "public-establishment", "territorial-collectivity", "other"];

    internal static void MapBodyChanges(this RouteGroupBuilder directory)
    {
        directory.MapPost("/bodies", CreateAsync).RequireAuthorization(StaffPolicies.Admin)
            .WithSummary("Adds a body: code, names in French and Arabic, sector, region, parent body.");
        directory.MapPut("/bodies/{code}", UpdateAsync).RequireAuthorization(StaffPolicies.Admin)
            .WithSummary("Edits a body; its code does not change.");
    }

    private static Task<IResult> CreateAsync(BodyForm form, RoutingDbContext db, WriteGate writes, TimeProvider clock,
        CancellationToken cancellationToken) => writes.ExclusiveAsync(async () =>
    {
        var code = DirectoryChanges.Normalize(form.Code);
        var errors = new Dictionary<string, string[]>();
        if (code is null) errors["code"] = ["Required: the body's code, e.g. COM-RABAT."];
        else if (!DirectoryChanges.IsCode(code)) errors["code"] = ["Letters, digits and single hyphens, at most 32, e.g. COM-RABAT."];
        await CheckAsync(errors, form, code, db, cancellationToken);
        if (errors.Count > 0)
            return DirectoryChanges.Invalid(errors, "body");
        if (await db.Bodies.AnyAsync(b => b.Code == code, cancellationToken))
            return DirectoryChanges.Conflict("code", $"The directory already has a body {code}.");

        var body = new Body
        {
            Code = code!, NameFr = form.NameFr!.Trim(), NameAr = form.NameAr!.Trim(), Sector = form.Sector!,
            Region = form.Region!.Trim(), ParentCode = DirectoryChanges.Normalize(form.ParentCode),
        };
        db.Bodies.Add(body);
        await DirectorySnapshot.SaveAsync(db, clock, cancellationToken);
        return Results.Created($"/api/directory/bodies/{body.Code}", DirectoryEndpoints.Detail(body, [], withEmails: true));
    }, cancellationToken);

    private static Task<IResult> UpdateAsync(string code, BodyForm form, RoutingDbContext db, WriteGate writes,
        TimeProvider clock, CancellationToken cancellationToken) => writes.ExclusiveAsync(async () =>
    {
        code = code.Trim().ToUpperInvariant();
        var body = await db.Bodies.FirstOrDefaultAsync(b => b.Code == code, cancellationToken);
        if (body is null)
            return DirectoryChanges.NotFound($"body {code}");
        var errors = new Dictionary<string, string[]>();
        if (DirectoryChanges.Normalize(form.Code) is { } renamed && renamed != code)
            errors["code"] = ["A body's code does not change: cases and reports refer to it."];
        await CheckAsync(errors, form, code, db, cancellationToken);
        if (errors.Count > 0)
            return DirectoryChanges.Invalid(errors, "body");

        body.NameFr = form.NameFr!.Trim();
        body.NameAr = form.NameAr!.Trim();
        body.Sector = form.Sector!;
        body.Region = form.Region!.Trim();
        body.ParentCode = DirectoryChanges.Normalize(form.ParentCode);
        await DirectorySnapshot.SaveAsync(db, clock, cancellationToken);
        var officers = await db.Officers.AsNoTracking().Where(o => o.BodyCode == code).ToListAsync(cancellationToken);
        return Results.Ok(DirectoryEndpoints.Detail(body, officers, withEmails: true));
    }, cancellationToken);

    private static async Task CheckAsync(Dictionary<string, string[]> errors, BodyForm form, string? code, RoutingDbContext db,
        CancellationToken cancellationToken)
    {
        DirectoryChanges.CheckText(errors, "nameFr", form.NameFr, "the body's name in French");
        DirectoryChanges.CheckText(errors, "nameAr", form.NameAr, "the body's name in Arabic");
        DirectoryChanges.CheckText(errors, "region", form.Region, "the region of the body's seat");
        if (form.Sector is null || !Sectors.Contains(form.Sector))
            errors["sector"] = [$"One of {string.Join(", ", Sectors)}."];
        if (DirectoryChanges.Normalize(form.ParentCode) is not { } parent)
            return;
        if (parent == code)
        {
            errors["parentCode"] = ["A body cannot be its own parent."];
            return;
        }
        // up the parent's line: an unknown body, or this one again (a loop), is refused
        var parents = await db.Bodies.AsNoTracking().ToDictionaryAsync(b => b.Code, b => b.ParentCode, cancellationToken);
        if (!parents.ContainsKey(parent))
        {
            errors["parentCode"] = [$"Unknown body {parent}."];
            return;
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (string? above = parent; above is not null && seen.Add(above); above = parents.GetValueOrDefault(above))
        {
            if (above == code)
            {
                errors["parentCode"] = [$"{parent} is already below {code}: a body cannot be above itself."];
                return;
            }
        }
    }
}
