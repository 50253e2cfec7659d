namespace Requests.Routing.Deadlines;

/// <summary>The recurring jobs that enforce deadlines (Quartz.NET), and the administrators' view of them.</summary>
public static class DeadlineJobs
{
    public static WebApplicationBuilder AddDeadlineJobs(this WebApplicationBuilder builder) => builder;

    public static WebApplication MapJobs(this WebApplication app) => app;
}
