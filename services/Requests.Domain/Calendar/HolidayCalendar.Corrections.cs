namespace Requests.Domain.Calendar;

// An administrator confirms an estimated lunar holiday, moves it, or the government declares an exceptional
// day: each gives a new calendar, and the service keeps the history of changes.
public sealed partial class HolidayCalendar
{
    public HolidayCalendar With(Holiday added) => new(_holidays.Append(added));

    public HolidayCalendar Without(Holiday removed)
    {
        int index = Array.IndexOf(_holidays, removed);
        if (index < 0)
        {
            throw new ArgumentException($"The calendar has no holiday {removed}.", nameof(removed));
        }

        return new(_holidays.Where((_, i) => i != index));
    }

    /// <summary>Replaces a holiday by its corrected version (confirmed, or moved to another date).</summary>
    public HolidayCalendar Replacing(Holiday current, Holiday corrected) => Without(current).With(corrected);

    /// <summary>
    /// The calendar with <paramref name="corrections"/> applied in the order they were made. One that names a date
    /// that is no longer a holiday (a later correction superseded it) or a date outside the calendar changes nothing.
    /// </summary>
    public HolidayCalendar Corrected(IEnumerable<HolidayCorrection> corrections)
    {
        var calendar = this;
        foreach (var correction in corrections)
        {
            if (Covers(correction.HolidayDate) && (correction.NewDate is not { } moved || Covers(moved))
                && calendar.HolidayOn(correction.HolidayDate) is { } holiday)
            {
                calendar = calendar.Replacing(holiday, holiday with
                {
                    Date = correction.NewDate ?? holiday.Date,
                    Estimated = !correction.Confirmed,
                    Source = $"{holiday.Source}; corrected: {correction.Reason}",
                });
            }
        }

        return calendar;
    }
}
