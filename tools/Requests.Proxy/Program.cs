using System.Net.Sockets;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.LoadBalancing;

// One listening address per kind of service, each spread round-robin over that kind's instances. Every instance's
// /health/ready is asked each second: one that fails twice gets no more requests until it answers again. A request
// whose instance refused the connection (the process is gone, the checks have not seen it yet) goes to another one:
// nothing reached the dead one, so nothing is done twice.
//   Proxy__intake__Listen=http://127.0.0.1:5080 Proxy__intake__Instances=http://127.0.0.1:6461,http://127.0.0.1:6462
var settings = new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine(args).Build();
var kinds = settings.GetSection("Proxy").Get<Dictionary<string, ProxiedKind>>();
if (kinds is not { Count: > 0 })
{
    Console.Error.WriteLine("No service to proxy: set Proxy__{kind}__Listen and Proxy__{kind}__Instances.");
    return 2;
}
await Task.WhenAll(kinds.Select(kind => Proxy(kind.Key, kind.Value).RunAsync()));
return 0;

WebApplication Proxy(string kind, ProxiedKind settings)
{
    var builder = WebApplication.CreateSlimBuilder(args);
    if (settings.Listen.Length > 0) // else ASPNETCORE_URLS
        builder.WebHost.UseUrls(settings.Listen);
    // one line when an instance is taken out or put back, none per request
    builder.Logging.SetMinimumLevel(LogLevel.Warning).AddFilter("Yarp.ReverseProxy.Health.DestinationHealthUpdater", LogLevel.Information);
    // the services apply their own limits (documents go up to 501 MiB)
    builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = null);
    var instances = settings.Instances.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    builder.Services.AddReverseProxy().LoadFromMemory(
        [
            new RouteConfig
            {
                RouteId = kind,
                ClusterId = kind,
                Match = new RouteMatch { Path = "{**path}" },
                // the instances see the caller's address after those already forwarded (the staff pages' for routing)
                Transforms = [new Dictionary<string, string> { ["X-Forwarded"] = "Append" }],
            },
        ],
        [
            new ClusterConfig
            {
                ClusterId = kind,
                LoadBalancingPolicy = LoadBalancingPolicies.RoundRobin,
                HealthCheck = new HealthCheckConfig
                {
                    AvailableDestinationsPolicy = HealthCheckConstants.AvailableDestinations.HealthyOrPanic,
                    Active = new ActiveHealthCheckConfig
                    {
                        Enabled = true,
                        Interval = TimeSpan.FromSeconds(1),
                        Timeout = TimeSpan.FromSeconds(2),
                        Policy = HealthCheckConstants.ActivePolicy.ConsecutiveFailures,
                        Path = "/health/ready",
                    },
                },
                Destinations = instances.Select((address, i) => (address, i))
                    .ToDictionary(d => $"{kind}-{d.i + 1}", d => new DestinationConfig { Address = d.address }),
            },
        ]);
    var app = builder.Build();
    app.MapReverseProxy(pipeline =>
    {
        pipeline.Use(ElsewhereWhenRefused);
        pipeline.UseLoadBalancing();
    });
    return app;
}

static async Task ElsewhereWhenRefused(HttpContext context, Func<Task> next)
{
    var proxy = context.GetReverseProxyFeature();
    // load balancing narrows the list to the one it picks: keep the whole list
    var candidates = proxy.AvailableDestinations.ToList();
    while (true)
    {
        await next();
        var error = context.Features.Get<IForwarderErrorFeature>();
        if (error is null || context.Response.HasStarted || !Refused(error.Exception) || proxy.ProxiedDestination is not { } refused)
            return;
        candidates.Remove(refused);
        if (candidates.Count == 0)
            return;
        proxy.AvailableDestinations = candidates.ToList();
        context.Features.Set<IForwarderErrorFeature>(null);
    }
}

static bool Refused(Exception? exception) => exception switch
{
    null => false,
    SocketException { SocketErrorCode: SocketError.ConnectionRefused } => true,
    _ => Refused(exception.InnerException),
};

internal sealed class ProxiedKind
{
    /// <summary>Where the proxy listens for this kind, e.g. <c>http://127.0.0.1:5080</c> (one kind alone: else ASPNETCORE_URLS).</summary>
    public string Listen { get; set; } = "";

    /// <summary>The instances' addresses, comma separated.</summary>
    public string Instances { get; set; } = "";
}
