using System.Net.Http.Headers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Requests.Staff.Api;

namespace Requests.Staff.Pages.Ministry;

/// <summary>
/// A report's table as reporting writes it in CSV (the synthesis', or a body's with <c>?body=</c>), streamed through
/// as a file to save: <c>?table=</c> figures, oldest-open, monthly or delays; <c>?asOf=</c> today by default.
/// </summary>
[Authorize(Roles = ReportPart.Readers)]
public sealed class CsvModel(ServiceApi api, TimeProvider clock) : PageModel
{
    private static readonly string[] Tables = ["figures", "oldest-open", "monthly", "delays"];

    public async Task<IActionResult> OnGetAsync(int year, string? body, string? asOf, string? table, CancellationToken cancellationToken)
    {
        table = string.IsNullOrEmpty(table) ? "figures" : table;
        if (!Tables.Contains(table) || (body is not null && body.Any(c => !char.IsAsciiLetterOrDigit(c) && c != '-' && c != '_')))
            return NotFound();
        var path = body is null ? $"/api/reports/{year}/synthesis" : $"/api/reports/{year}/bodies/{body}";
        asOf = string.IsNullOrWhiteSpace(asOf) ? ReportPart.Iso(ReportPart.Today(clock)) : asOf.Trim();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{path}?asOf={Uri.EscapeDataString(asOf)}&table={table}");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        HttpResponseMessage response;
        try
        {
            response = await api.RawAsync(Service.Reporting, request, cancellationToken);
        }
        catch (HttpRequestException)
        {
            return StatusCode(503);
        }
        HttpContext.Response.RegisterForDispose(response);
        if (!response.IsSuccessStatusCode)
            return StatusCode((int)response.StatusCode);
        // e.g. synthese-2026-figures-au-2026-12-07.csv, ANCFCC-2026-monthly-au-2026-12-07.csv
        var name = $"{body ?? "synthese"}-{year}-{table}-au-{asOf}.csv";
        return File(await response.Content.ReadAsStreamAsync(cancellationToken), "text/csv; charset=utf-8", name);
    }
}
