using System.Net.Http.Headers;
using System.Text;

namespace Requests.Staff.Benchmarks;

/// <summary>A RabbitMQ virtual host of the run's own (the broker ./bench.sh starts), deleted after.</summary>
internal sealed class RabbitVirtualHost : IAsyncDisposable
{
    public static string Host => Environment.GetEnvironmentVariable("REQUESTS_RABBITMQ_HOST") ?? "127.0.0.1";
    public static string Port => Environment.GetEnvironmentVariable("REQUESTS_RABBITMQ_PORT") ?? "5682";
    public static string Management => Environment.GetEnvironmentVariable("REQUESTS_RABBITMQ_MANAGEMENT") ?? "http://127.0.0.1:15682";

    private readonly HttpClient _api;

    private RabbitVirtualHost(string name, HttpClient api)
    {
        Name = name;
        _api = api;
    }

    public string Name { get; }

    public static async Task<RabbitVirtualHost> CreateAsync()
    {
        var api = new HttpClient { BaseAddress = new Uri(Management) };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.ASCII.GetBytes("guest:guest")));
        var name = $"bench-{Guid.NewGuid():N}";
        try
        {
            (await api.PutAsync(new Uri($"/api/vhosts/{name}", UriKind.Relative), null)).EnsureSuccessStatusCode();
            using var permissions = new StringContent("""{"configure":".*","write":".*","read":".*"}""", Encoding.UTF8, "application/json");
            (await api.PutAsync(new Uri($"/api/permissions/{name}/guest", UriKind.Relative), permissions)).EnsureSuccessStatusCode();
        }
        catch (HttpRequestException ex)
        {
            api.Dispose();
            throw new InvalidOperationException($"RabbitMQ's management API is not reachable at {Management}: run through ./bench.sh, which starts the broker.", ex);
        }
        return new RabbitVirtualHost(name, api);
    }

    /// <summary>
    /// Binds to <paramref name="exchange"/> (MassTransit's exchange of a message type) a queue that takes every message and
    /// keeps none: it stands in for a service not started, whose queue would take what routing publishes.
    /// </summary>
    public async Task BindSinkAsync(string exchange)
    {
        using var fanout = new StringContent("""{"type":"fanout","durable":true}""", Encoding.UTF8, "application/json");
        (await _api.PutAsync(new Uri($"/api/exchanges/{Name}/{Uri.EscapeDataString(exchange)}", UriKind.Relative), fanout)).EnsureSuccessStatusCode();
        using var queue = new StringContent("""{"durable":true,"arguments":{"x-max-length":0}}""", Encoding.UTF8, "application/json");
        (await _api.PutAsync(new Uri($"/api/queues/{Name}/sink", UriKind.Relative), queue)).EnsureSuccessStatusCode();
        using var binding = new StringContent("{}", Encoding.UTF8, "application/json");
        (await _api.PostAsync(new Uri($"/api/bindings/{Name}/e/{Uri.EscapeDataString(exchange)}/q/sink", UriKind.Relative), binding))
            .EnsureSuccessStatusCode();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            using var _ = await _api.DeleteAsync(new Uri($"/api/vhosts/{Name}", UriKind.Relative));
        }
        catch (HttpRequestException)
        {
        }
        _api.Dispose();
    }
}
