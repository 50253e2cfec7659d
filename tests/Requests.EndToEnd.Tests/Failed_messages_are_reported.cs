using System.Text.Json;
using MassTransit;
using Requests.Contracts.Intake;
using Requests.EndToEnd.Tests.Infrastructure;

namespace Requests.EndToEnd.Tests;

/// <summary>
/// A consumer that fails on every retry moves the message to its <c>_error</c> queue, where nothing is lost;
/// the service's <c>/health</c> report names the queue until someone deals with it.
/// </summary>
public sealed class Failed_messages_are_reported : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("requests-errors-").FullName;
    private Broker _broker = null!;
    private IBusControl _failing = null!;

    public async Task InitializeAsync()
    {
        _broker = await Broker.CreateVirtualHostAsync();
        _failing = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(Broker.Host, Broker.Port, _broker.VirtualHost, h => { h.Username("guest"); h.Password("guest"); });
            cfg.UseMessageRetry(r => r.Intervals(50, 100));
            cfg.ReceiveEndpoint("e2e-always-failing", e =>
                e.Handler<SubmissionsStored>(_ => throw new InvalidOperationException("The downstream store is broken.")));
        });
        await _failing.StartAsync(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);
    }

    [Fact]
    public async Task The_health_report_names_the_error_queue_holding_the_message()
    {
        await using var intake = await IntakeProcess.StartAsync(Path.Combine(_folder, "intake.db"), _broker);
        using var http = new HttpClient { BaseAddress = intake.Address };
        Assert.Equal("Healthy", await StatusAsync(http));

        await Filing.FileAsync(http, 1);

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await StatusAsync(http) != "Degraded" && DateTime.UtcNow < deadline)
            await Task.Delay(250);
        var report = await http.GetStringAsync("/health");
        Assert.Contains("e2e-always-failing_error: 1 failed", report, StringComparison.Ordinal);
        // degraded, not down: the service still takes filings
        Assert.Equal(System.Net.HttpStatusCode.OK, (await http.GetAsync("/health/ready")).StatusCode);
    }

    private static async Task<string?> StatusAsync(HttpClient http)
    {
        using var report = JsonDocument.Parse(await http.GetStringAsync("/health"));
        return report.RootElement.GetProperty("status").GetString();
    }

    public async Task DisposeAsync()
    {
        await _failing.StopAsync();
        await _broker.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}
