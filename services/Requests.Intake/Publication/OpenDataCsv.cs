using System.Globalization;
using System.Text;

namespace Requests.Intake.Publication;

/// <summary>
/// The search's results as CSV (RFC 4180, UTF-8): a text cell that a spreadsheet would read as a formula gets a leading
/// quote, as in reporting's CSV.
/// </summary>
public static class OpenDataCsv
{
    public const string Header = "kind,id,bodyCode,bodyNameFr,bodyNameAr,sector,category,title,summary,outcome,ground,date,filedOn,delayWorkingDays,link,url";

    public static void Line(StringBuilder csv, PublishedItem p, string? nameFr, string? nameAr)
    {
        object?[] values = [p.Kind, p.Id.ToString(), p.BodyCode, nameFr, nameAr, p.Sector, p.Category, p.Title, p.Summary, p.Outcome,
            p.Ground, p.Date, p.FiledOn, p.DelayWorkingDays, p.Link, $"/api/public/items/{p.Kind}/{p.Id}"];
        csv.AppendJoin(',', values.Select(Field)).Append('\n');
    }

    private static string Field(object? value) => value switch
    {
        null => "",
        string s => Text(s),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
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
