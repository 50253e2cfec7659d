using System.Net;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Requests.Staff.Api;

namespace Requests.Staff.Pages.Admin;

/// <summary>
/// What the head's and the administrator's forms share: a move sent to a service, then a banner (PRG), or the page
/// again with the service's refusal in a summary and beside each field. A form's fields have the ids
/// <c>{form}-{field}</c>, the field named as the API names it.
/// </summary>
public abstract class FormPage(ServiceApi api, IStringLocalizer<FormPage> text) : PageModel
{
    protected ServiceApi Api => api;

    [TempData]
    public string? Banner { get; set; }

    /// <summary>The form the refusal concerns, and the refusal.</summary>
    public string? FailedForm { get; private set; }

    public ApiProblem? Problem { get; private set; }

    /// <summary>The page's words for a field's refusal, in French (the API's own words otherwise).</summary>
    protected virtual IReadOnlyDictionary<string, string> FieldMessages { get; } = new Dictionary<string, string>();

    /// <summary>Loads what the page shows; false when the page is not there (404).</summary>
    protected abstract Task<bool> LoadAsync(CancellationToken cancellationToken);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    /// <summary>Sends the move; on success the banner and back to <paramref name="returnTo"/>, else the page with the refusal.</summary>
    protected Task<IActionResult> SendAsync(string form, HttpMethod method, string path, object? body, string banner,
        string returnTo, CancellationToken cancellationToken, params object[] bannerArguments) =>
        SendAsync(form, method, path, body, banner, returnTo, bannerArguments, null, cancellationToken);

    /// <summary>The same, every refusal shown against <paramref name="asField"/> (a removal: its button).</summary>
    protected async Task<IActionResult> SendAsync(string form, HttpMethod method, string path, object? body, string banner,
        string returnTo, object[] bannerArguments, string? asField, CancellationToken cancellationToken)
    {
        var answer = await api.SendAsync<object>(Service.Routing, method, path, body, cancellationToken);
        if (answer.Succeeded)
        {
            Banner = text[banner, bannerArguments];
            return LocalRedirect(returnTo);
        }
        if (answer.Status is 401 or 403)
            return StatusCode(answer.Status);
        var problem = answer.Problem!;
        if (asField is not null && problem.Errors.Count > 0)
            problem = problem with { Errors = new Dictionary<string, string[]> { [asField] = [.. problem.Errors.SelectMany(e => e.Value)] } };
        return await RefusedAsync(form, problem, cancellationToken);
    }

    /// <summary>The page again, with the problem shown against <paramref name="form"/>.</summary>
    protected async Task<IActionResult> RefusedAsync(string form, ApiProblem problem, CancellationToken cancellationToken)
    {
        (FailedForm, Problem) = (form, problem);
        if (!await LoadAsync(cancellationToken))
            return NotFound();
        Response.StatusCode = problem.Status is >= 400 and < 500 ? problem.Status : 422;
        return Page();
    }

    /// <summary>A refusal decided here (a confirmation not ticked), shown as a service's would be.</summary>
    protected Task<IActionResult> RefusedAsync(string form, string field, string message, CancellationToken cancellationToken) =>
        RefusedAsync(form, new ApiProblem(422, null, null, new Dictionary<string, string[]> { [field] = [text[message]] }), cancellationToken);

    /// <summary>The refusal's messages, field by field, in the page's language.</summary>
    public IReadOnlyList<(string Field, string Message)> Errors => Problem is null ? [] :
        Problem.Errors.Count == 0
            ? [("", Problem.Status == 503 ? text["Un des services ne répond pas. Réessayez dans un instant."].Value
                : Problem.Status == 404 ? text["Ce qui était visé n'existe plus. Rechargez la page."].Value
                : Problem.Detail ?? Problem.Title ?? "")]
            : [.. Problem.Errors.Select(e => (e.Key, Message(e.Key, e.Value)))];

    private string Message(string field, string[] messages) =>
        FieldMessages.TryGetValue(field, out var french) ? text[french] : string.Join(" ", messages);

    /// <summary>The message for one field of the failed form, or null.</summary>
    public string? Error(string form, string field) =>
        form == FailedForm && Errors.FirstOrDefault(e => string.Equals(e.Field, field, StringComparison.OrdinalIgnoreCase)) is { Message: { } m }
            ? m : null;

    /// <summary>"field" or "field invalid".</summary>
    public string Field(string form, string field) => Error(form, field) is null ? "field" : "field invalid";

    /// <summary>The id of the message beside the field, for aria-describedby (null: no attribute).</summary>
    public string? DescribedBy(string form, string field) => Error(form, field) is null ? null : $"{form}-{field}-error";

    public IHtmlContent FieldError(string form, string field) => Error(form, field) is { } message
        ? new HtmlString($"<p class=\"field-error\" id=\"{form}-{field}-error\">{WebUtility.HtmlEncode(message)}</p>")
        : HtmlString.Empty;

    /// <summary>What the user typed when their form was refused, else the current value.</summary>
    public string? Value(string form, string name, string? current) =>
        form == FailedForm && Request.HasFormContentType ? Request.Form[name].ToString() : current;
}
