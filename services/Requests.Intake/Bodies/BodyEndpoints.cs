namespace Requests.Intake.Bodies;

public static class BodyEndpoints
{
    public static IEndpointRouteBuilder MapBodies(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/bodies", (BodyDirectory directory) => directory.All.OrderBy(b => b.Code, StringComparer.Ordinal))
            .WithSummary("The public bodies a citizen can address: code, names in French and Arabic, sector, region.");
        return app;
    }
}
