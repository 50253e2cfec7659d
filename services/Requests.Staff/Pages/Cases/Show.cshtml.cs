using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Requests.Staff.Api;
using Requests.Staff.Workspace;

namespace Requests.Staff.Pages.Cases;

/// <summary>What a move's form carries; each move reads its own fields.</summary>
public sealed class MoveFields
{
    public string? Question { get; set; }
    public string? Answer { get; set; }
    public string? Reasons { get; set; }
    public string? Outcome { get; set; }
    public string? RefusalGround { get; set; }
    public string? Text { get; set; }
    public string? BodyCode { get; set; }
    public string? Reason { get; set; }
    public string? OfficerId { get; set; }
    public bool Confirm { get; set; }
}

/// <summary>A case as staff see it, with a form for each move routing allows now. A move posts here, goes to routing,
/// and comes back to the case with a banner; a refusal re-renders the page with each message beside its field.</summary>
public sealed class ShowModel(ServiceApi api) : PageModel
{
    /// <summary>The moves that cannot be undone: the form asks to confirm the consequence.</summary>
    public static readonly string[] Irreversible = ["answer", "answer-recourse", "redirect", "close"];

    private static readonly string[] Moves =
        ["accept", "ask-clarification", "receive-clarification", "extend", "answer", "redirect", "close", "reassign", "answer-recourse"];

    public CaseDetail Case { get; private set; } = null!;

    public IReadOnlyList<BodyChoice> Bodies { get; private set; } = [];

    [BindProperty]
    public MoveFields Move { get; set; } = new();

    /// <summary>The move just made, for the banner after the redirect.</summary>
    [TempData]
    public string? Done { get; set; }

    /// <summary>The move refused, its problem, and the messages by field id (<c>extend-reasons</c>).</summary>
    public string? Failed { get; private set; }

    public ApiProblem? Problem { get; private set; }

    public Dictionary<string, List<string>> Errors { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<string> General { get; private set; } = [];

    public BodyChoice? Body(string code) => Bodies.FirstOrDefault(b => b.Code == code);

    public IReadOnlyList<string> ErrorsFor(string id) => Errors.TryGetValue(id, out var messages) ? messages : [];

    public async Task<IActionResult> OnGetAsync(Guid caseId, CancellationToken cancellationToken) =>
        await LoadAsync(caseId, cancellationToken) ?? Page();

    // the address of a refused move, reloaded (after a change of language): the case as it is
    public Task<IActionResult> OnGetMoveAsync(Guid caseId, CancellationToken cancellationToken) => OnGetAsync(caseId, cancellationToken);

    public async Task<IActionResult> OnPostMoveAsync(Guid caseId, string move, CancellationToken cancellationToken)
    {
        var action = move;
        if (!Moves.Contains(action))
            return NotFound();
        Failed = action;
        if (Irreversible.Contains(action) && !Move.Confirm)
        {
            Errors[$"{action}-confirm"] = ["Cochez la case pour confirmer : cette action ne peut pas être annulée."];
            Response.StatusCode = 422;
            return await LoadAsync(caseId, cancellationToken) ?? Page();
        }

        var result = await api.SendAsync<object>(Service.Routing, HttpMethod.Post, $"/api/cases/{caseId}/{action}", BodyOf(action),
            cancellationToken);
        if (result.Succeeded)
        {
            Done = action;
            return RedirectToPage(new { caseId });
        }
        if (result.Status is 404 or 401 or 403 or >= 500)
            return StatusCode(result.Status);

        Problem = result.Problem!;
        foreach (var (key, messages) in Problem.Errors)
            foreach (var message in messages)
                Add(action, Show.Refusal(key, message));
        if (Problem.Errors.Count == 0 && Problem.Status != 409)
            Add(action, Show.Refusal(null, Problem.Detail ?? Problem.Title ?? ""));
        Response.StatusCode = Problem.Status;
        return await LoadAsync(caseId, cancellationToken) ?? Page();
    }

    private void Add(string action, (string? Field, string Message) refusal)
    {
        if (refusal.Field is null)
        {
            General = [.. General, refusal.Message];
            return;
        }
        var id = $"{action}-{refusal.Field}";
        if (!Errors.TryGetValue(id, out var messages))
            Errors[id] = messages = [];
        messages.Add(refusal.Message);
    }

    private object BodyOf(string action) => action switch
    {
        "ask-clarification" => new { question = Move.Question },
        "receive-clarification" => new { answer = Move.Answer },
        "extend" => new { reasons = Move.Reasons },
        "answer" or "answer-recourse" => new { outcome = Move.Outcome, refusalGround = Move.RefusalGround, text = Move.Text },
        "redirect" => new { bodyCode = Move.BodyCode, reasons = Move.Reasons },
        "close" => new { reason = Move.Reason },
        "reassign" => new { officerId = Move.OfficerId },
        _ => new { },
    };

    /// <summary>The case and the directory; a result when the case is not there for this user.</summary>
    private async Task<IActionResult?> LoadAsync(Guid caseId, CancellationToken cancellationToken)
    {
        var found = await api.GetAsync<CaseDetail>(Service.Routing, $"/api/cases/{caseId}", cancellationToken);
        if (found.Value is null)
            return found.Status == 404 ? NotFound() : StatusCode(found.Status == 200 ? 503 : found.Status);
        Case = found.Value;
        Bodies = (await api.GetAsync<List<BodyChoice>>(Service.Routing, "/api/directory/bodies", cancellationToken)).Value ?? [];
        return null;
    }
}
