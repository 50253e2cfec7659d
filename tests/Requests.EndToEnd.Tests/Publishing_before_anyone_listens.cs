using Microsoft.Data.Sqlite;
using Requests.EndToEnd.Tests.Infrastructure;

namespace Requests.EndToEnd.Tests;

/// <summary>
/// Intake publishes mandatory: while no queue is bound to a message, the broker returns it and it stays in the outbox,
/// tried again later, until the service that consumes it has started.
/// </summary>
public sealed class Publishing_before_anyone_listens : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("requests-e2e-").FullName;
    private Broker _broker = null!;

    public async Task InitializeAsync() => _broker = await Broker.CreateVirtualHostAsync();

    [Fact]
    public async Task A_request_filed_before_routing_started_waits_in_the_outbox_and_reaches_routing_once_it_runs()
    {
        await using var intake = await IntakeProcess.StartAsync(Path.Combine(_folder, "intake.db"), _broker);
        using var http = new HttpClient { BaseAddress = intake.Address };
        var receipt = await Filing.FileAsync(http, 1);

        // the broker returned it: nobody has a queue for SubmissionsStored on this virtual host
        await Steps.EventuallyAsync(() => Task.FromResult(intake.Log.Contains("No queue is bound to", StringComparison.Ordinal)),
            returned => returned, intake);
        Assert.Equal(0L, await ScalarAsync(intake.Database,
            "SELECT COUNT(*) FROM outbox_messages WHERE message_type LIKE '%SubmissionsStored' AND sent_at IS NOT NULL"));

        await using var routing = await RoutingProcess.StartAsync(Path.Combine(_folder, "routing.db"), _broker);

        await Steps.EventuallyAsync(() => ScalarAsync(routing.Database, $"SELECT status FROM cases WHERE id = '{receipt.CaseId}'"),
            status => status as string == "assigned", routing);
        Assert.Equal(1L, await ScalarAsync(intake.Database,
            "SELECT COUNT(*) FROM outbox_messages WHERE message_type LIKE '%SubmissionsStored' AND sent_at IS NOT NULL"));
    }

    [Fact]
    public async Task With_quorum_queues_set_every_queue_of_the_service_is_a_quorum_queue()
    {
        await using var routing = await RoutingProcess.StartAsync(Path.Combine(_folder, "routing.db"), _broker,
            settings: new Dictionary<string, string> { ["RabbitMq__QuorumQueues"] = "true" });

        var queues = await Steps.EventuallyAsync(_broker.QueuesAsync, listed => listed.Any(q => q.Name == "assign-case-on-submission"), routing);

        // all but the bus's own temporary queue, which goes with its connection
        var durable = queues.Where(q => !q.AutoDelete).ToList();
        Assert.Contains(durable, q => q.Name == "apply-citizen-action");
        Assert.All(durable, q => Assert.Equal((q.Name, "quorum"), (q.Name, q.Type)));
    }

    [Fact]
    public async Task Without_the_setting_queues_stay_classic()
    {
        await using var routing = await RoutingProcess.StartAsync(Path.Combine(_folder, "routing.db"), _broker);

        var queues = await Steps.EventuallyAsync(_broker.QueuesAsync, listed => listed.Any(q => q.Name == "assign-case-on-submission"), routing);

        Assert.Equal("classic", queues.Single(q => q.Name == "assign-case-on-submission").Type);
    }

    private static async Task<object?> ScalarAsync(string database, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    public async Task DisposeAsync()
    {
        await _broker.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // the processes may still hold their files for a moment; the temp folder is cleaned eventually
        }
    }
}
