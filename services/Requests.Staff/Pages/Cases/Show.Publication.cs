using Microsoft.AspNetCore.Mvc;
using Requests.Staff.Api;

namespace Requests.Staff.Pages.Cases;

/// <summary>What the officer publishes of an answer, once redacted.</summary>
public sealed class PublishFields
{
    public string? Subject { get; set; }
    public string? Question { get; set; }
    public string? Answer { get; set; }
    public List<Guid> Documents { get; set; } = [];
    public bool RedactionConfirmed { get; set; }
}

/// <summary>
/// Publishing a case's answer: for an answered information request whose requester agreed, the officer redacts the
/// subject, the question and the answer, chooses the documents delivered, confirms the redaction, and intake publishes
/// it; once published, a link to its public page and a withdrawal.
/// </summary>
public sealed partial class ShowModel
{
    public static readonly string[] PublishFieldNames = ["subject", "question", "answer", "documents", "redactionConfirmed"];

    /// <summary>Null for a complaint, or when intake did not answer.</summary>
    public PublicationState? Publication { get; private set; }

    public PublishFields Publish { get; set; } = new();

    /// <summary><c>published</c> or <c>withdrawn</c>, for the banner after the redirect.</summary>
    [TempData]
    public string? PublicationDone { get; set; }

    /// <summary>The refusal of the publication: messages by field id (<c>publish-answer</c>), and those for no field.</summary>
    public Dictionary<string, string> PublishErrors { get; } = new(StringComparer.Ordinal);

    public List<string> PublishGeneral { get; } = [];

    public bool PublishFailed => PublishErrors.Count > 0 || PublishGeneral.Count > 0;

    /// <summary>The answer's public page, on intake.</summary>
    public string PublicAnswerPage(Guid id) =>
        $"{(configuration["Services:PublicIntake"] ?? configuration["Services:Intake"] ?? "http://127.0.0.1:5080").TrimEnd('/')}/publication.html?show=answer&id={id}";

    /// <summary>The documents the body delivered on the case, which the officer may publish.</summary>
    public IReadOnlyList<PublishedFile> Publishable => Publication?.Documents ?? [];

    public async Task<IActionResult> OnPostPublishAsync(Guid caseId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(caseId, cancellationToken) is { } missing)
            return missing;
        await TryUpdateModelAsync(Publish, nameof(Publish));
        if (!Publish.RedactionConfirmed)
            PublishErrors["publish-redactionConfirmed"] = "Cochez la case pour confirmer que les données personnelles ont été retirées du texte et des fichiers.";
        else
        {
            var result = await api.SendAsync<object>(Service.Intake, HttpMethod.Post, PublicationPath, new
            {
                subject = Publish.Subject, question = Publish.Question, answer = Publish.Answer, documents = Publish.Documents,
                redactionConfirmed = true,
            }, cancellationToken);
            if (result.Succeeded)
            {
                PublicationDone = "published";
                return RedirectToPage(new { caseId });
            }
            if (result.Status is 401 or 403 or >= 500)
                return StatusCode(result.Status);
            foreach (var (field, messages) in result.Problem!.Errors)
            {
                var name = PublishFieldNames.FirstOrDefault(f => string.Equals(f, field, StringComparison.OrdinalIgnoreCase));
                if (name is null)
                    PublishGeneral.Add(string.Join(" ", messages));
                else
                    PublishErrors[$"publish-{name}"] = PublishMessage(name, messages);
            }
            if (result.Problem.Errors.Count == 0)
                PublishGeneral.Add(result.Problem.Detail ?? result.Problem.Title ?? "");
        }
        Response.StatusCode = 422;
        return Page();
    }

    public async Task<IActionResult> OnPostUnpublishAsync(Guid caseId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(caseId, cancellationToken) is { } missing)
            return missing;
        var result = await api.SendAsync<object>(Service.Intake, HttpMethod.Delete, PublicationPath, null, cancellationToken);
        if (!result.Succeeded && result.Status != 404)
            return StatusCode(result.Status);
        PublicationDone = "withdrawn";
        return RedirectToPage(new { caseId });
    }

    private string PublicationPath => $"/api/cases/{Uri.EscapeDataString(Case.TrackingNumber)}/publication";

    // the text left with the requester's name or contacts is said in the page's words; other refusals as they come
    private static string PublishMessage(string field, string[] messages) => field switch
    {
        "redactionConfirmed" => "Cochez la case pour confirmer que les données personnelles ont été retirées du texte et des fichiers.",
        "documents" => "Choisissez parmi les documents envoyés avec la réponse.",
        _ when messages.Any(m => m.Contains("personal", StringComparison.OrdinalIgnoreCase) || m.Contains("requester", StringComparison.OrdinalIgnoreCase)) =>
            "Le texte contient encore des données personnelles du demandeur (nom, courriel, téléphone, numéro d'identité ou adresse) : retirez-les.",
        _ when messages.Any(m => m.Contains("Required", StringComparison.OrdinalIgnoreCase)) => "Champ obligatoire.",
        _ => string.Join(" ", messages),
    };

    private async Task LoadPublicationAsync(CancellationToken cancellationToken)
    {
        if (Case.Regime == "complaint")
            return;
        Publication = (await api.GetAsync<PublicationState>(Service.Intake, PublicationPath, cancellationToken)).Value;
    }
}
