using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Requests.Intake.Tests;

/// <summary>
/// A fresh intake service: its own SQLite file in a temp folder, the in-memory bus, a fake clock and settings
/// given with <c>UseSetting</c> (they reach the builder: see <see cref="Configuring_the_test_app"/>).
/// </summary>
public sealed class IntakeApp : WebApplicationFactory<Program>
{
    public const string StaffKey = "staff-key-for-tests";
    public const string AdminKey = "admin-key-for-tests";

    // Friday 23 October 2026, 10:00 in Casablanca (UTC+1): an ordinary working day
    public static readonly DateTimeOffset DefaultNow = new(2026, 10, 23, 9, 0, 0, TimeSpan.Zero);

    private readonly string _folder = Directory.CreateTempSubdirectory("intake-tests-").FullName;
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;

    public IntakeApp(Dictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        DatabaseFile = Path.Combine(_folder, "intake.db");
        _settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Database"] = $"Data Source={DatabaseFile}",
            ["RabbitMq:Transport"] = "inmemory",
            ["Intake:StaffApiKey"] = StaffKey,
            ["Intake:AdminApiKey"] = AdminKey,
            ["Intake:RateLimits:SubmissionsPerMinute"] = "1000",
            ["Intake:RateLimits:LookupsPerMinute"] = "1000",
            ["Outbox:PollInterval"] = "00:00:00.200",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? [])
            _settings[key] = value;
        _services = services;
    }

    public FakeClock Clock { get; } = new(DefaultNow);

    public string DatabaseFile { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        foreach (var (key, value) in _settings)
            builder.UseSetting(key, value);
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            _services?.Invoke(services);
        });
    }

    public async Task<HttpResponseMessage> PostJsonAsync(string path, JsonNode form, string? apiKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(form) };
        if (apiKey is not null)
            request.Headers.Add("X-Api-Key", apiKey);
        return await CreateClient().SendAsync(request);
    }

    /// <summary>A connection of our own to the service's file, outside the app (WAL lets us read while it writes).</summary>
    public SqliteConnection OpenDatabase()
    {
        var connection = new SqliteConnection($"Data Source={DatabaseFile};Pooling=False");
        connection.Open();
        return connection;
    }

    public async Task<long> CountAsync(string table, string where = "1 = 1")
    {
        await using var connection = OpenDatabase();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {table} WHERE {where}";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public async Task<List<Dictionary<string, object?>>> QueryAsync(string sql)
    {
        await using var connection = OpenDatabase();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<Dictionary<string, object?>>();
        while (await reader.ReadAsync())
            rows.Add(Enumerable.Range(0, reader.FieldCount)
                .ToDictionary(reader.GetName, i => reader.IsDBNull(i) ? null : reader.GetValue(i)));
        return rows;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // a pooled connection may still hold the file for a moment; the temp folder is cleaned eventually
        }
    }
}
