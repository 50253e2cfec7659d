using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.EntityFrameworkCore;
using Requests.Reporting.Reports;
using Requests.Reporting.Storage;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;
using Requests.ServiceDefaults.Auth;
using Requests.ServiceDefaults.Calendar;
using Requests.ServiceDefaults.Messaging;
using Requests.Testing;

namespace Requests.Reporting.Tests;

/// <summary>A fresh reporting service: its own SQLite file in a temp folder, the in-memory bus, a fake clock.</summary>
public sealed class ReportingApp : WebApplicationFactory<Program>
{
    // Sunday 1 March 2026, 10:00 in Casablanca
    public static readonly DateTimeOffset DefaultNow = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly string _folder = Directory.CreateTempSubdirectory("reporting-tests-").FullName;

    public ReportingApp() => DatabaseFile = Path.Combine(_folder, "reporting.db");

    /// <summary>Settings given after the defaults (e.g. another database provider).</summary>
    public Dictionary<string, string?> Settings { get; } = [];

    public FakeClock Clock { get; } = new(DefaultNow);

    public string DatabaseFile { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("ConnectionStrings:Database", $"Data Source={DatabaseFile}");
        builder.UseSetting("RabbitMq:Transport", "inmemory");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Auth:PublicKeyFile", StaffKey.WritePublicKey(Path.Combine(_folder, "staff-key.pem")));
        foreach (var (key, value) in Settings)
            builder.UseSetting(key, value);
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    /// <summary>Signs the staff tokens in routing's stead: the app is given its public half.</summary>
    public TestSigningKey StaffKey { get; } = new();

    /// <summary>A client with a staff bearer token as routing signs them.</summary>
    public HttpClient StaffClient(string role, params string[] bodies)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", StaffKey.StaffToken(role, bodies, Clock.GetUtcNow()));
        return client;
    }

    public HttpClient Ministry() => StaffClient(StaffRoles.Ministry);

    public async Task<HttpResponseMessage> ImportAsync(string csv, HttpClient? client = null)
    {
        using var content = new StringContent(csv, Encoding.UTF8, "text/csv");
        return await (client ?? Ministry()).PostAsync("/api/import", content);
    }

    /// <summary>Imports <paramref name="csv"/> and fails unless it is accepted.</summary>
    public async Task<JsonElement> ImportOkAsync(string csv)
    {
        var response = await ImportAsync(csv);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    /// <summary>GET <paramref name="path"/> as the ministry; fails unless it answers 200.</summary>
    public async Task<JsonElement> GetJsonAsync(string path, HttpClient? client = null)
    {
        var response = await (client ?? Ministry()).GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    /// <summary>Publishes <paramref name="message"/> under <paramref name="messageId"/> and waits until it is handled.</summary>
    public async Task DeliverAsync<T>(T message, Guid? messageId = null) where T : class
    {
        var id = messageId ?? Guid.NewGuid();
        await Services.GetRequiredService<IBus>().Publish(message, message.GetType(), c => c.MessageId = id);
        // through the service's own context: the same wait on SQLite and PostgreSQL
        await WaitUntilAsync(async () =>
        {
            await using var scope = Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ReportingDbContext>();
            return await db.Set<InboxMessage>().AnyAsync(m => m.MessageId == id);
        });
    }

    /// <summary>
    /// The synthesis and <paramref name="bodyCode"/>'s report as the service answers them (from its cache, caught up
    /// on the writes since it read the year), then as a cold read of the database gives them (a fresh cache), as JSON.
    /// </summary>
    public async Task<(string Served, string Cold)> ReportsBothWaysAsync(int year, string asOf, string bodyCode)
    {
        var served = (await GetJsonAsync($"/api/reports/{year}/synthesis?asOf={asOf}")).GetRawText() + "\n" +
                     (await GetJsonAsync($"/api/reports/{year}/bodies/{bodyCode}?asOf={asOf}")).GetRawText();
        await using var scope = Services.CreateAsyncScope();
        using var fresh = new FactCache();
        var cold = new ReportBuilder(scope.ServiceProvider.GetRequiredService<ReportingDbContext>(), fresh,
            scope.ServiceProvider.GetRequiredService<PublishedCalendar>());
        var json = Services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var day = DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture);
        var synthesis = await cold.SynthesisAsync(year, day, CancellationToken.None);
        var body = await cold.BodyReportAsync(year, day, bodyCode, CancellationToken.None);
        return (served, JsonSerializer.Serialize(synthesis, json) + "\n" + JsonSerializer.Serialize(body, json));
    }

    /// <summary>How the service's cache got the years of its reports so far.</summary>
    public (long Reads, long Patches, long Hits, long Retries) CacheCounts => Services.GetRequiredService<FactCache>().Counts;

    public SqliteConnection OpenDatabase()
    {
        _ = Services;
        return SqliteQueries.Open(DatabaseFile);
    }

    public async Task<long> CountAsync(string table, string where = "1 = 1")
    {
        await using var connection = OpenDatabase();
        return await SqliteQueries.CountAsync(connection, table, where);
    }

    public async Task<List<Dictionary<string, object?>>> QueryAsync(string sql)
    {
        await using var connection = OpenDatabase();
        return await SqliteQueries.QueryAsync(connection, sql);
    }

    public static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException("The condition never held.");
            await Task.Delay(50);
        }
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
