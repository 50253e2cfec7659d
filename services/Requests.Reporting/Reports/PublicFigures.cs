using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Requests.Domain.Calendar;
using Requests.Reporting.Storage;

namespace Requests.Reporting.Reports;

/// <summary>A year's figures of a body as published: aggregates of its report, delays in working days.</summary>
public sealed record PublicYearFigures(int Year, long Received, long Answered, decimal? ResponseRate, decimal? AverageDelay,
    decimal? MedianDelay, decimal? InTimeRate, decimal? AverageCalendarDays, decimal? MedianCalendarDays);

public sealed record PublicBodyFigures(string BodyCode, DateOnly AsOf, string Rounding, IReadOnlyList<PublicYearFigures> Figures);

/// <summary>
/// Each body's figures for everyone, without signing in (the publication pages read them through intake): the very
/// figures of the body's report for that year and as-of date, and nothing of any case.
/// </summary>
public static class PublicFigures
{
    private static readonly TimeZoneInfo Morocco = TimeZoneInfo.FindSystemTimeZoneById(LegalTime.MoroccoZoneId);

    public static WebApplication MapPublicFigures(this WebApplication app)
    {
        app.MapGet("/api/public/bodies/{bodyCode}/figures", async (string bodyCode, string? year, string? asOf, ReportingDbContext db,
                ReportBuilder reports, TimeProvider clock, CancellationToken cancellationToken) =>
            {
                var errors = new Dictionary<string, string[]>();
                var day = LegalTime.LocalDate(clock.GetUtcNow(), Morocco);
                if (asOf is not null && !DateOnly.TryParseExact(asOf, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
                    errors["asOf"] = ["A date YYYY-MM-DD."];
                int? only = null;
                if (year is not null)
                {
                    if (int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 1990 and <= 2100) only = y;
                    else errors["year"] = ["A year from 1990 to 2100."];
                }
                if (errors.Count > 0)
                    return Results.ValidationProblem(errors, statusCode: 400, title: "Some parameters are invalid.");
                // the years with facts, up to the as-of date's
                var years = only is { } one ? [one] : await db.FactYears.AsNoTracking().Where(f => f.Year <= day.Year)
                    .Select(f => f.Year).OrderByDescending(f => f).ToListAsync(cancellationToken);
                var figures = new List<PublicYearFigures>();
                foreach (var y in years)
                {
                    if (await reports.BodyReportAsync(y, day, bodyCode, cancellationToken) is not { } report)
                        return Results.Problem(statusCode: 404, title: "No such body.", detail: $"No body '{bodyCode}' to report on.");
                    var f = report.Figures;
                    if (f.Received > 0 || only is not null)
                        figures.Add(new PublicYearFigures(y, f.Received, f.Answered, f.ResponseRate, f.WorkingDays.Average,
                            f.WorkingDays.Median, f.InTimeRate, f.CalendarDays.Average, f.CalendarDays.Median));
                }
                return Results.Ok(new PublicBodyFigures(bodyCode, day, ReportBuilder.Rounding, figures));
            })
            .AllowAnonymous()
            .WithSummary("A body's figures by year (or ?year=), as of a date (?asOf=, today by default): aggregates only, for everyone.");
        return app;
    }
}
