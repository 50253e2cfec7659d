using Requests.Domain.Complaints;

namespace Requests.Intake.Bodies;

public static class BodyEndpoints
{
    public static IEndpointRouteBuilder MapBodies(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/bodies", (BodyDirectory directory) => directory.All.OrderBy(b => b.Code, StringComparer.Ordinal))
            .WithSummary("The public bodies a citizen can address: code, names in French and Arabic, sector, region.");
        app.MapGet("/api/themes", () => ComplaintThemes.All)
            .WithSummary("The themes a complaint, observation or suggestion is filed under (a closed list): code, names in French and Arabic.");
        return app;
    }
}
