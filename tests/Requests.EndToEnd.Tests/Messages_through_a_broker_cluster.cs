using System.Collections.Concurrent;
using MassTransit;
using Requests.Contracts.Intake;
using Requests.EndToEnd.Tests.Infrastructure;

namespace Requests.EndToEnd.Tests;

/// <summary>
/// Intake as a real process on the three-node cluster with quorum queues, and a consumer on the cluster: the queues
/// are replicated, and a message published while the node everyone was connected to is down is delivered once.
/// </summary>
public sealed class Messages_through_a_broker_cluster : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("requests-cluster-").FullName;
    private readonly ConcurrentDictionary<Guid, int> _deliveries = new();
    private BrokerCluster _cluster = null!;
    private IBusControl _consumer = null!;

    public async Task InitializeAsync()
    {
        _cluster = await BrokerCluster.CreateVirtualHostAsync();
        _consumer = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host("cluster", 0, _cluster.VirtualHost, h =>
            {
                h.Username("guest");
                h.Password("guest");
                h.UseCluster(c => Array.ForEach(BrokerCluster.Nodes.Split(','), c.Node));
            });
            cfg.ReceiveEndpoint("e2e-cluster-record-submission", e =>
            {
                e.SetQuorumQueue();
                e.Handler<SubmissionsStored>(context =>
                {
                    foreach (var submitted in context.Message.Submissions)
                        _deliveries.AddOrUpdate(submitted.CaseId, 1, (_, n) => n + 1);
                    return Task.CompletedTask;
                });
            });
        });
        await _consumer.StartAsync(new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);
    }

    [Fact]
    public async Task Every_queue_is_a_quorum_queue_and_a_message_published_while_a_node_is_down_is_delivered_once()
    {
        await using var intake = await ServiceProcess.StartAsync("intake", Path.Combine(AppContext.BaseDirectory, "Requests.Intake.dll"),
            Path.Combine(_folder, "intake.db"), new Dictionary<string, string>(_cluster.Settings())
            {
                ["ConnectionStrings__Database"] = $"Data Source={Path.Combine(_folder, "intake.db")}",
                ["Intake__RateLimits__SubmissionsPerMinute"] = "1000000",
            });
        using var http = new HttpClient { BaseAddress = intake.Address };
        var before = await Filing.FileManyAsync(http, 50);
        await WaitForAsync(before);

        var queues = (await _cluster.QueuesAsync()).Where(q => !q.AutoDelete).ToList();
        Assert.Contains(queues, q => q.Name == "e2e-cluster-record-submission");
        Assert.Contains(queues, q => q.Name != "e2e-cluster-record-submission"); // intake's own consumers
        Assert.All(queues, q => Assert.Equal("quorum", q.Type));

        // node 1 is first in every client's list, so intake and the consumer are connected to it, and it leads the queues
        await BrokerCluster.StopNodeAsync(1);
        try
        {
            var during = await Filing.FileManyAsync(http, 100);
            await WaitForAsync(during);
            await Task.Delay(2000); // time for a second delivery to show

            Assert.Equal(before.Concat(during).Select(r => r.CaseId).Order(), _deliveries.Keys.Order());
            Assert.All(_deliveries, d => Assert.Equal(1, d.Value));
            Assert.All((await _cluster.QueuesAsync(node: 2)).Where(q => !q.AutoDelete), q => Assert.Equal("quorum", q.Type));
        }
        finally
        {
            await BrokerCluster.StartAsync();
        }
    }

    private async Task WaitForAsync(List<Receipt> receipts)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline && !receipts.All(r => _deliveries.ContainsKey(r.CaseId)))
            await Task.Delay(250);
        Assert.All(receipts, r => Assert.True(_deliveries.ContainsKey(r.CaseId), $"{r.TrackingNumber} was not delivered"));
    }

    public async Task DisposeAsync()
    {
        await _consumer.StopAsync();
        await _cluster.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}
