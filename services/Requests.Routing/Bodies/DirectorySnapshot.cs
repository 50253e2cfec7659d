using Microsoft.EntityFrameworkCore;
using Requests.Contracts.Routing;
using Requests.Routing.Storage;
using Requests.ServiceDefaults.Messaging;

namespace Requests.Routing.Bodies;

/// <summary>
/// The whole list of bodies, published at start-up and with each change to the directory, so intake offers citizens
/// the bodies routing knows. A snapshot, not a change: a service that missed one is whole again with the next.
/// </summary>
public static class DirectorySnapshot
{
    /// <summary>
    /// Adds the snapshot to the outbox, to be saved with the change: the bodies as this context will save them
    /// (a body added or edited and not saved yet is included as it will be).
    /// </summary>
    public static async Task PublishAsync(RoutingDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.Bodies.LoadAsync(cancellationToken); // tracked bodies keep their pending changes
        var bodies = db.Bodies.Local
            .OrderBy(b => b.Code, StringComparer.Ordinal)
            .Select(b => new DirectoryBody(b.Code, b.NameFr, b.NameAr, b.Sector, b.Region, b.ParentCode))
            .ToList();
        // The version is the time of the change, kept rising: intake keeps a snapshot only when it is newer than its
        // own, so two changes in the same tick, or a clock set back, must still give a newer one.
        var last = await LastVersionAsync(db, cancellationToken);
        var at = new DateTime(Math.Max(now.Ticks, last + 1), DateTimeKind.Utc);
        var snapshot = new BodyDirectoryPublished(at.Ticks, bodies, new DateTimeOffset(at));
        db.Add(OutboxMessage.For(snapshot, Guid.CreateVersion7(), at));
    }

    /// <summary>The version of the last snapshot still in the outbox (its creation time), or 0.</summary>
    private static async Task<long> LastVersionAsync(RoutingDbContext db, CancellationToken cancellationToken)
    {
        var type = typeof(BodyDirectoryPublished).FullName!;
        var last = await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.MessageType == type)
            .OrderByDescending(m => m.Seq).Select(m => (DateTime?)m.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        return last?.Ticks ?? 0;
    }

    /// <summary>At start-up, after the seed: intake learns the directory even when nothing changes for months.</summary>
    public static async Task PublishAtStartAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        var db = services.GetRequiredService<RoutingDbContext>();
        await PublishAsync(db, services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }
}
