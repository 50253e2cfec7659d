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
        var version = await db.DirectoryVersions.FindAsync([1], cancellationToken);
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
