using System.Net.Sockets;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.LoadBalancing;

// One listening address per kind of service, each spread round-robin over that kind's instances. Every instance's
// /health/ready is asked each second: one that fails twice gets no more requests until it answers again. A request
// whose instance refused the connection (the process is gone, the checks have not seen it yet) goes to another one:
// nothing reached the dead one, so nothing is done twice.
// A POST to a path of KeyedPosts (intake's filings, which honour an Idempotency-Key) gets a key when it has none, and is
// sent to another instance when its instance failed after it was sent (a reset, no answer): with its key, the second
// instance answers the receipt of the first attempt if that one was stored. Only bodies up to 64 KiB are kept for that
// (filings; files sent with a filing are streamed once and never resent).
//   Proxy__intake__Listen=http://127.0.0.1:5080 Proxy__intake__Instances=http://127.0.0.1:6461,http://127.0.0.1:6462
//   Proxy__intake__KeyedPosts=/api/requests,/api/complaints
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
    var keyedPosts = settings.KeyedPosts.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .ToHashSet(StringComparer.OrdinalIgnoreCase);
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
        pipeline.Use((context, next) => ElsewhereWhenFailed(context, next, keyedPosts));
        pipeline.UseLoadBalancing();
    });
    return app;
}

static async Task ElsewhereWhenFailed(HttpContext context, Func<Task> next, HashSet<string> keyedPosts)
{
    var proxy = context.GetReverseProxyFeature();
    // load balancing narrows the list to the one it picks: keep the whole list
    var candidates = proxy.AvailableDestinations.ToList();
    var body = await ResendableBodyAsync(context, keyedPosts);
    while (true)
    {
        if (body is not null)
            context.Request.Body = new MemoryStream(body, writable: false);
        await next();
        var error = context.Features.Get<IForwarderErrorFeature>();
        if (error is null || context.Response.HasStarted || proxy.ProxiedDestination is not { } failed)
            return;
        if (!Refused(error.Exception) && !(body is not null && error.Error is ForwarderError.Request or ForwarderError.RequestBodyDestination))
            return;
        candidates.Remove(failed);
        if (candidates.Count == 0)
            return;
        proxy.AvailableDestinations = candidates.ToList();
        context.Features.Set<IForwarderErrorFeature>(null);
        context.Response.Clear(); // the 502 of the refused attempt, not started
    }
}

// A keyed filing's body, read to be sent again if need be; null for any other request, left to stream. A body of unknown
// length (chunked) is read up to the limit: past it, what was read goes first, then the rest as it comes.
static async Task<byte[]?> ResendableBodyAsync(HttpContext context, HashSet<string> keyedPosts)
{
    const int Limit = 64 * 1024;
    var request = context.Request;
    if (!HttpMethods.IsPost(request.Method) || !keyedPosts.Contains(request.Path.Value ?? "") || request.ContentLength > Limit)
        return null;
    var body = new byte[Limit + 1];
    var read = await request.Body.ReadAtLeastAsync(body, body.Length, throwOnEndOfStream: false, context.RequestAborted);
    if (read > Limit)
    {
        request.Body = new PrefixedStream(body, request.Body);
        return null;
    }
    if (!request.Headers.ContainsKey("Idempotency-Key"))
        request.Headers["Idempotency-Key"] = Guid.NewGuid().ToString("N");
    return body[..read];
}

static bool Refused(Exception? exception) => exception switch
{
    null => false,
    SocketException { SocketErrorCode: SocketError.ConnectionRefused } => true,
    _ => Refused(exception.InnerException),
};

/// <summary>A body whose start was read: that start, then the rest from <paramref name="rest"/>.</summary>
internal sealed class PrefixedStream(byte[] start, Stream rest) : Stream
{
    private int _position;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_position == start.Length)
            return await rest.ReadAsync(buffer, cancellationToken);
        var count = Math.Min(buffer.Length, start.Length - _position);
        start.AsMemory(_position, count).CopyTo(buffer);
        _position += count;
        return count;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

internal sealed class ProxiedKind
{
    /// <summary>Where the proxy listens for this kind, e.g. <c>http://127.0.0.1:5080</c> (one kind alone: else ASPNETCORE_URLS).</summary>
    public string Listen { get; set; } = "";

    /// <summary>The instances' addresses, comma separated.</summary>
    public string Instances { get; set; } = "";

    /// <summary>Paths whose POSTs honour an <c>Idempotency-Key</c>, comma separated: they may be sent again.</summary>
    public string KeyedPosts { get; set; } = "";
}
