using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Requests.Staff.Workspace;

namespace Requests.Staff.Pages;

public sealed class SignInModel : PageModel
{
    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>The message to show, in French (the page translates it).</summary>
    public string? Error { get; private set; }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(UserName) || string.IsNullOrEmpty(Password))
        {
            Error = "Saisissez votre nom d'utilisateur et votre mot de passe.";
            return Page();
        }
        switch (await WorkspaceSignIn.SignInAsync(HttpContext, UserName, Password, cancellationToken))
        {
            case WorkspaceSignIn.Outcome.SignedIn:
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
            case WorkspaceSignIn.Outcome.Unavailable:
                Error = "Le service de connexion ne répond pas. Réessayez dans un instant.";
                break;
            default:
                Error = "Nom d'utilisateur ou mot de passe incorrect. Après plusieurs essais, attendez un moment avant de réessayer.";
                break;
        }
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Page();
    }
}
