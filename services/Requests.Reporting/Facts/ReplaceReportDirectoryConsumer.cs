using MassTransit;
using Microsoft.EntityFrameworkCore;
using Requests.Contracts.Routing;
using Requests.Reporting.Storage;

namespace Requests.Reporting.Facts;

/// <summary>Takes routing's directory: each body's name, sector and region, which the reports group by.</summary>
public sealed class ReplaceReportDirectoryConsumer(ReportingDbContext db)
    : IConsumer<BodyDirectoryPublished>
{
    public async Task Consume(ConsumeContext<BodyDirectoryPublished> context)
    {
        var cancellationToken = context.CancellationToken;
        var m = context.Message;
        // locked until the transaction ends: two instances given two snapshots at once apply them in turn
        var version = db.Database.IsSqlite()
            ? await db.DirectoryVersions.FindAsync([1], cancellationToken)
            : (await db.DirectoryVersions.FromSql($"SELECT * FROM directory_versions WHERE id = 1 FOR UPDATE").ToListAsync(cancellationToken)).SingleOrDefault();
        if (version is not null && version.Version >= m.Version)
            return;
        if (version is null)
            db.DirectoryVersions.Add(new DirectoryVersion { Id = 1, Version = m.Version });
        else
            version.Version = m.Version;
        var known = await db.Bodies.ToDictionaryAsync(b => b.Code, cancellationToken);
        foreach (var body in m.Bodies)
        {
            if (!known.TryGetValue(body.Code, out var record))
            {
                record = new BodyRecord { Code = body.Code, Sector = body.Sector, Region = body.Region };
                db.Bodies.Add(record);
            }
            record.Name = body.NameFr;
            record.Sector = body.Sector;
            record.Region = body.Region;
        }
    }
}
