using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Requests.Routing.Storage;

namespace Requests.Routing.Bodies;

/// <summary>The directory's seed file: bodies with their officers, substitutes, head and known leave.</summary>
public static class DirectorySeed
{
    public sealed record SeedLeave(DateOnly From, DateOnly To);

    public sealed record SeedOfficer(string Id, string FullName, string Email, string Role, string? SubstituteOf,
        IReadOnlyList<SeedLeave>? Leave);

    public sealed record SeedBody(string Code, string NameFr, string NameAr, string Sector, string Region,
        string? ParentCode, IReadOnlyList<SeedOfficer> Officers);

    /// <summary>Loads the seed when the directory is empty, in one transaction: a restart, or two instances starting
    /// together, never load it twice (the second finds bodies, or collides on their keys and is told so).</summary>
    public static async Task LoadIfEmptyAsync(RoutingDbContext db, string file, ILogger logger, CancellationToken cancellationToken)
    {
        if (await db.Bodies.AnyAsync(cancellationToken))
            return;
        await using var stream = File.OpenRead(file);
        var bodies = await JsonSerializer.DeserializeAsync<List<SeedBody>>(stream, JsonSerializerOptions.Web, cancellationToken)
            ?? throw new InvalidOperationException($"The directory seed {file} is empty.");
        foreach (var body in bodies)
        {
            db.Bodies.Add(new Body
            {
                Code = body.Code, NameFr = body.NameFr, NameAr = body.NameAr, Sector = body.Sector,
                Region = body.Region, ParentCode = body.ParentCode,
            });
            foreach (var officer in body.Officers)
            {
                db.Officers.Add(new Officer
                {
                    Id = officer.Id, BodyCode = body.Code, FullName = officer.FullName, Email = officer.Email,
                    Role = officer.Role, SubstituteOf = officer.SubstituteOf,
                });
                foreach (var leave in officer.Leave ?? [])
                    db.OfficerLeaves.Add(new OfficerLeave { OfficerId = officer.Id, StartsOn = leave.From, EndsOn = leave.To });
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Loaded the directory seed: {Bodies} bodies", bodies.Count);
    }
}
