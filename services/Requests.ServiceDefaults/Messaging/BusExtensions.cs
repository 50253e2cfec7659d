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

    /// <summary>The management API (e.g. <c>http://127.0.0.1:15682/</c>); when set, <c>/health</c> reports error queues.</summary>
    public string? ManagementUrl { get; set; }
}

public static class BusExtensions
{
    /// <summary>
    /// MassTransit over RabbitMQ from the <c>RabbitMq</c> settings: kebab-case durable queues, retries with
    /// back-off, failed messages in <c>*_error</c> queues; and the outbox relay of <typeparamref name="TContext"/>.
    /// </summary>
    public static IHostApplicationBuilder AddBus<TContext>(this IHostApplicationBuilder builder,
        Action<IBusRegistrationConfigurator>? consumers = null) where TContext : DbContext
    {
        var settings = builder.Configuration.GetSection("RabbitMq").Get<RabbitMqOptions>() ?? new RabbitMqOptions();
        builder.Services.Configure<OutboxOptions>(builder.Configuration.GetSection("Outbox"));
        builder.Services.AddHostedService<OutboxRelay<TContext>>();
        builder.Services.AddSingleton(settings);
        var inMemory = settings.Transport.Equals("inmemory", StringComparison.OrdinalIgnoreCase);
        if (inMemory)
            builder.Services.AddSingleton<IOutboxPublisher, BusOutboxPublisher>();
        else
            builder.Services.AddSingleton<IOutboxPublisher, RabbitMqOutboxPublisher>();
        if (!string.IsNullOrEmpty(settings.ManagementUrl))
        {
            builder.Services.AddHttpClient();
            builder.Services.AddHealthChecks().AddCheck<ErrorQueueHealthCheck>("error-queues", tags: ["errors"]);
        }
        builder.Services.AddMassTransit(bus =>
        {
            bus.SetKebabCaseEndpointNameFormatter();
            consumers?.Invoke(bus);
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
                });
                ConfigureEndpoints(context, cfg);
            });
        });
        return builder;
    }

    private static void ConfigureEndpoints<TEndpoint>(IBusRegistrationContext context, IBusFactoryConfigurator<TEndpoint> cfg)
        where TEndpoint : IReceiveEndpointConfigurator
    {
        // interval retries: the delayed-exchange plugin that delayed redelivery needs is not available
        cfg.UseMessageRetry(r => r.Intervals(100, 500, 2_000, 5_000, 10_000));
        cfg.ConfigureEndpoints(context);
    }
}
