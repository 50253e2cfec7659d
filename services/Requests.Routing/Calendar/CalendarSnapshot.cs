using Microsoft.EntityFrameworkCore;
using Requests.Contracts.Routing;
using Requests.Routing.Bodies;
using Requests.Routing.Storage;
using Requests.ServiceDefaults.Messaging;

namespace Requests.Routing.Calendar;

/// <summary>Every correction in force, published at start-up and with each correction, so intake and reporting count
/// working days on routing's calendar. A snapshot, not a change: a service that missed one catches up with the next.</summary>
public static class CalendarSnapshot
{
    /// <summary>Adds the snapshot to the outbox, to be saved with the change: the corrections saved in this transaction.</summary>
    public static async Task PublishAsync(RoutingDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        var corrections = await db.HolidayCorrections.AsNoTracking().OrderBy(c => c.Id)
            .Select(c => new CalendarCorrection(c.Id, c.HolidayDate, c.NewDate, c.Confirmed, c.Reason,
                new DateTimeOffset(c.CorrectedAt, TimeSpan.Zero)))
            .ToListAsync(cancellationToken);
        var at = await DirectorySnapshot.VersionAsync<CalendarPublished>(db, now, cancellationToken);
        db.Add(OutboxMessage.For(new CalendarPublished(at.Ticks, corrections, new DateTimeOffset(at)), Guid.CreateVersion7(), at));
    }
}
