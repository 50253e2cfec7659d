using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Requests.Contracts.Routing;
using Requests.Domain.Calendar;
using Requests.ServiceDefaults.Messaging;

namespace Requests.ServiceDefaults.Calendar;

/// <summary>
/// The holiday calendar routing last published, kept by the services that count working days on it (intake, reporting):
/// the legal calendar with routing's corrections applied by the domain's rule. Swapped whole, and only for a newer
/// version, so readers never see half of one and a snapshot arriving late never replaces a newer one.
/// </summary>
public sealed class PublishedCalendar
{
    private readonly Lock _swap = new();
    private volatile Snapshot _current = new(0, HolidayCalendar.Morocco);

    public HolidayCalendar Current => _current.Calendar;

    /// <summary>The snapshot the database keeps, if newer: at start-up, and when another instance stored it.</summary>
    public async Task LoadAsync(DbContext db, CancellationToken cancellationToken)
    {
        var stored = await db.Set<PublishedCalendarRecord>().AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        if (stored is not null && stored.Version > _current.Version)
            Take(stored.Version, JsonSerializer.Deserialize<List<CalendarCorrection>>(stored.Corrections, JsonSerializerOptions.Web)!);
    }

    /// <summary>
    /// Keeps a snapshot newer than the stored one, in the inbox's transaction, and puts it in force once committed; an
    /// older one, or the same again, changes nothing.
    /// </summary>
    public async Task ReplaceAsync(DbContext db, Inbox inbox, CalendarPublished snapshot, CancellationToken cancellationToken)
    {
        var stored = await db.Set<PublishedCalendarRecord>().FindAsync([PublishedCalendarRecord.SingleId], cancellationToken);
        if (stored is not null && stored.Version >= snapshot.Version)
            return;
        if (stored is null)
            db.Add(stored = new PublishedCalendarRecord { Id = PublishedCalendarRecord.SingleId, Corrections = "" });
        stored.Version = snapshot.Version;
        stored.PublishedAt = snapshot.At.UtcDateTime;
        stored.Corrections = JsonSerializer.Serialize(snapshot.Corrections, JsonSerializerOptions.Web);
        inbox.OnCommitted(() => Take(snapshot.Version, snapshot.Corrections));
    }

    private void Take(long version, IEnumerable<CalendarCorrection> corrections)
    {
        var calendar = HolidayCalendar.Morocco.Corrected(corrections.OrderBy(c => c.Id)
            .Select(c => new HolidayCorrection(c.HolidayDate, c.NewDate, c.Confirmed, c.Reason)));
        lock (_swap)
        {
            if (version > _current.Version)
                _current = new(version, calendar);
        }
    }

    private sealed record Snapshot(long Version, HolidayCalendar Calendar);
}
