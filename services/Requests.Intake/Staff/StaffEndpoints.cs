using Requests.Intake.Submissions;

namespace Requests.Intake.Staff;

public static class StaffEndpoints
{
    /// <summary>
    /// Requests and complaints that came by post, at the counter, by e-mail or by phone, registered by staff with
    /// their channel and true receipt date (<c>channel</c>, <c>receivedOn</c> in the form).
    /// </summary>
    public static IEndpointRouteBuilder MapStaffRegistration(this IEndpointRouteBuilder app)
    {
        var staff = app.MapGroup("/api/staff").RequireApiKey("Intake:StaffApiKey");
        staff.MapPost("/requests", (HttpContext http, Filings filings) => filings.FileRequestAsync(http, byStaff: true))
            .WithSummary("Register an information request received by post, at the counter, by e-mail or phone.");
        staff.MapPost("/complaints", (HttpContext http, Filings filings) => filings.FileComplaintAsync(http, byStaff: true))
            .WithSummary("Register a complaint, observation or suggestion received outside the portal.");
        return app;
    }
}
