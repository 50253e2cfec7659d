using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Requests.Staff.Api;

namespace Requests.Staff.Pages.Ministry;

/// <summary>What the synthesis and a body's report pages share: the as-of date, the report read, or reporting's refusal.</summary>
public abstract class ReportPageModel : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? AsOf { get; set; }

    public ReportPart? Part { get; protected set; }

    public ApiProblem? Problem { get; protected set; }

    /// <summary>The page for what was read: not found, the refusal with its status, or the report as of its date.</summary>
    protected IActionResult Answer()
    {
        if (Problem?.Status == 404)
            return NotFound();
        if (Problem is not null)
            Response.StatusCode = Problem.Status;
        if (Part is not null)
            AsOf = ReportPart.Iso(Part.Report.AsOf);
        return Page();
    }
}
