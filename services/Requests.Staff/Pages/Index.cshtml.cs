using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Requests.Staff.Pages;

/// <summary>Each role's first page.</summary>
public sealed class IndexModel : PageModel
{
    public IActionResult OnGet() => Redirect(User.FindFirstValue(ClaimTypes.Role) switch
    {
        "ministry" => "/ministry",
        "admin" => "/admin/directory",
        _ => "/queue",
    });
}
