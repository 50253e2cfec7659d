using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Requests.Staff.Api;
using Requests.Staff.Workspace;

namespace Requests.Staff.Pages;

public sealed class SignOutModel(ServiceApi api) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await WorkspaceSignIn.SignOutAsync(HttpContext, api, cancellationToken);
        return Redirect("/signin");
    }
}
