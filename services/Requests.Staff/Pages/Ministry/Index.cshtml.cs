using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Requests.Staff.Api;

namespace Requests.Staff.Pages.Ministry;

/// <summary>The national synthesis of a year as of a date: reporting's figures, breakdowns, rankings and charts.</summary>
[Authorize(Roles = ReportPart.Readers)]
public sealed class IndexModel(ServiceApi api, TimeProvider clock) : ReportPageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public Synthesis? Synthesis => Part?.Report as Synthesis;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Year ??= ReportPart.Today(clock).Year;
        (Part, Problem) = await ReportPart.ReadAsync<Synthesis>(api, $"/api/reports/{Year}/synthesis{ReportPart.AsOfQuery(AsOf)}",
            "/api/directory/bodies", asOf => $"/ministry/{Year}/csv?asOf={asOf}", cancellationToken);
        return Answer();
    }
}
