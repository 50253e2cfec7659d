using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Requests.Reporting.Reports;

/// <summary>
/// The synthesis as a printable HTML page: its tables written here, its charts drawn in the browser by Chart.js from
/// the same figures embedded in the page. Every script and style comes from this service (no CDN).
/// </summary>
public static class ReportPage
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Render(Synthesis s)
    {
        var html = new StringBuilder();
        var title = $"Synthèse nationale {s.Year}";
        html.Append(CultureInfo.InvariantCulture, $"""
            <!doctype html>
            <html lang="fr"><head><meta charset="utf-8"><title>{title}</title>
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <link rel="stylesheet" href="/reports/assets/report.css">
            </head><body>
            <h1>{title}</h1>
            <p class="meta">Arrêtée au {s.AsOf:yyyy-MM-dd}. {Encode(s.Rounding)}</p>
            <section class="summary">
            """);
        var n = s.National;
        Summary(html, "Reçues", n.Received.ToString(CultureInfo.InvariantCulture));
        Summary(html, "Répondues", n.Answered.ToString(CultureInfo.InvariantCulture));
        Summary(html, "Taux de réponse", Percent(n.ResponseRate));
        Summary(html, "Délai moyen", Days(n.CalendarDays.Average));
        Summary(html, "Délai médian", Days(n.CalendarDays.Median));
        Summary(html, "Dans les délais", Percent(n.InTimeRate));
        Summary(html, "En retard (ouvertes)", n.OpenOverdue.ToString(CultureInfo.InvariantCulture));
        html.Append("</section>\n<section class=\"charts\">\n");
        foreach (var (id, caption) in new[]
        {
            ("chart-sector-rate", "Taux de réponse par secteur (%)"), ("chart-sector-delay", "Délai moyen par secteur (jours)"),
            ("chart-monthly", "Volumes mensuels"), ("chart-delays", "Répartition des délais (jours)"),
        })
            html.Append(CultureInfo.InvariantCulture, $"<figure><canvas id=\"{id}\" aria-label=\"{caption}\"></canvas><figcaption>{caption}</figcaption></figure>\n");
        html.Append("</section>\n");
        Table(html, "Par régime et type", s.Breakdowns.ByRegimeAndKind);
        Table(html, "Par secteur", s.Breakdowns.BySector);
        Table(html, "Par région", s.Breakdowns.ByRegion);
        Table(html, "Par canal", s.Breakdowns.ByChannel);
        Table(html, "Réclamations par thème", s.Breakdowns.ByTheme);
        Table(html, "Par issue", s.Breakdowns.ByOutcome);
        Table(html, "Par motif de refus", s.Breakdowns.ByRefusalGround);
        foreach (var sector in s.Sectors)
            Table(html, $"Classement : {sector.Sector}", [.. sector.Bodies.Select(b => new Breakdown($"{b.Rank}. {b.Code} {b.Name}", b.Figures))]);
        html.Append("<h2>Les dix plus anciennes demandes ouvertes</h2>\n<table><thead><tr><th>Dossier</th><th>Organisme</th><th>Reçue</th><th>Échéance</th><th>Jours</th></tr></thead><tbody>\n");
        foreach (var c in s.OldestOpen)
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{Encode(c.TrackingNumber ?? c.CaseId)}</td><td>{Encode(c.BodyCode)}</td><td>{c.ReceivedOn:yyyy-MM-dd}</td><td>{c.DueOn:yyyy-MM-dd}</td><td>{c.DaysOpen}</td></tr>\n");
        html.Append("</tbody></table>\n");
        var change = s.ChangeFromPreviousYear;
        html.Append(CultureInfo.InvariantCulture,
            $"<p class=\"change\">Par rapport à {change.Year} (au {change.AsOf:yyyy-MM-dd}) : {change.Received:+#;-#;0} demandes, taux de réponse {Signed(change.ResponseRatePoints)} points, délai moyen {Signed(change.AverageDelayDays)} jours.</p>\n");
        html.Append("<script type=\"application/json\" id=\"report-data\">")
            .Append(JsonSerializer.Serialize(s, Json))
            .Append("</script>\n<script src=\"/reports/assets/chart.umd.min.js\"></script>\n<script src=\"/reports/assets/report.js\"></script>\n</body></html>\n");
        return html.ToString();
    }

    private static void Summary(StringBuilder html, string label, string value) =>
        html.Append(CultureInfo.InvariantCulture, $"<div><span>{label}</span><strong>{Encode(value)}</strong></div>\n");

    private static void Table(StringBuilder html, string caption, IReadOnlyList<Breakdown> rows)
    {
        if (rows.Count == 0)
            return;
        html.Append(CultureInfo.InvariantCulture, $"<h2>{Encode(caption)}</h2>\n<table><thead><tr><th></th><th>Reçues</th><th>Répondues</th><th>Taux</th><th>Dans les délais</th><th>Moyen</th><th>Médian</th><th>P90</th><th>Min</th><th>Max</th><th>Moyen (ouvrables)</th><th>En retard</th></tr></thead><tbody>\n");
        foreach (var row in rows)
        {
            var f = row.Figures;
            var d = f.CalendarDays;
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><th>{Encode(row.Key)}</th><td>{f.Received}</td><td>{f.Answered}</td><td>{Percent(f.ResponseRate)}</td><td>{Percent(f.InTimeRate)}</td><td>{Days(d.Average)}</td><td>{Days(d.Median)}</td><td>{d.Percentile90}</td><td>{d.Minimum}</td><td>{d.Maximum}</td><td>{Days(f.WorkingDays.Average)}</td><td>{f.OpenOverdue}</td></tr>\n");
        }
        html.Append("</tbody></table>\n");
    }

    private static string Percent(decimal? value) => value is { } v ? v.ToString("0.0", CultureInfo.InvariantCulture) + " %" : "–";

    private static string Days(decimal? value) => value is { } v ? v.ToString("0.0", CultureInfo.InvariantCulture) : "–";

    private static string Signed(decimal? value) => value is { } v ? v.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) : "–";

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
