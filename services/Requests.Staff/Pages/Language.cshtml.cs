using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Requests.Staff.Api;
using Requests.Staff.Workspace;

namespace Requests.Staff.Pages;

/// <summary>The language switch: the cookie for this browser, and the account's choice at routing for the next sign-in and the e-mails.</summary>
public sealed class LanguageModel(ServiceApi api) : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync(string? code, string? returnUrl, CancellationToken cancellationToken)
    {
        code = code == "ar" ? "ar" : "fr";
        WorkspaceLanguages.Remember(Response, code);
        if (User.Identity?.IsAuthenticated == true)
            await api.SendAsync<object>(Service.Routing, HttpMethod.Put, "/api/auth/me/language", new { language = code }, cancellationToken);
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
