using Microsoft.EntityFrameworkCore;
using Requests.Contracts.Routing;
using Requests.Routing.Storage;
using Requests.ServiceDefaults.Messaging;

namespace Requests.Routing.Bodies;

/// <summary>The whole list of bodies, published at start-up and with each change to the directory, so intake offers
/// citizens the bodies routing knows. A snapshot, not a change: a service that missed one catches up with the next.</summary>
public static class DirectorySnapshot
{
    /// <summary>Adds the snapshot to the outbox, to be saved with the change: the bodies as this context will save them (a
    /// body added or edited and not saved yet is included as it will be).</summary>
    public static async Task PublishAsync(RoutingDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        await db.Bodies.LoadAsync(cancellationToken); // tracked bodies keep their pending changes
        await db.Officers.LoadAsync(cancellationToken);
        var officers = db.Officers.Local.Where(o => o.Role != OfficerRoles.Head).OrderBy(o => o.Id, StringComparer.Ordinal)
            .ToLookup(o => o.BodyCode, o => new DirectoryOfficer(o.FullName, o.Email));
        var bodies = db.Bodies.Local
            .OrderBy(b => b.Code, StringComparer.Ordinal)
            .Select(b => new DirectoryBody(b.Code, b.NameFr, b.NameAr, b.Sector, b.Region, b.ParentCode, [.. officers[b.Code]]))
            .ToList();
        var at = await VersionAsync<BodyDirectoryPublished>(db, now, cancellationToken);
        db.Add(OutboxMessage.For(new BodyDirectoryPublished(at.Ticks, bodies, new DateTimeOffset(at)), Guid.CreateVersion7(), at));
    }

    /// <summary>The time of a new snapshot (directory or calendar), also its version, kept rising: a service keeps a
    /// snapshot only when it is newer than its own, so two in one tick, or a clock set back, still give a newer one.</summary>
    internal static async Task<DateTime> VersionAsync<T>(RoutingDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        var type = typeof(T).FullName!;
        var last = await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.MessageType == type)
            .OrderByDescending(m => m.Seq).Select(m => (DateTime?)m.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        return new DateTime(Math.Max(now.Ticks, (last?.Ticks ?? 0) + 1), DateTimeKind.Utc);
    }

    /// <summary>Adds the snapshot and saves it with the directory's change.</summary>
    internal static async Task SaveAsync(RoutingDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        await PublishAsync(db, clock.GetUtcNow().UtcDateTime, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }
}
