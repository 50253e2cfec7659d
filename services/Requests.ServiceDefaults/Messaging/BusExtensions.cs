using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Requests.ServiceDefaults.Messaging;

public sealed class RabbitMqOptions
{
    /// <summary><c>rabbitmq</c> (default) or <c>inmemory</c> for a single process with no broker.</summary>
    public string Transport { get; set; } = "rabbitmq";
    public string Host { get; set; } = "127.0.0.1";
    public ushort Port { get; set; } = 5682;
    public string VirtualHost { get; set; } = "/";
    public string Username { get; set; } = "guest";
    public string Password { get; set; } = "guest";

    /// <summary>Every receive endpoint's queue is a quorum queue (replicated across a cluster's nodes) rather than a classic one.</summary>
    public bool QuorumQueues { get; set; }

    /// <summary>
    /// A cluster's nodes, <c>host:port</c> comma separated (e.g. <c>10.0.0.1:5672,10.0.0.2:5672</c>): the bus connects
    /// to the first that answers, in this order, and to the next when its node goes down. Empty: <c>Host</c> and <c>Port</c>.
    /// </summary>
    public string? Nodes { get; set; }

    /// <summary>The management API (e.g. <c>http://127.0.0.1:15682/</c>); when set, <c>/health</c> reports error queues.</summary>
    public string? ManagementUrl { get; set; }
}

public static class BusExtensions
{
    /// <summary>
    /// MassTransit over RabbitMQ from the <c>RabbitMq</c> settings: kebab-case durable queues (quorum queues with
    /// <c>RabbitMq:QuorumQueues</c>), retries with back-off, failed messages in <c>*_error</c> queues; every consumer
    /// through the inbox of <typeparamref name="TContext"/>; and its outbox relay.
    /// </summary>
    public static IHostApplicationBuilder AddBus<TContext>(this IHostApplicationBuilder builder,
        Action<IBusRegistrationConfigurator>? consumers = null) where TContext : DbContext
    {
        var settings = builder.Configuration.GetSection("RabbitMq").Get<RabbitMqOptions>() ?? new RabbitMqOptions();
        builder.Services.Configure<OutboxOptions>(builder.Configuration.GetSection("Outbox"));
        builder.Services.AddSingleton(settings);
        builder.Services.AddScoped(services => ActivatorUtilities.CreateInstance<Inbox>(services, services.GetRequiredService<TContext>()));
        var inMemory = settings.Transport.Equals("inmemory", StringComparison.OrdinalIgnoreCase);
        if (!string.IsNullOrEmpty(settings.ManagementUrl))
        {
            builder.Services.AddHttpClient();
            builder.Services.AddHealthChecks().AddCheck<ErrorQueueHealthCheck>("error-queues", tags: ["errors"]);
        }
        builder.Services.AddMassTransit(bus =>
        {
            bus.SetKebabCaseEndpointNameFormatter();
            // MassTransit would otherwise post the bus's description to its authors' server at start
            bus.DisableUsageTelemetry();
            consumers?.Invoke(bus);
            if (settings.QuorumQueues)
                bus.AddConfigureEndpointsCallback((_, _, endpoint) => (endpoint as IRabbitMqReceiveEndpointConfigurator)?.SetQuorumQueue());
            if (inMemory)
            {
                bus.UsingInMemory((context, cfg) => ConfigureEndpoints(context, cfg));
                return;
            }
            bus.UsingRabbitMq((context, cfg) =>
            {
                cfg.Host(settings.Host, settings.Port, settings.VirtualHost, h =>
                {
                    h.Username(settings.Username);
                    h.Password(settings.Password);
                    h.PublisherConfirmation = true;
                    h.ConnectionName(builder.Environment.ApplicationName);
                    var nodes = settings.Nodes?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
                    if (nodes.Length > 0)
                        h.UseCluster(c => Array.ForEach(nodes, c.Node));
                });
                ConfigureEndpoints(context, cfg);
            });
        });
        // after the bus, so that it starts first
        builder.Services.AddHostedService<OutboxRelay<TContext>>();
        return builder;
    }

    private static void ConfigureEndpoints<TEndpoint>(IBusRegistrationContext context, IBusFactoryConfigurator<TEndpoint> cfg)
        where TEndpoint : IReceiveEndpointConfigurator
    {
        // interval retries: the delayed-exchange plugin that delayed redelivery needs is not available
        cfg.UseMessageRetry(r => r.Intervals(100, 500, 2_000, 5_000, 10_000));
        cfg.ConnectConsumerConfigurationObserver(new InboxObserver());
        cfg.ConfigureEndpoints(context);
    }
}
