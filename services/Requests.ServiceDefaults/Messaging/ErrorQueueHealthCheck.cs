using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Requests.ServiceDefaults.Messaging;

/// <summary>
/// Reports the messages that failed every retry and wait in an <c>*_error</c> queue of the service's virtual
/// host, read from RabbitMQ's management API. Degraded, not unhealthy: the service still takes traffic, but
/// someone must look at those messages and move them back once the cause is fixed.
/// </summary>
internal sealed class ErrorQueueHealthCheck(IHttpClientFactory clients, RabbitMqOptions settings) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var http = clients.CreateClient();
        http.Timeout = TimeSpan.FromSeconds(5);
        var vhost = Uri.EscapeDataString(settings.VirtualHost);
        using var request = new HttpRequestMessage(HttpMethod.Get,
            new Uri(new Uri(settings.ManagementUrl!), $"api/queues/{vhost}?columns=name,messages"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{settings.Username}:{settings.Password}")));
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            response.EnsureSuccessStatusCode();
            var queues = await response.Content.ReadFromJsonAsync<List<QueueInfo>>(cancellationToken) ?? [];
            var failed = queues.Where(q => q.Name.EndsWith("_error", StringComparison.Ordinal) && q.Messages > 0).ToList();
            return failed.Count == 0
                ? HealthCheckResult.Healthy("No message waits in an error queue.")
                : HealthCheckResult.Degraded(string.Join(", ", failed.Select(q => $"{q.Name}: {q.Messages} failed")));
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return HealthCheckResult.Degraded("The broker's management API does not answer.", ex);
        }
    }

    private sealed record QueueInfo(string Name, long Messages);
}
