using Microsoft.Data.Sqlite;
using Requests.EndToEnd.Tests.Infrastructure;

namespace Requests.EndToEnd.Tests;

/// <summary>
/// Intake as a real process, a real RabbitMQ node, and a downstream consumer with an inbox: every acknowledged
/// submission reaches the consumer's queue and is handled exactly once, whatever happens to intake in between.
/// </summary>
public sealed class Submissions_published_through_the_real_broker : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("requests-e2e-").FullName;
    private Broker _broker = null!;
    private SubmissionRecorder _recorder = null!;

    private string IntakeDb => Path.Combine(_folder, "intake.db");

    public async Task InitializeAsync()
    {
        _broker = await Broker.CreateVirtualHostAsync();
        // the consumer's queue exists before anything is published, as routing's does in production
        _recorder = await SubmissionRecorder.StartAsync(_broker, Path.Combine(_folder, "recorder.db"));
    }

    [Fact]
    public async Task Each_of_N_submissions_is_delivered_and_handled_exactly_once()
    {
        await using var intake = await IntakeProcess.StartAsync(IntakeDb, _broker);
        using var http = new HttpClient { BaseAddress = intake.Address };

        var receipts = await Filing.FileManyAsync(http, 300);

        var handled = await _recorder.WaitForAsync(300, TimeSpan.FromSeconds(60));
        Assert.Equal(receipts.Select(r => r.CaseId).Order(), handled.Select(h => h.CaseId).Order());
        Assert.Equal(300, _recorder.Deliveries);
    }

    [Fact]
    public async Task Submissions_stored_before_a_crash_are_published_after_the_restart()
    {
        // the relay is held back, then the process is killed: every receipt is stored, none is published yet
        var first = await IntakeProcess.StartAsync(IntakeDb, _broker, relay: false);
        using (var http = new HttpClient { BaseAddress = first.Address })
        {
            var receipts = await Filing.FileManyAsync(http, 200);
            first.Kill();
            await first.DisposeAsync();
            await Task.Delay(1000);
            Assert.Empty(await _recorder.HandledAsync());

            await using var second = await IntakeProcess.StartAsync(IntakeDb, _broker);
            var handled = await _recorder.WaitForAsync(200, TimeSpan.FromSeconds(60));
            Assert.Equal(receipts.Select(r => r.CaseId).Order(), handled.Select(h => h.CaseId).Order());
        }
    }

    [Fact]
    public async Task Messages_published_again_after_a_crash_are_handled_once()
    {
        var receipts = new List<Receipt>();
        await using (var intake = await IntakeProcess.StartAsync(IntakeDb, _broker))
        {
            using var http = new HttpClient { BaseAddress = intake.Address };
            receipts.AddRange(await Filing.FileManyAsync(http, 100));
            await _recorder.WaitForAsync(100, TimeSpan.FromSeconds(60));
            intake.Kill();
        }
        // as if the process had died after the broker confirmed but before the rows were marked sent
        await using (var connection = new SqliteConnection($"Data Source={IntakeDb};Pooling=false"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE outbox_messages SET sent_at = NULL";
            Assert.InRange(await command.ExecuteNonQueryAsync(), 1, 100);
        }

        await using var restarted = await IntakeProcess.StartAsync(IntakeDb, _broker);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (_recorder.Deliveries < 200 && DateTime.UtcNow < deadline)
            await Task.Delay(250);

        Assert.Equal(200, _recorder.Deliveries);
        var handled = await _recorder.HandledAsync();
        Assert.Equal(receipts.Select(r => r.CaseId).Order(), handled.Select(h => h.CaseId).Order());
    }

    [Fact]
    public async Task No_acknowledged_submission_is_lost_when_intake_is_killed_under_load()
    {
        var receipts = new System.Collections.Concurrent.ConcurrentBag<Receipt>();
        var first = await IntakeProcess.StartAsync(IntakeDb, _broker);
        using (var http = new HttpClient { BaseAddress = first.Address })
        {
            using var stop = new CancellationTokenSource();
            var load = Task.WhenAll(Enumerable.Range(0, 8).Select(async worker =>
            {
                for (var n = 0; !stop.IsCancellationRequested; n++)
                {
                    try { receipts.Add(await Filing.FileAsync(http, worker * 100_000 + n)); }
                    catch (HttpRequestException) { return; } // the process is gone: this one was never acknowledged
                }
            }));
            await Task.Delay(1500);
            first.Kill();
            stop.Cancel();
            await load;
            await first.DisposeAsync();
        }
        Assert.NotEmpty(receipts);

        await using var restarted = await IntakeProcess.StartAsync(IntakeDb, _broker);
        var stored = await CountAsync("SELECT COUNT(*) FROM cases");
        var handled = await _recorder.WaitForAsync((int)stored, TimeSpan.FromSeconds(60));

        // every acknowledged case was handled; a case stored whose answer was lost in the crash is handled too
        Assert.Subset(handled.Select(h => h.CaseId).ToHashSet(), receipts.Select(r => r.CaseId).ToHashSet());
        Assert.Equal(stored, handled.Count);
        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM outbox_messages WHERE sent_at IS NULL"));
    }

    [Fact]
    public async Task Publishing_resumes_after_the_broker_closes_the_relay_s_connection()
    {
        await using var intake = await IntakeProcess.StartAsync(IntakeDb, _broker);
        using var http = new HttpClient { BaseAddress = intake.Address };
        var receipts = await Filing.FileManyAsync(http, 50);
        await _recorder.WaitForAsync(50, TimeSpan.FromSeconds(60));

        // the relay publishes through the bus, on the service's one connection
        Assert.Equal(1, await _broker.CloseConnectionsAsync("Requests.Intake"));
        receipts.AddRange(await Filing.FileManyAsync(http, 50));

        var handled = await _recorder.WaitForAsync(100, TimeSpan.FromSeconds(60));
        Assert.Equal(receipts.Select(r => r.CaseId).Order(), handled.Select(h => h.CaseId).Order());
    }

    [Fact]
    public async Task Readiness_reports_a_broker_that_cannot_be_reached()
    {
        await using var intake = await IntakeProcess.StartAsync(IntakeDb, _broker, brokerPort: 1, waitUntilReady: false);
        using var http = new HttpClient { BaseAddress = intake.Address };
        await Task.Delay(2000);
        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, (await http.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await http.GetAsync("/health/live")).StatusCode);
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={IntakeDb};Pooling=false");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public async Task DisposeAsync()
    {
        await _recorder.DisposeAsync();
        await _broker.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
