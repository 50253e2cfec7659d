using Microsoft.EntityFrameworkCore;
using Requests.Domain.Calendar;
using Requests.Reporting.Storage;

namespace Requests.Reporting.Reports;

/// <summary>
/// The legal calendar with routing's holiday corrections: working-day delays and the due dates of imported rows are
/// counted on the same days off as routing's deadlines.
/// </summary>
public sealed class ReportCalendar
{
    private volatile HolidayCalendar _current = HolidayCalendar.Morocco;

    public HolidayCalendar Current => _current;

    public async Task ReloadAsync(ReportingDbContext db, CancellationToken cancellationToken)
    {
        var calendar = HolidayCalendar.Morocco;
        foreach (var correction in await db.HolidayCorrections.AsNoTracking().OrderBy(c => c.Id).ToListAsync(cancellationToken))
        {
            if (!HolidayCalendar.Covers(correction.HolidayDate) || correction.NewDate is { } moved && !HolidayCalendar.Covers(moved))
                continue;
            // a correction of a date that is no longer a holiday was superseded by a later one
            if (calendar.HolidayOn(correction.HolidayDate) is { } holiday)
            {
                calendar = calendar.Replacing(holiday, holiday with
                {
                    Date = correction.NewDate ?? holiday.Date,
                    Estimated = !correction.Confirmed,
                });
            }
        }
        _current = calendar;
    }
}
