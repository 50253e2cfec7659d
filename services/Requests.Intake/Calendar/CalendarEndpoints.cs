using Requests.Domain.Calendar;

namespace Requests.Intake.Calendar;

public sealed record DayOff(DateOnly Date, string NameFr, string NameAr, string Kind, string Status, string Source);

/// <summary>
/// The holiday calendar as intake applies it. Routing owns the calendar and its corrections (its
/// <c>POST /api/calendar/corrections</c>); intake keeps the calendar it last published (<c>CalendarPublished</c>).
/// </summary>
public static class CalendarEndpoints
{
    public static IEndpointRouteBuilder MapCalendar(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/calendar/{year:int}", (int year, CalendarStore calendar) =>
            year < HolidayCalendar.FirstDay.Year || year > HolidayCalendar.LastDay.Year
                ? Results.Problem(statusCode: 404, title: $"The calendar covers {HolidayCalendar.FirstDay.Year} to {HolidayCalendar.LastDay.Year}.")
                : Results.Ok(calendar.Current.In(year).OrderBy(h => h.Date).Select(h => new DayOff(h.Date, h.NameFr, h.NameAr,
                    h.Kind.ToString().ToLowerInvariant(), h.Estimated ? "estimated" : "confirmed", h.Source))))
            .WithSummary("The year's public holidays: date, names in French and Arabic, kind, estimated or confirmed, source.");
        return app;
    }
}
