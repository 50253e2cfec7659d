using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;

namespace Requests.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The three-node RabbitMQ cluster of <c>infra/rabbitmq-cluster.sh</c>, started through the script on first use
/// (<c>./test.sh</c> stops it at the end). Each test gets a virtual host of its own; a test may stop a node and start
/// it again with the same script.
/// </summary>
public sealed class BrokerCluster : IAsyncDisposable
{
    private static readonly SemaphoreSlim Starting = new(1, 1);
    private static bool _started;

    private static string Script => Path.Combine(Environment.GetEnvironmentVariable("REQUESTS_INFRA")
        ?? throw new InvalidOperationException("REQUESTS_INFRA is not set: run ./test.sh"), "rabbitmq-cluster.sh");

    /// <summary>The nodes' AMQP addresses, <c>host:port</c> comma separated, as <c>RabbitMq:Nodes</c> takes them.</summary>
    public static string Nodes => Environment.GetEnvironmentVariable("REQUESTS_RABBITMQ_NODES")
        ?? throw new InvalidOperationException("REQUESTS_RABBITMQ_NODES is not set: run ./test.sh");

    public static string[] Management => (Environment.GetEnvironmentVariable("REQUESTS_RABBITMQ_CLUSTER_MANAGEMENT")
        ?? throw new InvalidOperationException("REQUESTS_RABBITMQ_CLUSTER_MANAGEMENT is not set: run ./test.sh")).Split(',');

    private readonly HttpClient _api;

    public string VirtualHost { get; }

    private BrokerCluster(string virtualHost, HttpClient api)
    {
        VirtualHost = virtualHost;
        _api = api;
    }

    /// <summary>The settings a service needs to use this virtual host on the cluster, with quorum queues.</summary>
    public Dictionary<string, string> Settings() => new()
    {
        ["RabbitMq__Nodes"] = Nodes,
        ["RabbitMq__VirtualHost"] = VirtualHost,
        ["RabbitMq__QuorumQueues"] = "true",
        ["RabbitMq__ManagementUrl"] = Management[0],
    };

    public static async Task<BrokerCluster> CreateVirtualHostAsync()
    {
        await Starting.WaitAsync();
        try
        {
            if (!_started)
                await RunScriptAsync("start");
            _started = true;
        }
        finally
        {
            Starting.Release();
        }
        var api = new HttpClient { BaseAddress = new Uri(Management[0]) };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.ASCII.GetBytes("guest:guest")));
        var name = $"e2e-{Guid.NewGuid():N}";
        (await api.PutAsync($"/api/vhosts/{name}", null)).EnsureSuccessStatusCode();
        var permissions = new StringContent("""{"configure":".*","write":".*","read":".*"}""", Encoding.UTF8, "application/json");
        (await api.PutAsync($"/api/permissions/{name}/guest", permissions)).EnsureSuccessStatusCode();
        return new BrokerCluster(name, api);
    }

    /// <summary>Stops node <paramref name="node"/> (1, 2 or 3); the other two keep the cluster's majority.</summary>
    public static Task StopNodeAsync(int node) => RunScriptAsync($"stop {node}");

    /// <summary>Starts the nodes that are stopped; they rejoin the cluster.</summary>
    public static Task StartAsync() => RunScriptAsync("start");

    /// <summary>The queues of this virtual host, each with its type, as a node that is up lists them.</summary>
    public async Task<List<Broker.QueueInfo>> QueuesAsync(int node = 1) =>
        await _api.GetFromJsonAsync<List<Broker.QueueInfo>>(new Uri(new Uri(Management[node - 1]), $"/api/queues/{VirtualHost}")) ?? [];

    private static async Task RunScriptAsync(string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo("bash", $"\"{Script}\" {arguments}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"infra/rabbitmq-cluster.sh {arguments} failed ({process.ExitCode}):\n{await output}{await errors}");
    }

    public async ValueTask DisposeAsync()
    {
        await _api.DeleteAsync($"/api/vhosts/{VirtualHost}");
        _api.Dispose();
    }
}
