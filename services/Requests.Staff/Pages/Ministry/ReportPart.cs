using System.Globalization;
using Requests.Domain.Calendar;
using Requests.Staff.Api;
using Requests.Staff.Workspace;

namespace Requests.Staff.Pages.Ministry;

/// <summary>
/// What the report partial shows: a report (the synthesis or a body's), the directory's names of its bodies, and the
/// query of its downloads.
/// </summary>
public sealed record ReportPart(IReport Report, IReadOnlyDictionary<string, DirectoryBody> Directory, string CsvPath)
{
    /// <summary>Who reads the reports: the ministry and administrators.</summary>
    public const string Readers = "ministry,admin";

    private static readonly TimeZoneInfo Morocco = TimeZoneInfo.FindSystemTimeZoneById(LegalTime.MoroccoZoneId);

    /// <summary>A body by its name in the page's language; reporting's name for a body the directory does not have.</summary>
    public string BodyName(string code, string? name = null) => Directory.TryGetValue(code, out var body)
        ? WorkspaceLanguages.Current == Requests.Notifications.Templates.Language.Arabic ? body.NameAr : body.NameFr
        : name ?? code;

    /// <summary>The link to one of reporting's CSV tables of this report.</summary>
    public string Csv(string table) => $"{CsvPath}&table={table}";

    public static DateOnly Today(TimeProvider clock) => LegalTime.LocalDate(clock.GetUtcNow(), Morocco);

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Reporting's query for an as-of date the user gave (none: today).</summary>
    public static string AsOfQuery(string? asOf) => string.IsNullOrWhiteSpace(asOf) ? "" : "?asOf=" + Uri.EscapeDataString(asOf.Trim());

    /// <summary>
    /// Reads a report and the directory's names of its bodies together; <paramref name="csv"/> is the query of its
    /// downloads, given the as-of date reporting answered. Null and the problem when reporting refuses.
    /// </summary>
    public static async Task<(ReportPart? Part, ApiProblem? Problem)> ReadAsync<T>(ServiceApi api, string reportPath,
        string directoryPath, Func<string, string> csv, CancellationToken cancellationToken) where T : IReport
    {
        var directory = DirectoryAsync(api, directoryPath, cancellationToken);
        var answer = await api.GetAsync<T>(Service.Reporting, reportPath, cancellationToken);
        var names = await directory;
        return answer.Value is { } report ? (new ReportPart(report, names, csv(Iso(report.AsOf))), null) : (null, answer.Problem);
    }

    public static async Task<IReadOnlyDictionary<string, DirectoryBody>> DirectoryAsync(ServiceApi api, string path,
        CancellationToken cancellationToken)
    {
        // the names are a nicety: without the directory the report still shows reporting's names
        if (path.EndsWith("/bodies", StringComparison.Ordinal))
        {
            var all = await api.GetAsync<List<DirectoryBody>>(Service.Routing, path, cancellationToken);
            return (all.Value ?? []).ToDictionary(b => b.Code, StringComparer.Ordinal);
        }
        var one = await api.GetAsync<DirectoryBody>(Service.Routing, path, cancellationToken);
        return one.Value is { } body ? new Dictionary<string, DirectoryBody> { [body.Code] = body } : new Dictionary<string, DirectoryBody>();
    }
}
