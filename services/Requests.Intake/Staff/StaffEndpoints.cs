using System.Security.Claims;
using Requests.Intake.Submissions;
using Requests.ServiceDefaults.Auth;

namespace Requests.Intake.Staff;

public static class StaffEndpoints
{
    /// <summary>
    /// Requests and complaints that came by post, at the counter, by e-mail or by phone, registered by staff with
    /// their channel and true receipt date (<c>channel</c>, <c>receivedOn</c> in the form). A bearer token issued by
    /// routing: an officer or a head registers for the bodies they are designated for, an administrator for any.
    /// </summary>
    public static IEndpointRouteBuilder MapStaffRegistration(this IEndpointRouteBuilder app)
    {
        var staff = app.MapGroup("/api/staff").RequireAuthorization(StaffPolicies.CaseWorkers);
        staff.MapPost("/requests", (HttpContext http, Filings filings) => filings.FileRequestAsync(http, byStaff: true))
            .WithSummary("Register an information request received by post, at the counter, by e-mail or phone.");
        staff.MapPost("/complaints", (HttpContext http, Filings filings) => filings.FileComplaintAsync(http, byStaff: true))
            .WithSummary("Register a complaint, observation or suggestion received outside the portal.");
        return app;
    }

    /// <summary>Whether a signed-in account may register a filing addressed to <paramref name="bodyCode"/>.</summary>
    public static bool MayRegisterFor(this ClaimsPrincipal user, string bodyCode) =>
        user.IsInRole(StaffRoles.Admin)
        || user.Bodies().Contains(bodyCode.Trim(), StringComparer.OrdinalIgnoreCase);
}
