using MassTransit;
using Microsoft.EntityFrameworkCore;
using Requests.Contracts.Routing;
using Requests.Intake.Publication;
using Requests.Intake.Storage;
using Requests.ServiceDefaults.Messaging;

namespace Requests.Intake.Bodies;

/// <summary>
/// Takes routing's directory snapshot as the bodies citizens may address: all rows replaced when the snapshot is
/// newer than the one stored, an older one (arriving late) ignored.
/// </summary>
public sealed class ReplaceDirectoryConsumer(IntakeDbContext db, BodyDirectory directory, Inbox inbox,
    ILogger<ReplaceDirectoryConsumer> logger) : IConsumer<BodyDirectoryPublished>
{
    public async Task Consume(ConsumeContext<BodyDirectoryPublished> context)
    {
        var snapshot = context.Message;
        var cancellationToken = context.CancellationToken;
        var stored = await db.DirectoryVersions.FirstOrDefaultAsync(cancellationToken);
        if (stored is not null && snapshot.Version <= stored.Version)
        {
            logger.LogInformation("Directory snapshot {Version} ignored: {Stored} is as recent", snapshot.Version, stored.Version);
            return;
        }
        await db.Bodies.ExecuteDeleteAsync(cancellationToken);
        db.Bodies.AddRange(snapshot.Bodies.Select(b => new BodyRecord
        {
            Code = b.Code, NameFr = b.NameFr, NameAr = b.NameAr, Sector = b.Sector, Region = b.Region,
            ParentCode = b.ParentCode, Officers = BodyDirectory.OfficersJson(Contacts(b)),
        }));
        if (stored is null)
            db.DirectoryVersions.Add(stored = new DirectoryVersion { Id = 1 });
        stored.Version = snapshot.Version;
        stored.PublishedAt = snapshot.At.UtcDateTime;
        // once committed, and on SQLite still inside the write gate: a newer snapshot handled next cannot be overwritten
        // by this one in memory
        inbox.OnCommitted(() => directory.Replace(
            snapshot.Bodies.Select(b => new Body(b.Code, b.NameFr, b.NameAr, b.Sector, b.Region) { Officers = Contacts(b) }),
            snapshot.Version));
    }

    private static List<OfficerContact> Contacts(DirectoryBody body) =>
        [.. (body.Officers ?? []).Select(o => new OfficerContact(o.Name, o.Email))];
}
