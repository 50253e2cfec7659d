using MassTransit;

namespace Requests.Routing.Cases;

/// <summary>Officers' queues and the lifecycle's action endpoints, and the requester's actions relayed by intake.</summary>
public static class CaseWork
{
    public static WebApplicationBuilder AddCaseWork(this WebApplicationBuilder builder) => builder;

    public static void AddCaseWorkConsumers(this IBusRegistrationConfigurator bus)
    {
    }

    public static WebApplication MapCaseWork(this WebApplication app) => app;
}
