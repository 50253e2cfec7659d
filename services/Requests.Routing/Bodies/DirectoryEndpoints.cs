using Microsoft.EntityFrameworkCore;
using Requests.Routing.Storage;

namespace Requests.Routing.Bodies;

public static class DirectoryEndpoints
{
    public sealed record OfficerView(string Id, string FullName, string Role, string? SubstituteOf);

    public sealed record BodyView(string Code, string NameFr, string NameAr, string Sector, string Region,
        string? ParentCode, IReadOnlyList<OfficerView> Officers);

    public static IEndpointRouteBuilder MapDirectory(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/directory/bodies", ListBodiesAsync)
            .WithSummary("The public bodies, each with its designated officers, their substitutes and its head.");
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
}
