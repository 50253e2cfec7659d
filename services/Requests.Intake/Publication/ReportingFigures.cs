using System.Globalization;

namespace Requests.Intake.Publication;

/// <summary>What reporting answers for a body's public figures.</summary>
public sealed record FiguresAnswer(string BodyCode, DateOnly AsOf, IReadOnlyList<BodyFigures> Figures);

/// <summary>
/// A body's figures by year, from the reporting service (<c>Services:Reporting</c>), which computes them from its facts:
/// intake publishes them as reporting gives them, aggregates only. Null when reporting cannot be reached.
/// </summary>
public sealed class ReportingFigures(HttpClient http, ILogger<ReportingFigures> logger)
{
    public async Task<(FiguresAnswer? Answer, int Status)> GetAsync(string bodyCode, int? year, DateOnly? asOf, CancellationToken cancellationToken)
    {
        if (http.BaseAddress is null)
            return (null, 503);
        var query = new List<string>();
        if (year is { } y) query.Add($"year={y.ToString(CultureInfo.InvariantCulture)}");
        if (asOf is { } d) query.Add($"asOf={d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
        var path = $"api/public/bodies/{Uri.EscapeDataString(bodyCode)}/figures" + (query.Count > 0 ? "?" + string.Join('&', query) : "");
        try
        {
            using var response = await http.GetAsync(path, cancellationToken);
            if (!response.IsSuccessStatusCode)
                return (null, (int)response.StatusCode);
            return (await response.Content.ReadFromJsonAsync<FiguresAnswer>(cancellationToken), 200);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(ex, "Reporting's figures for {Body} could not be read", bodyCode);
            return (null, 503);
        }
    }
}
