using Microsoft.EntityFrameworkCore;
using Requests.Domain.Calendar;
using Requests.Domain.Deadlines;
using Requests.Routing.Storage;

namespace Requests.Routing.Calendar;

/// <summary>The working-day calendar in force in routing: the published holidays with the administrators' corrections
/// applied in the order they were made. Swapped whole after each correction, so readers never see half of one.</summary>
public sealed class CalendarStore(TimeProvider clock)
{
    public static readonly TimeZoneInfo Morocco = TimeZoneInfo.FindSystemTimeZoneById(LegalTime.MoroccoZoneId);

    private volatile HolidayCalendar _current = HolidayCalendar.Morocco;

    public HolidayCalendar Current => _current;

    public RuleBook Rules { get; } = RuleBook.Current;

    /// <summary>Today's date in Morocco: the legal date of anything done now.</summary>
    public DateOnly Today => LegalTime.LocalDate(clock.GetUtcNow(), Morocco);

    public DateOnly LocalDate(DateTimeOffset instant) => LegalTime.LocalDate(instant, Morocco);

    public DateOnly DueOn(DeadlineQuery query) => LegalClock.DueOn(query, Rules, _current);

    /// <summary>The last day to take a case to the Commission (CDAI): 30 days after the head's answer or silence.</summary>
    public DateOnly CommissionLastDay(DateOnly from) => DueOn(new DeadlineQuery(Regime.Information, DeadlineStep.Commission, from));

    public async Task ReloadAsync(RoutingDbContext db, CancellationToken cancellationToken) =>
        _current = await LoadAsync(db, cancellationToken);

    /// <summary>The calendar as the database has it now: what a correction must start from, whatever this instance holds.</summary>
    public static async Task<HolidayCalendar> LoadAsync(RoutingDbContext db, CancellationToken cancellationToken)
    {
        var corrections = await db.HolidayCorrections.AsNoTracking().OrderBy(c => c.Id).ToListAsync(cancellationToken);
        return HolidayCalendar.Morocco.Corrected(corrections.Select(c => c.ToCorrection()));
    }
}
