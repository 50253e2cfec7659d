using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;

namespace Requests.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The real RabbitMQ node started by <c>infra/rabbitmq.sh</c> (through <c>./test.sh</c>). Each test gets a virtual
/// host of its own, so queues left by other tests never receive its messages. No broker: the test fails.
/// </summary>
public sealed class Broker : IAsyncDisposable
{
    public static string Host => Environment.GetEnvironmentVariable("REQUESTS_RABBITMQ_HOST") ?? "127.0.0.1";
    public static ushort Port => ushort.Parse(Environment.GetEnvironmentVariable("REQUESTS_RABBITMQ_PORT") ?? "5682", CultureInfo.InvariantCulture);
    public static string Management => Environment.GetEnvironmentVariable("REQUESTS_RABBITMQ_MANAGEMENT") ?? "http://127.0.0.1:15682";

    private readonly HttpClient _api;

    public string VirtualHost { get; }

    private Broker(string virtualHost, HttpClient api)
    {
        VirtualHost = virtualHost;
        _api = api;
    }

    /// <summary>The settings a service needs to use this virtual host, as environment variables.</summary>
    public static Dictionary<string, string> Settings(Broker broker, ushort? port = null) => new()
    {
        ["RabbitMq__Host"] = Host,
        ["RabbitMq__Port"] = (port ?? Port).ToString(CultureInfo.InvariantCulture),
        ["RabbitMq__VirtualHost"] = broker.VirtualHost,
        ["RabbitMq__ManagementUrl"] = Management,
    };

    public static async Task<Broker> CreateVirtualHostAsync()
    {
        await EnsureReachableAsync();
        var api = new HttpClient { BaseAddress = new Uri(Management) };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.ASCII.GetBytes("guest:guest")));
        var name = $"e2e-{Guid.NewGuid():N}";
        (await api.PutAsync($"/api/vhosts/{name}", null)).EnsureSuccessStatusCode();
        var permissions = new StringContent("""{"configure":".*","write":".*","read":".*"}""", Encoding.UTF8, "application/json");
        (await api.PutAsync($"/api/permissions/{name}/guest", permissions)).EnsureSuccessStatusCode();
        return new Broker(name, api);
    }

    /// <summary>
    /// Has the broker close this virtual host's client connections whose name contains <paramref name="name"/>, as a
    /// broker restart or a network cut would; returns how many it closed (waiting up to 10 s for one to be listed).
    /// </summary>
    public async Task<int> CloseConnectionsAsync(string name)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var listed = await _api.GetFromJsonAsync<List<ConnectionInfo>>($"/api/vhosts/{VirtualHost}/connections") ?? [];
            var matching = listed.Where(c => c.ClientProperties?.ConnectionName?.Contains(name, StringComparison.Ordinal) == true).ToList();
            if (matching.Count > 0 || DateTime.UtcNow > deadline)
            {
                foreach (var connection in matching)
                    (await _api.DeleteAsync($"/api/connections/{Uri.EscapeDataString(connection.Name)}")).EnsureSuccessStatusCode();
                return matching.Count;
            }
            await Task.Delay(250);
        }
    }

    /// <summary>The queues of this virtual host, each with its type (<c>classic</c> or <c>quorum</c>) and whether it goes with its connection.</summary>
    public async Task<List<QueueInfo>> QueuesAsync() =>
        await _api.GetFromJsonAsync<List<QueueInfo>>($"/api/queues/{VirtualHost}") ?? [];

    /// <summary>The bodies of the messages waiting in <paramref name="queue"/>, read and put back.</summary>
    public async Task<List<string>> PeekAsync(string queue)
    {
        var request = new StringContent("""{"count":10000,"ackmode":"ack_requeue_true","encoding":"auto"}""", Encoding.UTF8, "application/json");
        var response = await _api.PostAsync($"/api/queues/{VirtualHost}/{Uri.EscapeDataString(queue)}/get", request);
        response.EnsureSuccessStatusCode();
        return [.. (await response.Content.ReadFromJsonAsync<List<WaitingMessage>>() ?? []).Select(m => m.Payload)];
    }

    private sealed record WaitingMessage(string Payload);

    public sealed record QueueInfo(string Name, string Type,
        [property: System.Text.Json.Serialization.JsonPropertyName("auto_delete")] bool AutoDelete, int Consumers = 0);

    private sealed record ConnectionInfo(
        string Name,
        [property: System.Text.Json.Serialization.JsonPropertyName("client_properties")] ClientProperties? ClientProperties);

    private sealed record ClientProperties(
        [property: System.Text.Json.Serialization.JsonPropertyName("connection_name")] string? ConnectionName);

    private static async Task EnsureReachableAsync()
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(Host, Port).WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception ex) when (ex is SocketException or TimeoutException)
        {
            throw new InvalidOperationException(
                $"RabbitMQ is not reachable at {Host}:{Port}. Run the tests with ./test.sh, which starts it.", ex);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _api.DeleteAsync($"/api/vhosts/{VirtualHost}");
        _api.Dispose();
    }
}
