using Microsoft.EntityFrameworkCore;
using Requests.Contracts.Routing;
using Requests.Routing.Storage;
using Requests.ServiceDefaults.Messaging;

namespace Requests.Routing.Calendar;

/// <summary>
/// Every correction in force, published at start-up and with each correction, so intake and reporting count working
/// days on routing's calendar. A snapshot, not a change: a service that missed one is whole again with the next.
/// </summary>
public static class CalendarSnapshot
{
    /// <summary>Adds the snapshot to the outbox, to be saved with the change: the corrections saved in this transaction.</summary>
    public static async Task PublishAsync(RoutingDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var corrections = await db.HolidayCorrections.AsNoTracking().OrderBy(c => c.Id)
            .Select(c => new CalendarCorrection(c.Id, c.HolidayDate, c.NewDate, c.Confirmed, c.Reason,
                new DateTimeOffset(c.CorrectedAt, TimeSpan.Zero)))
            .ToListAsync(cancellationToken);
        // the version is the time of the snapshot, kept rising: two in the same tick, or a clock set back, still give a newer one
        var type = typeof(CalendarPublished).FullName!;
        var last = await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.MessageType == type)
            .OrderByDescending(m => m.Seq).Select(m => (DateTime?)m.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        var at = new DateTime(Math.Max(now.Ticks, (last?.Ticks ?? 0) + 1), DateTimeKind.Utc);
        db.Add(OutboxMessage.For(new CalendarPublished(at.Ticks, corrections, new DateTimeOffset(at)), Guid.CreateVersion7(), at));
    }

    /// <summary>At start-up: intake and reporting learn the calendar even when nothing changes for months.</summary>
    public static async Task PublishAtStartAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        var db = services.GetRequiredService<RoutingDbContext>();
        await PublishAsync(db, services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }
}
