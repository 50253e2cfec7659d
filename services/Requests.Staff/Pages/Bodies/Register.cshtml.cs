using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Requests.ServiceDefaults.Auth;
using Requests.Staff.Api;
using Requests.Staff.Workspace;

namespace Requests.Staff.Pages.Bodies;

/// <summary>
/// A body's register of published information (law 31.13, art. 10): its entries with their history, a form to add one
/// with a file or a link, one to replace each (a new version) and one to withdraw it with its reason. A file goes on to
/// intake as it arrives, in the same request as the entry's fields (<c>form</c>, then <c>file</c>).
/// </summary>
[IgnoreAntiforgeryToken(Order = 1001)]
[StreamedForms]
public sealed class RegisterModel(ServiceApi api, IConfiguration configuration) : PageModel
{
    public static readonly string[] Fields = ["category", "titleFr", "titleAr", "summaryFr", "summaryAr", "publishedOn", "link", "file"];

    /// <summary>The page's words for the API's refusals, by field; other messages are shown as they come.</summary>
    private static readonly Dictionary<string, string> Messages = new(StringComparer.OrdinalIgnoreCase)
    {
        ["category"] = "Choisissez une catégorie.",
        ["titleFr"] = "Donnez un titre, en français ou en arabe.",
        ["titleAr"] = "Donnez un titre, en français ou en arabe.",
        ["publishedOn"] = "Indiquez une date de publication valide, au plus tard aujourd'hui.",
        ["link"] = "Donnez une adresse complète, en http ou https.",
        ["file"] = "Joignez un fichier ou donnez un lien, l'un ou l'autre.",
        ["reason"] = "Indiquez le motif du retrait.",
    };

    [BindProperty(SupportsGet = true)]
    public string Code { get; set; } = "";

    public BodyChoice? Body { get; private set; }

    public IReadOnlyList<PublishedEntry> Entries { get; private set; } = [];

    public IReadOnlyList<PublicationCategory> Categories { get; private set; } = [];

    [TempData]
    public string? Banner { get; set; }

    /// <summary>The form refused (<c>add</c>, <c>replace-{id}</c>, <c>withdraw-{id}</c>), what it carried and the messages by field.</summary>
    public string? Failed { get; private set; }

    public Dictionary<string, string> Sent { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> Errors { get; } = new(StringComparer.OrdinalIgnoreCase);

    public string? General { get; private set; }

    /// <summary>The public page of the body, on intake.</summary>
    public string PublicPage => $"{configuration["Services:PublicIntake"] ?? configuration["Services:Intake"] ?? "http://127.0.0.1:5080"}".TrimEnd('/')
        + $"/publication.html?show=body&code={Uri.EscapeDataString(Code)}";

    public string Category(string? code) => Categories.FirstOrDefault(c => c.Code == code) is { } c ? Show.Name(c.LabelFr, c.LabelAr) : code ?? "";

    public string? Error(string form, string field) => form == Failed && Errors.TryGetValue(field, out var m) ? m : null;

    /// <summary>What the refused form carried, else the entry's current value.</summary>
    public string? Value(string form, string field, string? current) => form == Failed ? Sent.GetValueOrDefault(field) : current;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostAddAsync(CancellationToken cancellationToken) =>
        SaveAsync("add", HttpMethod.Post, Path(""), cancellationToken);

    public Task<IActionResult> OnPostReplaceAsync(Guid id, CancellationToken cancellationToken) =>
        SaveAsync($"replace-{id}", HttpMethod.Put, Path($"/{id}"), cancellationToken);

    public async Task<IActionResult> OnPostWithdrawAsync(Guid id, string? reason, CancellationToken cancellationToken)
    {
        if (!Allowed())
            return NotFound();
        var form = $"withdraw-{id}";
        var result = await api.SendAsync<object>(Service.Intake, HttpMethod.Post, Path($"/{id}/withdraw"),
            new { reason }, cancellationToken);
        Sent["reason"] = reason ?? "";
        return await DoneAsync(form, result.Problem, "L'information est retirée des pages publiques ; son historique reste ici.", cancellationToken);
    }

    /// <summary>Adds or replaces an entry: the fields as the JSON part <c>form</c>, the file streamed behind it.</summary>
    private async Task<IActionResult> SaveAsync(string form, HttpMethod method, string path, CancellationToken cancellationToken)
    {
        if (!Allowed() || !StreamedForm.IsMultipart(Request))
            return NotFound();
        ApiProblem? problem = null;
        var sent = false;
        try
        {
            await foreach (var part in StreamedForm.ReadAsync(HttpContext, configuration.GetValue("Documents:MaxRequestBytes", 501L * 1024 * 1024), cancellationToken))
            {
                if (part.FileName is null)
                {
                    Sent[part.Name] = part.Value ?? "";
                    continue;
                }
                if (sent)
                    continue;
                Sent["file"] = part.FileName;
                problem = await SendAsync(method, path, part, cancellationToken);
                sent = true;
            }
            if (!sent)
                problem = await SendAsync(method, path, null, cancellationToken);
        }
        catch (InvalidDataException)
        {
            return BadRequest();
        }
        catch (BadHttpRequestException e) when (e.StatusCode == 413)
        {
            problem = new ApiProblem(413, null, null, new Dictionary<string, string[]>());
        }
        return await DoneAsync(form, problem, form == "add" ? "L'information est publiée." : "L'information est remplacée : une nouvelle version est publiée.",
            cancellationToken);
    }

    private async Task<ApiProblem?> SendAsync(HttpMethod method, string path, FormPart? file, CancellationToken cancellationToken)
    {
        var fields = new Dictionary<string, string?>
        {
            ["category"] = Sent.GetValueOrDefault("category"),
            ["titleFr"] = Sent.GetValueOrDefault("titleFr"), ["titleAr"] = Sent.GetValueOrDefault("titleAr"),
            ["summaryFr"] = Sent.GetValueOrDefault("summaryFr"), ["summaryAr"] = Sent.GetValueOrDefault("summaryAr"),
            ["publishedOn"] = Sent.GetValueOrDefault("publishedOn"), ["link"] = Sent.GetValueOrDefault("link"),
        };
        var json = JsonSerializer.Serialize(fields.Where(f => !string.IsNullOrWhiteSpace(f.Value)).ToDictionary(f => f.Key, f => f.Value!.Trim()));
        var text = new StringContent(json);
        text.Headers.ContentType = null;
        using var body = new MultipartFormDataContent { { text, "form" } };
        if (file is not null)
        {
            var content = new StreamContent(file.Body);
            if (MediaTypeHeaderValue.TryParse(file.ContentType, out var type))
                content.Headers.ContentType = type;
            body.Add(content, "file", file.FileName!);
        }
        using var request = new HttpRequestMessage(method, path) { Content = body };
        return (await api.SendAsync<object>(Service.Intake, request, cancellationToken)).Problem;
    }

    /// <summary>The banner and back to the register (PRG), or the register again with the refusal beside its fields.</summary>
    private async Task<IActionResult> DoneAsync(string form, ApiProblem? problem, string banner, CancellationToken cancellationToken)
    {
        if (problem is null)
        {
            Banner = banner;
            return RedirectToPage(new { Code });
        }
        if (problem.Status is 401 or 403 or 404 or >= 500)
            return StatusCode(problem.Status);
        Failed = form;
        foreach (var (field, messages) in problem.Errors)
        {
            var name = field.StartsWith("form.", StringComparison.OrdinalIgnoreCase) ? field[5..] : field;
            if (Sent.GetValueOrDefault("file") is { } sentFile && (problem.Status is 413 or 415 || name == sentFile
                    || string.Equals(name, "file", StringComparison.OrdinalIgnoreCase)))
                Errors["file"] = Show.FileRefused(problem.Status, sentFile);
            else if (Fields.Contains(name, StringComparer.OrdinalIgnoreCase) || name == "reason")
                Errors[name] = Messages.GetValueOrDefault(name) ?? string.Join(" ", messages);
            else
                General = string.Join(" ", messages);
        }
        if (problem.Errors.Count == 0)
        {
            if (problem.Status is 413 or 415)
                Errors["file"] = Show.FileRefused(problem.Status, Sent.GetValueOrDefault("file") ?? "");
            else
                General = problem.Status == 409 ? "Cette information a changé entre-temps : la page montre son état actuel." : problem.Detail ?? problem.Title ?? "";
        }
        Response.StatusCode = problem.Status is >= 400 and < 500 ? problem.Status : 422;
        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    private string Path(string rest) => $"/api/bodies/{Uri.EscapeDataString(Code)}/register{rest}";

    // officers and heads of the body, and the administrator
    private bool Allowed() => User.IsInRole("admin")
        || (User.IsInRole("officer") || User.IsInRole("head")) && User.FindAll(StaffClaims.Body).Any(c => c.Value == Code);

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (!Allowed())
            return false;
        var entries = await api.GetAsync<List<PublishedEntry>>(Service.Intake, Path(""), cancellationToken);
        if (entries.Value is null)
            return false;
        Entries = [.. entries.Value.OrderBy(e => e.Withdrawn).ThenByDescending(e => e.PublishedOn)];
        Body = (await api.GetAsync<BodyChoice>(Service.Routing, $"/api/directory/bodies/{Uri.EscapeDataString(Code)}", cancellationToken)).Value;
        Categories = (await api.GetAsync<List<PublicationCategory>>(Service.Intake, "/api/publication/categories", cancellationToken)).Value ?? [];
        return true;
    }

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
