using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Requests.Domain.Calendar;
using Requests.Routing.Storage;
using Requests.ServiceDefaults.Auth;
using Requests.ServiceDefaults.Data;

namespace Requests.Routing.Calendar;

public sealed record DayOff(DateOnly Date, string NameFr, string NameAr, string Kind, string Status, string Source);

/// <summary>An administrator's correction: confirm an estimated holiday, or move it (lunar holidays are announced late).</summary>
/// <param name="Date">What intake's form called <paramref name="HolidayDate"/>: still understood.</param>
public sealed record CorrectionForm(DateOnly? HolidayDate, DateOnly? NewDate, bool? Confirmed, string? Reason, DateOnly? Date = null);

/// <summary>A correction as the history lists it.</summary>
public sealed record CorrectionView(long Id, DateOnly HolidayDate, DateOnly? NewDate, bool Confirmed, string Reason,
    string CorrectedBy, DateTimeOffset CorrectedAt);

/// <summary>What a correction did: the correction, the holiday as it now stands, how many open cases' due dates moved.</summary>
public sealed record CorrectionResult(CorrectionView Correction, DayOff Holiday, int CasesRecomputed);

/// <summary>The working-day calendar routing enforces deadlines with, and the administrators' corrections to it.</summary>
public static class CalendarEndpoints
{
    private const int MaxReasonLength = 1000;

    public static WebApplication MapCalendar(this WebApplication app)
    {
        var group = app.MapGroup("/api/calendar").WithTags("Calendar");
        group.MapGet("/{year:int}", (int year, CalendarStore calendar) =>
                year < HolidayCalendar.FirstDay.Year || year > HolidayCalendar.LastDay.Year
                    ? Results.Problem(statusCode: 404, title: $"The calendar covers {HolidayCalendar.FirstDay.Year} to {HolidayCalendar.LastDay.Year}.")
                    : Results.Ok(calendar.Current.In(year).OrderBy(h => h.Date).Select(DayOffOf)))
            .WithSummary("The year's public holidays in force: date, names in French and Arabic, kind, estimated or confirmed, source.");
        group.MapGet("/corrections", ListAsync).RequireAuthorization(StaffPolicies.Oversight)
            .WithSummary("Every correction made to the holiday calendar, oldest first.");
        group.MapPost("/corrections", CorrectAsync).RequireAuthorization(StaffPolicies.Admin)
            .WithSummary("Confirm an estimated holiday or move it to its announced date; open cases' due dates follow.");
        return app;
    }

    private static DayOff DayOffOf(Holiday h) => new(h.Date, h.NameFr, h.NameAr, h.Kind.ToString().ToLowerInvariant(),
        h.Estimated ? "estimated" : "confirmed", h.Source);

    // stored as UTC without a zone: sent with its offset, or a client reads it as its own local time
    private static CorrectionView CorrectionOf(HolidayCorrectionRecord c) => new(c.Id, c.HolidayDate, c.NewDate, c.Confirmed, c.Reason,
        c.CorrectedBy, new DateTimeOffset(c.CorrectedAt, TimeSpan.Zero));

    private static async Task<List<CorrectionView>> ListAsync(RoutingDbContext db, CancellationToken cancellationToken) =>
        [.. (await db.HolidayCorrections.AsNoTracking().OrderBy(c => c.Id).ToListAsync(cancellationToken)).Select(CorrectionOf)];

    private static async Task<IResult> CorrectAsync(CorrectionForm form, ClaimsPrincipal user, RoutingDbContext db,
        CalendarStore calendar, WriteGate writes, TimeProvider clock, CancellationToken cancellationToken)
    {
        await writes.EnterAsync(cancellationToken);
        try
        {
            // the calendar as stored, not as this instance last loaded it: another instance may have corrected it since
            var before = await CalendarStore.LoadAsync(db, cancellationToken);
            var holidayDate = form.HolidayDate ?? form.Date;
            var holiday = holidayDate is { } date && HolidayCalendar.Covers(date) ? before.HolidayOn(date) : null;
            var errors = new Dictionary<string, string[]>();
            if (holidayDate is null) errors["holidayDate"] = ["Required: the holiday's current date."];
            else if (holiday is null) errors["holidayDate"] = [$"{holidayDate:yyyy-MM-dd} is not a holiday in the calendar."];
            if (form.Confirmed is null) errors["confirmed"] = ["Required: true once the date is officially announced."];
            if (string.IsNullOrWhiteSpace(form.Reason)) errors["reason"] = ["Required: the announcement or decision behind the change."];
            else if (form.Reason.Length > MaxReasonLength) errors["reason"] = [$"At most {MaxReasonLength} characters."];
            // a weekend is allowed: a holiday may fall on one (Eid al-Fitr 2026 is estimated on Saturday 21 March)
            if (form.NewDate is { } moved && !HolidayCalendar.Covers(moved))
                errors["newDate"] = [$"Outside the calendar's years ({HolidayCalendar.FirstDay.Year} to {HolidayCalendar.LastDay.Year})."];
            if (errors.Count > 0)
                return Results.ValidationProblem(errors, statusCode: 422, title: "Invalid holiday correction; nothing was changed.");

            var now = clock.GetUtcNow().UtcDateTime;
            var correction = new HolidayCorrectionRecord
            {
                HolidayDate = holidayDate!.Value, NewDate = form.NewDate, Confirmed = form.Confirmed!.Value,
                Reason = form.Reason!.Trim(), CorrectedBy = user.Identity!.Name!, CorrectedAt = now,
            };
            var after = before.Corrected([correction.ToCorrection()]);

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            db.HolidayCorrections.Add(correction);
            await db.SaveChangesAsync(cancellationToken); // the snapshot reads it back with its id
            await CalendarSnapshot.PublishAsync(db, now, cancellationToken);
            var recomputed = await DueDateRecomputation.RecomputeAsync(db, correction, before, after, calendar, now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            await calendar.ReloadAsync(db, cancellationToken);

            var corrected = after.HolidaysOn(correction.NewDate ?? correction.HolidayDate).First(h => h.NameFr == holiday!.NameFr);
            return Results.Created($"/api/calendar/{corrected.Date.Year}",
                new CorrectionResult(CorrectionOf(correction), DayOffOf(corrected), recomputed));
        }
        finally
        {
            writes.Exit();
        }
    }
}
