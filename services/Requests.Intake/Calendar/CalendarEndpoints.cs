using Microsoft.EntityFrameworkCore;
using Requests.Domain.Calendar;
using Requests.Intake.Staff;
using Requests.Intake.Storage;

namespace Requests.Intake.Calendar;

public sealed record DayOff(DateOnly Date, string NameFr, string NameAr, string Kind, string Status, string Source);

/// <summary>An administrator's correction: confirm an estimated holiday, or move it (lunar holidays are announced late).</summary>
public sealed record CorrectionForm(DateOnly? Date, DateOnly? NewDate, bool? Confirmed, string? Reason);

/// <summary>A correction as the history lists it.</summary>
public sealed record CorrectionView(long Id, DateOnly HolidayDate, DateOnly? NewDate, bool Confirmed, string Reason,
    string CorrectedBy, DateTimeOffset CorrectedAt);

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

        var admin = app.MapGroup("/api/calendar/corrections").RequireApiKey("Intake:AdminApiKey");
        // stored as UTC without a zone: sent with its offset, or a client reads it as its own local time
        admin.MapGet("/", async (IntakeDbContext db, CancellationToken ct) =>
                (await db.HolidayCorrections.AsNoTracking().OrderBy(c => c.Id).ToListAsync(ct)).Select(c => new CorrectionView(
                    c.Id, c.HolidayDate, c.NewDate, c.Confirmed, c.Reason, c.CorrectedBy, new DateTimeOffset(c.CorrectedAt, TimeSpan.Zero))))
            .WithSummary("Every correction made to the holiday calendar, oldest first.");
        admin.MapPost("/", CorrectAsync)
            .WithSummary("Confirm an estimated holiday or move it to its announced date.");
        return app;
    }

    private static async Task<IResult> CorrectAsync(CorrectionForm form, IntakeDbContext db, CalendarStore calendar,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        // a date outside the calendar's years is simply not one of its holidays (HolidayOn throws on it)
        var holiday = form.Date is { } date && HolidayCalendar.Covers(date) ? calendar.Current.HolidayOn(date) : null;
        if (form.Date is null) errors["date"] = ["Required: the holiday's current date."];
        else if (holiday is null) errors["date"] = [$"{form.Date:yyyy-MM-dd} is not a holiday in the calendar."];
        if (form.Confirmed is null) errors["confirmed"] = ["Required: true once the date is officially announced."];
        if (string.IsNullOrWhiteSpace(form.Reason)) errors["reason"] = ["Required: the announcement or decision behind the change."];
        if (form.NewDate is { } moved && (moved < HolidayCalendar.FirstDay || moved > HolidayCalendar.LastDay))
            errors["newDate"] = ["Outside the calendar's years."];
        if (errors.Count > 0)
            return Results.ValidationProblem(errors, statusCode: 422, title: "Invalid holiday correction; nothing was changed.");

        db.HolidayCorrections.Add(new HolidayCorrection
        {
            HolidayDate = form.Date!.Value,
            NewDate = form.NewDate,
            Confirmed = form.Confirmed!.Value,
            Reason = form.Reason!.Trim(),
            CorrectedBy = "administrator",
            CorrectedAt = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(cancellationToken);
        await calendar.ReloadAsync(db, cancellationToken);
        var corrected = calendar.Current.HolidayOn(form.NewDate ?? form.Date!.Value)!;
        return Results.Ok(new DayOff(corrected.Date, corrected.NameFr, corrected.NameAr, corrected.Kind.ToString().ToLowerInvariant(),
            corrected.Estimated ? "estimated" : "confirmed", corrected.Source));
    }
}
