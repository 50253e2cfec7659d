using MassTransit;
using Requests.Routing.Notices;

namespace Requests.Routing.Cases;

/// <summary>Officers' queues and the lifecycle's action endpoints, and the requester's actions relayed by intake.</summary>
public static class CaseWork
{
    public static WebApplicationBuilder AddCaseWork(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<CaseMoves>();
        builder.Services.AddScoped<CaseNotices>();
        return builder;
    }

    public static void AddCaseWorkConsumers(this IBusRegistrationConfigurator bus) =>
        bus.AddConsumer<ApplyCitizenActionConsumer>();

    public static WebApplication MapCaseWork(this WebApplication app)
    {
        app.MapQueue();
        app.MapCases();
        return app;
    }
}
