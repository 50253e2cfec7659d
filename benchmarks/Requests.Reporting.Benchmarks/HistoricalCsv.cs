using System.Globalization;
using System.Text;

namespace Requests.Reporting.Benchmarks;

/// <summary>
/// Writes a year of synthetic historical cases in the import's format: 200 bodies in four sectors and twelve regions,
/// both regimes, every channel, about 85% answered (some after the year's end), refusals with grounds, extensions.
/// The same seed gives the same file.
/// </summary>
public static class HistoricalCsv
{
    private static readonly string[] Sectors = ["ministry", "public-establishment", "territorial-collectivity", "other"];
    private static readonly string[] Channels = ["portal", "email", "post", "counter", "phone"];
    private static readonly string[] Themes = ["water", "roads", "health", "education", "taxes", "permits", "transport", "waste"];
    private static readonly string[] Grounds = ["private-life", "national-defence", "already-published", "in-preparation", "unclear-request"];

    public static void Write(string path, int year, int cases, int seed = 31_13)
    {
        var random = new Random(seed);
        var start = new DateOnly(year, 1, 1);
        var days = DateTime.IsLeapYear(year) ? 366 : 365;
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        writer.Write("case_id,regime,kind,body_code,body_name,sector,region,channel,theme,urgent,received_on,due_on,answered_on,outcome,refusal_ground,extended\n");
        var line = new StringBuilder(200);
        for (var i = 0; i < cases; i++)
        {
            var body = random.Next(200);
            var information = random.Next(100) < 70;
            var received = start.AddDays(random.Next(days));
            var extended = information && random.Next(100) < 10;
            var due = received.AddDays(information ? (extended ? 56 : 28) : 60);
            string answered = "", outcome = "", ground = "";
            if (random.Next(100) < 85)
            {
                answered = Date(received.AddDays(Math.Min(random.Next(90) + random.Next(30), 200)));
                outcome = information
                    ? random.Next(10) switch { < 6 => "granted", 6 => "partially-granted", 7 => "not-held", 8 => "redirected", _ => "refused" }
                    : random.Next(4) switch { 0 => "founded", 1 => "unfounded", 2 => "not-admissible", _ => "redirected" };
                if (outcome == "refused")
                    ground = Grounds[random.Next(Grounds.Length)];
            }
            line.Clear()
                .Append(CaseId(year, i)).Append(',')
                .Append(information ? "information,request," : $"complaint,{(random.Next(10) < 8 ? "complaint" : random.Next(2) == 0 ? "observation" : "suggestion")},")
                .Append(CultureInfo.InvariantCulture, $"B{body:000},Body {body},{Sectors[body % 4]},Region {body % 12},")
                .Append(Channels[random.Next(Channels.Length)]).Append(',')
                .Append(information ? "" : Themes[random.Next(Themes.Length)]).Append(',')
                .Append(random.Next(100) < 3 ? "true," : "false,")
                .Append(Date(received)).Append(',').Append(Date(due)).Append(',').Append(answered).Append(',')
                .Append(outcome).Append(',').Append(ground).Append(',').Append(extended ? "true" : "false").Append('\n');
            writer.Write(line);
        }
    }

    /// <summary>A GUID as routing gives cases, so that the events of the live year can name imported cases too.</summary>
    public static string CaseId(int year, int i) => new Guid(i, (short)year, 0, 0, 0, 0, 0, 0, 0, 0, 0).ToString();

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
