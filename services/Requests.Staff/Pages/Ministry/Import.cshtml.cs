using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Requests.Staff.Api;

namespace Requests.Staff.Pages.Ministry;

/// <summary>
/// Imports a historical CSV file into reporting, all or nothing: the file the browser sends (kept on disk by the form
/// reader past a small size) is streamed on to reporting's <c>POST /api/import</c>; every bad line it names is shown.
/// </summary>
[Authorize(Roles = ReportPart.Readers)]
[RequestSizeLimit(MaxBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxBytes)]
public sealed class ImportModel(ServiceApi api) : PageModel
{
    private const long MaxBytes = 256L << 20; // reporting's Reporting:Import:MaxBytes

    [BindProperty(Name = "file")]
    public IFormFile? Upload { get; set; }

    public ApiProblem? Problem { get; private set; }

    /// <summary>The bad lines reporting named: each line's number and what is wrong with it.</summary>
    public IReadOnlyList<(long Line, string Message)> BadLines { get; private set; } = [];

    public bool NoFile { get; private set; }

    /// <summary>After an import: rows read, cases added, and the years they fall in.</summary>
    public ImportResult? Imported { get; private set; }

    public void OnGet()
    {
        if (TempData["Imported"] is string imported && imported.Split('|') is [var rows, var added, var years])
        {
            Imported = new ImportResult(long.Parse(rows, CultureInfo.InvariantCulture), long.Parse(added, CultureInfo.InvariantCulture),
                [.. years.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(y => int.Parse(y, CultureInfo.InvariantCulture))]);
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Upload is not { Length: > 0 })
        {
            NoFile = true;
            Response.StatusCode = 422;
            return Page();
        }
        await using var file = Upload.OpenReadStream();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/import") { Content = new StreamContent(file) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("text/csv") { CharSet = "utf-8" };
        var answer = await api.SendAsync<ImportResult>(Service.Reporting, request, cancellationToken);
        if (answer.Value is { } result)
        {
            TempData["Imported"] = string.Create(CultureInfo.InvariantCulture, $"{result.Rows}|{result.Added}|{string.Join(',', result.Years)}");
            return RedirectToPage();
        }
        Problem = answer.Problem;
        BadLines = [.. Problem!.Errors
            .Select(e => (Line: long.TryParse(e.Key, CultureInfo.InvariantCulture, out var line) ? line : 0, Message: string.Join(" ", e.Value)))
            .Where(e => e.Line > 0)
            .OrderBy(e => e.Line)];
        Response.StatusCode = Problem.Status;
        return Page();
    }
}
