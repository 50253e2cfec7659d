using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Requests.Routing.Storage;
using Requests.ServiceDefaults.Auth;

namespace Requests.Routing.Bodies;

/// <summary>The directory of bodies, officers and leave: read by anyone, changed by administrators.</summary>
public static class DirectoryEndpoints
{
    public sealed record OfficerView(string Id, string FullName, string Role, string? SubstituteOf);

    public sealed record BodyView(string Code, string NameFr, string NameAr, string Sector, string Region,
        string? ParentCode, IReadOnlyList<OfficerView> Officers);

    /// <param name="Email">Shown to staff only.</param>
    /// <param name="Language">The language of the officer's e-mails, <c>fr</c> or <c>ar</c>.</param>
    public sealed record OfficerDetail(string Id, string BodyCode, string FullName, string? Email, string Role, string? SubstituteOf,
        string Language);

    /// <summary>A body with its designated officers, their substitutes and its head.</summary>
    public sealed record BodyDetail(string Code, string NameFr, string NameAr, string Sector, string Region,
        string? ParentCode, IReadOnlyList<OfficerDetail> Officers, IReadOnlyList<OfficerDetail> Substitutes, OfficerDetail? Head);

    public static IEndpointRouteBuilder MapDirectory(this IEndpointRouteBuilder app)
    {
        var directory = app.MapGroup("/api/directory").WithTags("Directory");
        directory.MapGet("/bodies", ListBodiesAsync)
            .WithSummary("The public bodies, each with its designated officers, their substitutes and its head.");
        directory.MapGet("/bodies/{code}", GetBodyAsync)
            .WithSummary("One body with its officers, substitutes and head; officers' e-mail addresses to staff only.");
        directory.MapGet("/officers/{id}", GetOfficerAsync)
            .WithSummary("One officer: body, name, role, whom a substitute stands in for; the e-mail address to staff only.");
        directory.MapBodyChanges();
        directory.MapOfficerChanges();
        directory.MapLeaves();
        return app;
    }

    private static async Task<List<BodyView>> ListBodiesAsync(RoutingDbContext db, CancellationToken cancellationToken)
    {
        var bodies = await db.Bodies.AsNoTracking().ToListAsync(cancellationToken);
        var officers = (await db.Officers.AsNoTracking().ToListAsync(cancellationToken)).ToLookup(o => o.BodyCode);
        return [.. bodies
            .OrderBy(b => b.Code, StringComparer.Ordinal)
            .Select(b => new BodyView(b.Code, b.NameFr, b.NameAr, b.Sector, b.Region, b.ParentCode,
                [.. officers[b.Code].OrderBy(o => o.Id, StringComparer.Ordinal)
                    .Select(o => new OfficerView(o.Id, o.FullName, o.Role, o.SubstituteOf))]))];
    }

    private static async Task<IResult> GetBodyAsync(string code, ClaimsPrincipal user, RoutingDbContext db,
        CancellationToken cancellationToken)
    {
        code = code.Trim().ToUpperInvariant();
        var body = await db.Bodies.AsNoTracking().FirstOrDefaultAsync(b => b.Code == code, cancellationToken);
        if (body is null)
            return Results.Problem(statusCode: 404, title: $"No body {code} in the directory.");
        var officers = await db.Officers.AsNoTracking().Where(o => o.BodyCode == code).ToListAsync(cancellationToken);
        return Results.Ok(Detail(body, officers, IsStaff(user)));
    }

    private static async Task<IResult> GetOfficerAsync(string id, ClaimsPrincipal user, RoutingDbContext db,
        CancellationToken cancellationToken)
    {
        id = id.Trim().ToUpperInvariant();
        var officer = await db.Officers.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        return officer is null
            ? Results.Problem(statusCode: 404, title: $"No officer {id} in the directory.")
            : Results.Ok(Detail(officer, IsStaff(user)));
    }

    public static bool IsStaff(ClaimsPrincipal user) => StaffRoles.All.Any(user.IsInRole);

    public static OfficerDetail Detail(Officer o, bool withEmail) =>
        new(o.Id, o.BodyCode, o.FullName, withEmail ? o.Email : null, o.Role, o.SubstituteOf, o.Language);

    public static BodyDetail Detail(Body body, IEnumerable<Officer> officers, bool withEmails)
    {
        var sorted = officers.OrderBy(o => o.Id, StringComparer.Ordinal).ToList();
        List<OfficerDetail> InRole(string role) => [.. sorted.Where(o => o.Role == role).Select(o => Detail(o, withEmails))];
        var head = sorted.FirstOrDefault(o => o.Role == OfficerRoles.Head);
        return new BodyDetail(body.Code, body.NameFr, body.NameAr, body.Sector, body.Region, body.ParentCode,
            InRole(OfficerRoles.Designated), InRole(OfficerRoles.Substitute), head is null ? null : Detail(head, withEmails));
    }
}
