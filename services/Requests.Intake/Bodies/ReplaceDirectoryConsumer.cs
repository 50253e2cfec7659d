using MassTransit;
using Microsoft.EntityFrameworkCore;
using Requests.Contracts.Routing;
using Requests.Intake.Storage;
using Requests.ServiceDefaults.Data;
using Requests.ServiceDefaults.Messaging;

namespace Requests.Intake.Bodies;

/// <summary>
/// Takes routing's directory snapshot as the bodies citizens may address: all rows replaced when the snapshot is
/// newer than the one stored, an older one (arriving late) ignored.
/// </summary>
public sealed class ReplaceDirectoryConsumer(IntakeDbContext db, BodyDirectory directory, WriteGate writes,
    TimeProvider clock, ILogger<ReplaceDirectoryConsumer> logger) : IConsumer<BodyDirectoryPublished>
{
    public async Task Consume(ConsumeContext<BodyDirectoryPublished> context)
    {
        var snapshot = context.Message;
        var cancellationToken = context.CancellationToken;
        var messageId = context.MessageId ?? throw new InvalidOperationException("BodyDirectoryPublished without a message id.");
        await writes.EnterAsync(cancellationToken);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (!await db.TryRecordAsync(messageId, nameof(ReplaceDirectoryConsumer), clock.GetUtcNow().UtcDateTime, cancellationToken))
                return;
            var stored = await db.DirectoryVersions.FirstOrDefaultAsync(cancellationToken);
            var newer = stored is null || snapshot.Version > stored.Version;
            if (newer)
            {
                await db.Bodies.ExecuteDeleteAsync(cancellationToken);
                db.Bodies.AddRange(snapshot.Bodies.Select(b => new BodyRecord
                {
                    Code = b.Code, NameFr = b.NameFr, NameAr = b.NameAr, Sector = b.Sector, Region = b.Region,
                    ParentCode = b.ParentCode,
                }));
                if (stored is null)
                    db.DirectoryVersions.Add(stored = new DirectoryVersion { Id = 1 });
                stored.Version = snapshot.Version;
                stored.PublishedAt = snapshot.At.UtcDateTime;
            }
            else
                logger.LogInformation("Directory snapshot {Version} ignored: {Stored} is as recent", snapshot.Version, stored!.Version);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            // still inside the gate: a newer snapshot handled next cannot be overwritten by this one in memory
            if (newer)
                directory.Replace(snapshot.Bodies.Select(b => new Body(b.Code, b.NameFr, b.NameAr, b.Sector, b.Region)), snapshot.Version);
        }
        finally
        {
            writes.Exit();
        }
    }
}
