using System.Net.Http.Json;
using Npgsql;

namespace Requests.Intake.Tests;

/// <summary>
/// Two intake instances on one PostgreSQL database, the same filings sent to both at once with their keys: one case per
/// key, and both answer its receipt. Needs the PostgreSQL that <c>./test.sh</c> starts.
/// </summary>
public sealed class Filing_again_with_the_same_key_on_PostgreSQL : IAsyncLifetime, IDisposable
{
    private static string Server => Environment.GetEnvironmentVariable("REQUESTS_POSTGRES") ?? "Host=127.0.0.1;Port=5442;Username=postgres";

    private readonly string _database = $"intake_keys_{Guid.NewGuid():N}";
    private readonly IntakeApp _first = new();
    private readonly IntakeApp _second = new();

    public Task InitializeAsync()
    {
        foreach (var app in new[] { _first, _second })
        {
            app.Settings["Database:Provider"] = "postgres";
            app.Settings["ConnectionStrings:Database"] = $"{Server};Database={_database}";
            app.Settings["Intake:RateLimits:SubmissionsPerMinute"] = "100000";
            // one key ring, as the instances of a deployment share: each opens the access codes the other sealed
            app.Settings["DataProtection:KeysPath"] = _first.Settings["DataProtection:KeysPath"];
            app.Settings["Intake:AccessCodeKeyFile"] = _first.Settings["Intake:AccessCodeKeyFile"];
        }
        _ = _first.Services; // migrates the database before the second starts
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Gives_one_case_per_key_whichever_instance_stores_it()
    {
        var clients = new[] { _first.CreateClient(), _second.CreateClient() };

        var answers = await Task.WhenAll(Enumerable.Range(0, 40).Select(async i =>
        {
            using var response = await Filing_again_with_the_same_key.FileAsync(clients[i % 2], "/api/requests",
                JsonContent.Create(Forms.Request().With("subject", $"Budget {i % 10}")), $"key-{i % 10}");
            return (Key: i % 10, Receipt: await response.ReadReceiptAsync());
        }));

        Assert.All(answers.GroupBy(a => a.Key), g => Assert.Single(g.Select(a => a.Receipt).Distinct()));
        Assert.Equal(10, answers.Select(a => a.Receipt.TrackingNumber).Distinct().Count());
        await using var connection = new NpgsqlConnection($"{Server};Database={_database}");
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT (SELECT COUNT(*) FROM cases) * 1000 + (SELECT COUNT(*) FROM idempotency_keys)", connection);
        Assert.Equal(10L * 1000 + 10, await count.ExecuteScalarAsync());
    }

    public async Task DisposeAsync()
    {
        await _second.DisposeAsync();
        await _first.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection($"{Server};Database=postgres");
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    public void Dispose()
    {
        _second.Dispose();
        _first.Dispose();
    }
}
