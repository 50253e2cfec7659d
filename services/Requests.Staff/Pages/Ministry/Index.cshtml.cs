using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Requests.Staff.Api;

namespace Requests.Staff.Pages.Ministry;

/// <summary>The national synthesis of a year as of a date: reporting's figures, breakdowns, rankings and charts.</summary>
[Authorize(Roles = ReportPart.Readers)]
public sealed class IndexModel(ServiceApi api, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? AsOf { get; set; }

    public ReportPart? Part { get; private set; }

    public Synthesis? Synthesis => Part?.Report as Synthesis;

    public ApiProblem? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Year ??= ReportPart.Today(clock).Year;
        var directory = ReportPart.DirectoryAsync(api, "/api/directory/bodies", cancellationToken);
        var report = api.GetAsync<Synthesis>(Service.Reporting, $"/api/reports/{Year}/synthesis{ReportPart.AsOfQuery(AsOf)}", cancellationToken);
        var (answer, names) = (await report, await directory);
        if (answer.Status == 404)
            return NotFound();
        if (answer.Value is not { } synthesis)
        {
            Problem = answer.Problem;
            Response.StatusCode = answer.Status;
            return Page();
        }
        AsOf = ReportPart.Iso(synthesis.AsOf);
        Part = new ReportPart(synthesis, names, $"/ministry/{Year}/csv?asOf={AsOf}");
        return Page();
    }
}
