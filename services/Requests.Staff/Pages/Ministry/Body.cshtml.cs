using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Requests.Staff.Api;

namespace Requests.Staff.Pages.Ministry;

/// <summary>One body's report of a year as of a date: the synthesis' figures for its cases, its complaints by theme.</summary>
[Authorize(Roles = ReportPart.Readers)]
public sealed class BodyModel(ServiceApi api) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public string Code { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? AsOf { get; set; }

    public ReportPart? Part { get; private set; }

    public BodyReport? Report => Part?.Report as BodyReport;

    public ApiProblem? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var code = Uri.EscapeDataString(Code);
        var directory = ReportPart.DirectoryAsync(api, $"/api/directory/bodies/{code}", cancellationToken);
        var reading = api.GetAsync<BodyReport>(Service.Reporting, $"/api/reports/{Year}/bodies/{code}{ReportPart.AsOfQuery(AsOf)}", cancellationToken);
        var (answer, names) = (await reading, await directory);
        if (answer.Status == 404)
            return NotFound();
        if (answer.Value is not { } report)
        {
            Problem = answer.Problem;
            Response.StatusCode = answer.Status;
            return Page();
        }
        AsOf = ReportPart.Iso(report.AsOf);
        Part = new ReportPart(report, names, $"/ministry/{Year}/csv?body={code}&asOf={AsOf}");
        return Page();
    }
}
