using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Requests.Staff.Pages;

/// <summary>What went wrong, in words: a page not found (another body's case too), refused, or a failure.</summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public string Title { get; private set; } = "Une erreur est survenue";

    public string Text { get; private set; } = "Réessayez dans un instant. Si l'erreur persiste, prévenez l'administrateur.";

    public void OnGet(int? status) => Describe(status);

    public void OnPost(int? status) => Describe(status);

    private void Describe(int? status)
    {
        (Title, Text) = status switch
        {
            404 => ("Page introuvable", "Cette page n'existe pas, ou elle concerne un organisme pour lequel vous n'êtes pas désigné."),
            403 => ("Accès refusé", "Votre rôle ne donne pas accès à cette page."),
            503 => ("Service indisponible", "Un des services ne répond pas. Réessayez dans un instant."),
            _ => (Title, Text),
        };
        if (status is { } code)
            Response.StatusCode = code;
    }
}
