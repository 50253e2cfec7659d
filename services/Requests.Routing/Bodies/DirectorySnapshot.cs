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
        // the version is the time of the change, so a consumer can ignore a snapshot older than the one it has
        var snapshot = new BodyDirectoryPublished(now.Ticks, bodies, new DateTimeOffset(now, TimeSpan.Zero));
        db.Add(OutboxMessage.For(snapshot, Guid.CreateVersion7(), now));
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
