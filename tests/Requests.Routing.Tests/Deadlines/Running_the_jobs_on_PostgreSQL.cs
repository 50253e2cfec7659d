using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.States;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Requests.Routing.Assignment;
using Requests.ServiceDefaults.Messaging;
using static Requests.Routing.Tests.Deadlines.Sweeps;

namespace Requests.Routing.Tests.Deadlines;

/// <summary>
/// Routing on PostgreSQL keeps Hangfire's storage in the schema <c>hangfire</c> of its own database, and a triggered
/// sweep runs there. Needs the PostgreSQL that <c>./test.sh</c> starts.
/// </summary>
public sealed class Running_the_jobs_on_PostgreSQL : IAsyncLifetime, IDisposable
{
    private static string Server => Environment.GetEnvironmentVariable("REQUESTS_POSTGRES") ?? "Host=127.0.0.1;Port=5442;Username=postgres";

    private readonly string _database = $"routing_jobs_{Guid.NewGuid():N}";
    private readonly RoutingApp _app = new() { RunsJobs = true };
    private WebApplicationFactory<Program> _postgres = null!;

    public Task InitializeAsync()
    {
        _postgres = _app.WithWebHostBuilder(b => b
            .UseSetting("Database:Provider", "postgres")
            .UseSetting("ConnectionStrings:Database", $"{Server};Database={_database}"));
        return Task.CompletedTask;
    }

    [Fact]
    public async Task The_jobs_live_in_routings_database_and_a_triggered_sweep_runs()
    {
        await using (var scope = _postgres.Services.CreateAsyncScope())
        {
            var consumer = scope.ServiceProvider.GetRequiredService<AssignCaseOnSubmissionConsumer>();
            await scope.ServiceProvider.GetRequiredService<Inbox>().HandleAsync(nameof(AssignCaseOnSubmissionConsumer),
                [Submissions.Request(receivedOn: new DateOnly(2026, 11, 23))], _ => Guid.NewGuid(), consumer.AssignAsync,
                CancellationToken.None);
        }
        _app.Clock.Set(Local(2026, 12, 14));
        var storage = _postgres.Services.GetRequiredService<JobStorage>();

        var id = _postgres.Services.GetRequiredService<IRecurringJobManagerV2>().TriggerJob("deadline-sweep");

        Assert.IsType<PostgreSqlStorage>(storage);
        var state = await Running_the_jobs_on_Hangfire.SettledAsync(storage, id);
        Assert.Equal(SucceededState.StateName, state.Name);
        Assert.Equal("\"1 reminder, 0 missed\"", state.Data["Result"]);
        await using var connection = new NpgsqlConnection($"{Server};Database={_database}");
        await connection.OpenAsync();
        await using var jobs = new NpgsqlCommand("SELECT count(*) FROM hangfire.set WHERE key = 'recurring-jobs'", connection);
        Assert.Equal(2L, await jobs.ExecuteScalarAsync());
        await using var alerts = new NpgsqlCommand("SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%.DeadlineApproaching'", connection);
        Assert.Equal(1L, await alerts.ExecuteScalarAsync());
    }

    public void Dispose() => _app.Dispose();

    public async Task DisposeAsync()
    {
        await _postgres.DisposeAsync();
        await _app.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection($"{Server};Database=postgres");
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
