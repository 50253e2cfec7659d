using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Requests.Staff.Api;

namespace Requests.Staff.Pages.Ministry;

/// <summary>One body's report of a year as of a date: the synthesis' figures for its cases, its complaints by theme.</summary>
[Authorize(Roles = ReportPart.Readers)]
public sealed class BodyModel(ServiceApi api) : ReportPageModel
{
    [BindProperty(SupportsGet = true)]
    public int Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public string Code { get; set; } = "";

    public BodyReport? Report => Part?.Report as BodyReport;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var code = Uri.EscapeDataString(Code);
        (Part, Problem) = await ReportPart.ReadAsync<BodyReport>(api, $"/api/reports/{Year}/bodies/{code}{ReportPart.AsOfQuery(AsOf)}",
            $"/api/directory/bodies/{code}", asOf => $"/ministry/{Year}/csv?body={code}&asOf={asOf}", cancellationToken);
        return Answer();
    }
}
