using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Requests.Staff.Api;

namespace Requests.Staff.Pages;

/// <summary>The letters to print and post for the caller's bodies (requesters without an e-mail address), one letter laid
/// out for printing, and marking a letter posted.</summary>
public sealed class LettersModel(ServiceApi api) : PageModel
{
    public IReadOnlyList<PostalLetter> Waiting { get; private set; } = [];

    public int Total { get; private set; }

    /// <summary>The letter to print, when the page is <c>/letters/{id}</c>.</summary>
    public PostalLetter? Letter { get; private set; }

    public BodyChoice? From { get; private set; }

    /// <summary>The tracking number of the letter just marked posted.</summary>
    [TempData]
    public string? Posted { get; set; }

    public ApiProblem? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(long? id, CancellationToken cancellationToken)
    {
        var waiting = await api.GetAsync<LetterPage>(Service.Routing, "/api/notifications?status=postal&limit=500", cancellationToken);
        if (waiting.Value is null)
            return StatusCode(waiting.Status == 200 ? 503 : waiting.Status);
        (Waiting, Total) = (waiting.Value.Items, waiting.Value.Total);
        if (id is null)
            return Page();

        Letter = Waiting.FirstOrDefault(l => l.Notification.Id == id);
        if (Letter is null)
            return NotFound();
        From = (await api.GetAsync<BodyChoice>(Service.Routing, $"/api/directory/bodies/{Letter.BodyCode}", cancellationToken)).Value;
        return Page();
    }

    // the address of a refused posting, reloaded (after a change of language)
    public Task<IActionResult> OnGetPostedAsync(long? id, CancellationToken cancellationToken) => OnGetAsync(id, cancellationToken);

    public async Task<IActionResult> OnPostPostedAsync(long? id, long letter, CancellationToken cancellationToken)
    {
        var result = await api.SendAsync<PostalLetter>(Service.Routing, HttpMethod.Post, $"/api/notifications/{letter}/posted", null,
            cancellationToken);
        if (result.Value is { } posted)
        {
            Posted = posted.TrackingNumber;
            return RedirectToPage(new { id = (long?)null });
        }
        if (result.Status is 404 or 401 or 403 or >= 500)
            return StatusCode(result.Status);
        Problem = result.Problem;
        Response.StatusCode = result.Status;
        var page = await OnGetAsync(null, cancellationToken);
        Response.StatusCode = result.Status;
        return page;
    }
}
