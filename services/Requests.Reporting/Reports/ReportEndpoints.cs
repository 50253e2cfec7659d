using System.Globalization;
using System.Security.Claims;
using Requests.Domain.Calendar;
using Requests.ServiceDefaults.Auth;

namespace Requests.Reporting.Reports;

public static class ReportEndpoints
{
    private static readonly TimeZoneInfo Morocco = TimeZoneInfo.FindSystemTimeZoneById(LegalTime.MoroccoZoneId);

    /// <summary>
    /// The national synthesis (ministry and administrators) and each body's report (also its own officers and head),
    /// as JSON, or CSV with <c>Accept: text/csv</c> (<c>?table=</c> picks one of <see cref="ReportCsv.Tables"/>);
    /// <c>?asOf=YYYY-MM-DD</c>, today by default.
    /// </summary>
    public static WebApplication MapReports(this WebApplication app)
    {
        app.MapGet("/api/reports/{year:int}/synthesis", async (int year, string? asOf, string? table, HttpContext http,
                ReportBuilder reports, TimeProvider clock, CancellationToken cancellationToken) =>
            {
                if (Problem(year, asOf, table) is { } problem)
                    return problem;
                var s = await reports.SynthesisAsync(year, AsOf(asOf, clock), cancellationToken);
                if (!WantsCsv(http))
                    return Results.Ok(s);
                return table is null or "figures"
                    ? Csv(ReportCsv.Write(s), $"synthesis-{year}.csv")
                    : Csv(ReportCsv.Table(table, s.OldestOpen, s.Monthly, s.DelayDistribution), $"synthesis-{year}-{table}.csv");
            })
            .RequireAuthorization(StaffPolicies.Oversight);

        app.MapGet("/api/reports/{year:int}/bodies/{bodyCode}", async (int year, string bodyCode, string? asOf, string? table,
                HttpContext http, ReportBuilder reports, TimeProvider clock, CancellationToken cancellationToken) =>
            {
                if (Problem(year, asOf, table) is { } problem)
                    return problem;
                // another body's report answers as if that body did not exist
                if (!MayRead(http.User, bodyCode))
                    return NoSuchBody(bodyCode);
                var report = await reports.BodyReportAsync(year, AsOf(asOf, clock), bodyCode, cancellationToken);
                if (report is null)
                    return NoSuchBody(bodyCode);
                if (!WantsCsv(http))
                    return Results.Ok(report);
                return table is null or "figures"
                    ? Csv(ReportCsv.Write(report), $"{bodyCode}-{year}.csv")
                    : Csv(ReportCsv.Table(table, report.OldestOpen, report.Monthly, report.DelayDistribution), $"{bodyCode}-{year}-{table}.csv");
            })
            .RequireAuthorization(StaffPolicies.Staff);

        app.MapGet("/reports/{year:int}", async (int year, string? asOf, ReportBuilder reports, TimeProvider clock,
                CancellationToken cancellationToken) =>
            {
                if (Problem(year, asOf, null) is { } problem)
                    return problem;
                var synthesis = await reports.SynthesisAsync(year, AsOf(asOf, clock), cancellationToken);
                return Results.Content(ReportPage.Render(synthesis), "text/html; charset=utf-8");
            })
            .RequireAuthorization(StaffPolicies.Oversight);

        app.MapGet("/reports/assets/{file}", (string file) =>
            {
                var path = file is "chart.umd.min.js" or "report.js" or "report.css"
                    ? Path.Combine(AppContext.BaseDirectory, "Assets", file)
                    : null;
                if (path is null || !File.Exists(path))
                    return Results.Problem(statusCode: 404, title: "No such file.");
                return Results.File(path, file.EndsWith(".css", StringComparison.Ordinal) ? "text/css" : "text/javascript");
            });
        return app;
    }

    private static bool MayRead(ClaimsPrincipal user, string bodyCode) =>
        user.SeesAllBodies() || user.Bodies().Contains(bodyCode, StringComparer.Ordinal);

    private static IResult NoSuchBody(string bodyCode) =>
        Results.Problem(statusCode: 404, title: "No such body.", detail: $"No body '{bodyCode}' to report on.");

    private static IResult? Problem(int year, string? asOf, string? table)
    {
        if (table is not null && !ReportCsv.Tables.Contains(table))
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["table"] = [$"One of {string.Join(", ", ReportCsv.Tables)}."] },
                statusCode: 400, title: "No such table.");
        }
        if (year is < 1990 or > 2100)
            return Results.Problem(statusCode: 404, title: "No such year.", detail: $"Reports cover 1990 to 2100, not {year}.");
        if (asOf is not null && !DateOnly.TryParseExact(asOf, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["asOf"] = ["A date YYYY-MM-DD."] },
                statusCode: 400, title: "asOf is not a date.");
        }
        return null;
    }

    private static DateOnly AsOf(string? asOf, TimeProvider clock) => asOf is null
        ? LegalTime.LocalDate(clock.GetUtcNow(), Morocco)
        : DateOnly.ParseExact(asOf, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static bool WantsCsv(HttpContext http) =>
        http.Request.Headers.Accept.Any(a => a?.Contains("text/csv", StringComparison.OrdinalIgnoreCase) == true);

    private static IResult Csv(string csv, string fileName) =>
        Results.File(System.Text.Encoding.UTF8.GetBytes(csv), "text/csv; charset=utf-8", fileName);
}
