using Microsoft.EntityFrameworkCore;
using Requests.Domain.Calendar;
using Requests.Domain.Deadlines;
using Requests.Intake.Storage;

namespace Requests.Intake.Calendar;

/// <summary>
/// The working-day calendar in force: the published holidays with routing's corrections applied in the order
/// routing made them (by correction id). Swapped whole after each correction, so readers never see half of one.
/// </summary>
public sealed class CalendarStore(TimeProvider clock)
{
    public static readonly TimeZoneInfo Morocco = TimeZoneInfo.FindSystemTimeZoneById(LegalTime.MoroccoZoneId);

    private volatile HolidayCalendar _current = HolidayCalendar.Morocco;

    public HolidayCalendar Current => _current;

    public RuleBook Rules { get; } = RuleBook.Current;

    /// <summary>Today's date in Morocco: the legal date of a receipt made now.</summary>
    public DateOnly Today => LegalTime.LocalDate(clock.GetUtcNow(), Morocco);

    public DateOnly LocalDate(DateTimeOffset instant) => LegalTime.LocalDate(instant, Morocco);

    public DueDate Compute(DeadlineQuery query) => LegalClock.Compute(query, Rules, _current);

    /// <summary>The due date alone, without its explanation: what every filing needs, at no allocation.</summary>
    public DueDate DueOn(DeadlineQuery query) => new(LegalClock.DueOn(query, Rules, _current), Rules.Version, []);

    /// <summary>The last day to complain to the Commission (CDAI), from the head's answer or the end of its silence.</summary>
    public DateOnly CommissionLastDay(DateOnly startsOn) =>
        DueOn(new DeadlineQuery(Regime.Information, DeadlineStep.Commission, startsOn)).DueOn;

    public async Task ReloadAsync(IntakeDbContext db, CancellationToken cancellationToken)
    {
        var corrections = await db.HolidayCorrections.AsNoTracking().OrderBy(c => c.Id).ToListAsync(cancellationToken);
        _current = Apply(HolidayCalendar.Morocco, corrections);
    }

    public static HolidayCalendar Apply(HolidayCalendar calendar, IEnumerable<HolidayCorrection> corrections)
    {
        foreach (var correction in corrections)
        {
            // routing checks its corrections; one outside the calendar's years must still not stop intake starting
            if (!HolidayCalendar.Covers(correction.HolidayDate) || correction.NewDate is { } moved && !HolidayCalendar.Covers(moved))
                continue;
            var holiday = calendar.HolidayOn(correction.HolidayDate);
            if (holiday is null)
                continue; // a correction of a date that is no longer a holiday: superseded by a later one
            calendar = calendar.Replacing(holiday, holiday with
            {
                Date = correction.NewDate ?? holiday.Date,
                Estimated = !correction.Confirmed,
                Source = $"{holiday.Source}; corrected: {correction.Reason}",
            });
        }
        return calendar;
    }
}
