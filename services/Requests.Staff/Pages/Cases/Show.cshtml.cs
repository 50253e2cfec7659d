using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
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

    /// <summary>The day a clarification's answer reached the body (a paper answer is recorded later); today when left out.</summary>
    public DateOnly? ReceivedOn { get; set; }
    public bool Confirm { get; set; }
}

/// <summary>A case as staff see it, with a form for each move routing allows now. A move posts here, goes to routing,
/// and comes back to the case with a banner; a refusal re-renders the page with each message beside its field.
/// A move that sends documents posts them with its form: each file goes on to intake as it arrives (a draft of the
/// case), then the move names the drafts; when intake refuses a file or routing the move, the drafts are withdrawn.</summary>
[IgnoreAntiforgeryToken(Order = 1001)]
[StreamedForms]
public sealed partial class ShowModel(ServiceApi api, IConfiguration configuration, TimeProvider clock) : PageModel
{
    /// <summary>The moves whose form carries files.</summary>
    public static readonly string[] WithDocuments = ["ask-clarification", "receive-clarification", "answer", "answer-recourse"];

    /// <summary>The moves that cannot be undone: the form asks to confirm the consequence.</summary>
    public static readonly string[] Irreversible = ["answer", "answer-recourse", "redirect", "close"];

    private static readonly string[] Moves =
        ["accept", "ask-clarification", "receive-clarification", "extend", "answer", "redirect", "close", "reassign", "answer-recourse"];

    public CaseDetail Case { get; private set; } = null!;

    /// <summary>Today in Morocco: the latest day a clarification's answer can have been received.</summary>
    public DateOnly Today => Ministry.ReportPart.Today(clock);

    /// <summary>A date as a date field takes it.</summary>
    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public IReadOnlyList<BodyChoice> Bodies { get; private set; } = [];

    public MoveFields Move { get; set; } = new();

    /// <summary>The move just made, for the banner after the redirect.</summary>
    [TempData]
    public string? Done { get; set; }

    /// <summary>The move refused, its problem, and the messages by field id (<c>extend-reasons</c>).</summary>
    public string? Failed { get; private set; }

    public ApiProblem? Problem { get; private set; }

    public Dictionary<string, List<string>> Errors { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<string> General { get; private set; } = [];

    /// <summary>The case's documents (staff see the drafts too); null when intake did not answer.</summary>
    public IReadOnlyList<CaseDocument>? Documents { get; private set; }

    public BodyChoice? Body(string code) => Bodies.FirstOrDefault(b => b.Code == code);

    public IReadOnlyList<string> ErrorsFor(string id) => Errors.TryGetValue(id, out var messages) ? messages : [];

    public async Task<IActionResult> OnGetAsync(Guid caseId, CancellationToken cancellationToken) =>
        await LoadAsync(caseId, cancellationToken) ?? Page();

    // the address of a refused move, reloaded (after a change of language): the case as it is
    public Task<IActionResult> OnGetMoveAsync(Guid caseId, CancellationToken cancellationToken) => OnGetAsync(caseId, cancellationToken);

    /// <summary>A document of the case, streamed through from intake with its headers (an attachment, never rendered).</summary>
    public async Task<IActionResult> OnGetDocumentAsync(Guid caseId, Guid id, CancellationToken cancellationToken)
    {
        var found = await api.GetAsync<CaseDetail>(Service.Routing, $"/api/cases/{caseId}", cancellationToken);
        if (found.Value is null)
            return StatusCode(found.Status == 200 ? 503 : found.Status);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/cases/{found.Value.TrackingNumber}/documents/{id}");
        HttpResponseMessage response;
        try
        {
            response = await api.RawAsync(Service.Intake, request, cancellationToken);
        }
        catch (HttpRequestException)
        {
            return StatusCode(503);
        }
        HttpContext.Response.RegisterForDispose(response);
        if (!response.IsSuccessStatusCode)
            return StatusCode((int)response.StatusCode);
        var headers = Response.Headers;
        headers.ContentType = response.Content.Headers.ContentType?.ToString();
        headers.ContentDisposition = response.Content.Headers.ContentDisposition?.ToString();
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = "private, no-store";
        if (response.Headers.TryGetValues("X-Content-SHA256", out var sha256))
            headers["X-Content-SHA256"] = sha256.First();
        Response.ContentLength = response.Content.Headers.ContentLength;
        await using var content = await response.Content.ReadAsStreamAsync(cancellationToken);
        await content.CopyToAsync(Response.Body, cancellationToken);
        return new EmptyResult();
    }

    public async Task<IActionResult> OnPostMoveAsync(Guid caseId, string move, CancellationToken cancellationToken)
    {
        var action = move;
        if (!Moves.Contains(action))
            return NotFound();
        Failed = action;
        var drafts = new List<CaseDocument>();
        if (StreamedForm.IsMultipart(Request))
        {
            if (!WithDocuments.Contains(action))
                return BadRequest();
            if (await LoadAsync(caseId, cancellationToken) is { } missing)
                return missing;
            var refused = await ReadWithFilesAsync(action, drafts, cancellationToken);
            if (refused is not null)
            {
                await WithdrawAsync(drafts);
                return refused;
            }
        }
        else
            await TryUpdateModelAsync(Move, nameof(Move));

        if (Irreversible.Contains(action) && !Move.Confirm)
        {
            await WithdrawAsync(drafts);
            Errors[$"{action}-confirm"] = ["Cochez la case pour confirmer : cette action ne peut pas être annulée."];
            Response.StatusCode = 422;
            return await LoadAsync(caseId, cancellationToken) ?? Page();
        }

        var result = await api.SendAsync<object>(Service.Routing, HttpMethod.Post, $"/api/cases/{caseId}/{action}",
            BodyOf(action, drafts.Count == 0 ? null : drafts.Select(d => new { id = d.Id, name = d.Name, size = d.Size, sha256 = d.Sha256 })),
            cancellationToken);
        if (result.Succeeded)
        {
            Done = action;
            return RedirectToPage(new { caseId });
        }
        await WithdrawAsync(drafts);
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

    /// <summary>
    /// Reads a move's form as it arrives: its fields into <see cref="Move"/>, each file on to intake as a draft of the case.
    /// A result when the form cannot be read, or the page with the file's refusal beside the field.
    /// </summary>
    private async Task<IActionResult?> ReadWithFilesAsync(string action, List<CaseDocument> drafts, CancellationToken cancellationToken)
    {
        var fields = new Dictionary<string, Microsoft.Extensions.Primitives.StringValues>(StringComparer.Ordinal);
        var maxBytes = configuration.GetValue("Documents:MaxRequestBytes", 501L * 1024 * 1024);
        try
        {
            await foreach (var part in StreamedForm.ReadAsync(HttpContext, maxBytes, cancellationToken))
            {
                if (part.FileName is null)
                {
                    fields[part.Name] = part.Value;
                    continue;
                }
                var sent = await api.UploadAsync<CaseDocuments>(Service.Intake, $"/api/cases/{Case.TrackingNumber}/documents",
                    part.FileName, part.ContentType, part.Body, cancellationToken);
                if (sent.Value is { } stored)
                {
                    drafts.AddRange(stored.Documents);
                    continue;
                }
                if (sent.Status is not (413 or 415 or 422 or 400))
                    return StatusCode(sent.Status);
                // the file named in the problem, else the one just sent (a body over a limit)
                var name = sent.Problem!.Errors.Keys.FirstOrDefault() ?? part.FileName;
                Errors[$"{action}-files"] = [Show.FileRefused(sent.Status, name)];
                Response.StatusCode = sent.Status == 400 ? 422 : sent.Status;
                break;
            }
        }
        catch (InvalidDataException)
        {
            return BadRequest();
        }
        catch (BadHttpRequestException e) when (e.StatusCode == 413)
        {
            Errors[$"{action}-files"] = [Show.FileRefused(413, "")];
            Response.StatusCode = 413;
        }
        await TryUpdateModelAsync(Move, nameof(Move), new FormValueProvider(BindingSource.Form, new FormCollection(fields), CultureInfo.CurrentCulture));
        return Errors.Count > 0 ? Page() : null;
    }

    /// <summary>Withdraws drafts uploaded for a move that was not made.</summary>
    private async Task WithdrawAsync(List<CaseDocument> drafts)
    {
        foreach (var draft in drafts)
            await api.SendAsync<object>(Service.Intake, HttpMethod.Delete, $"/api/cases/{Case.TrackingNumber}/documents/{draft.Id}", null,
                CancellationToken.None);
        drafts.Clear();
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

    private object BodyOf(string action, object? documents) => action switch
    {
        "ask-clarification" => new { question = Move.Question, documents },
        "receive-clarification" => new { answer = Move.Answer, receivedOn = Move.ReceivedOn, documents },
        "extend" => new { reasons = Move.Reasons },
        "answer" or "answer-recourse" => new { outcome = Move.Outcome, refusalGround = Move.RefusalGround, text = Move.Text, documents },
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
        Documents = (await api.GetAsync<CaseDocuments>(Service.Intake, $"/api/cases/{Case.TrackingNumber}/documents", cancellationToken))
            .Value?.Documents;
        Bodies = (await api.GetAsync<List<BodyChoice>>(Service.Routing, "/api/directory/bodies", cancellationToken)).Value ?? [];
        await LoadPublicationAsync(cancellationToken);
        return null;
    }
}
