using System.Globalization;
using System.Text;

namespace Requests.Reporting.Reports;

/// <summary>
/// The report's tables as CSV, the same figures and rounding as the JSON. <c>figures</c> (the default): a row per
/// table and key (the nation, each breakdown's rows, each sector's bodies in rank order); <c>oldest-open</c>,
/// <c>monthly</c> and <c>delays</c>: the tables whose columns are not figures.
/// </summary>
public static class ReportCsv
{
    public static readonly IReadOnlyList<string> Tables = ["figures", "oldest-open", "monthly", "delays"];

    public static string Table(string table, IReadOnlyList<OpenCase> oldest, IReadOnlyList<MonthVolume> monthly,
        IReadOnlyList<DelayBucket> delays)
    {
        var csv = new StringBuilder();
        switch (table)
        {
            case "oldest-open":
                csv.Append("case_id,tracking_number,body_code,received_on,due_on,days_open\n");
                foreach (var c in oldest)
                    Line(csv, c.CaseId, c.TrackingNumber, c.BodyCode, c.ReceivedOn, c.DueOn, c.DaysOpen);
                break;
            case "monthly":
                csv.Append("month,received,answered\n");
                foreach (var m in monthly)
                    Line(csv, m.Month, m.Received, m.Answered);
                break;
            default:
                csv.Append("from_days,to_days,answered\n");
                foreach (var d in delays)
                    Line(csv, d.From, d.To, d.Count);
                break;
        }
        return csv.ToString();
    }

    private static void Line(StringBuilder csv, params object?[] values) =>
        csv.AppendJoin(',', values.Select(v => v is DateOnly d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : Field(v))).Append('\n');

    private const string Header = "table,key,rank,received,answered,response_rate,answered_in_time,in_time_rate,open,open_overdue," +
        "average_days,median_days,p90_days,min_days,max_days,average_working_days,median_working_days,p90_working_days," +
        "min_working_days,max_working_days";

    public static string Write(Synthesis s)
    {
        var csv = Start();
        Row(csv, "national", "all", null, s.National);
        Breakdowns(csv, s.Breakdowns);
        foreach (var sector in s.Sectors)
        {
            foreach (var body in sector.Bodies)
                Row(csv, $"sector:{sector.Sector}", body.Code, body.Rank, body.Figures);
        }
        Row(csv, "previous-year", s.ChangeFromPreviousYear.Year.ToString(CultureInfo.InvariantCulture), null, s.ChangeFromPreviousYear.Figures);
        return csv.ToString();
    }

    public static string Write(BodyReport r)
    {
        var csv = Start();
        Row(csv, "body", r.BodyCode, null, r.Figures);
        Breakdowns(csv, r.Breakdowns);
        foreach (var theme in r.ComplaintsByTheme)
            Row(csv, "complaints-by-theme", theme.Key, null, theme.Figures);
        Row(csv, "previous-year", r.ChangeFromPreviousYear.Year.ToString(CultureInfo.InvariantCulture), null, r.ChangeFromPreviousYear.Figures);
        return csv.ToString();
    }

    private static StringBuilder Start() => new StringBuilder().Append(Header).Append('\n');

    private static void Breakdowns(StringBuilder csv, Breakdowns b)
    {
        (string Table, IReadOnlyList<Breakdown> Rows)[] tables =
        [
            ("regime-and-kind", b.ByRegimeAndKind), ("sector", b.BySector), ("region", b.ByRegion), ("channel", b.ByChannel),
            ("theme", b.ByTheme), ("outcome", b.ByOutcome), ("refusal-ground", b.ByRefusalGround),
            ("urgency", b.ByUrgency), ("extension", b.ByExtension),
        ];
        foreach (var (table, rows) in tables)
        {
            foreach (var row in rows)
                Row(csv, table, row.Key, null, row.Figures);
        }
    }

    private static void Row(StringBuilder csv, string table, string key, int? rank, Figures f)
    {
        object?[] values =
        [
            table, key, rank, f.Received, f.Answered, f.ResponseRate, f.AnsweredInTime, f.InTimeRate, f.Open, f.OpenOverdue,
            f.CalendarDays.Average, f.CalendarDays.Median, f.CalendarDays.Percentile90, f.CalendarDays.Minimum, f.CalendarDays.Maximum,
            f.WorkingDays.Average, f.WorkingDays.Median, f.WorkingDays.Percentile90, f.WorkingDays.Minimum, f.WorkingDays.Maximum,
        ];
        csv.AppendJoin(',', values.Select(Field)).Append('\n');
    }

    // Numbers are written as numbers (a negative one keeps its minus); only text may start a formula in a spreadsheet,
    // so a text cell starting with one of its characters gets a leading quote (OWASP's advice), then RFC 4180 quoting.
    private static string Field(object? value) => value switch
    {
        null => "",
        string s => Text(s),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => Text(value.ToString() ?? ""),
    };

    public static string Text(string s)
    {
        if (s.Length > 0 && s[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
            s = "'" + s;
        return s.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{s.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : s;
    }
}
