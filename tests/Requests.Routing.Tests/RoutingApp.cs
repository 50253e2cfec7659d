using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Requests.Contracts.Intake;
using Requests.Contracts.Routing;
using Requests.Routing.Accounts;
using Requests.Routing.Assignment;
using Requests.Routing.Storage;
using Requests.ServiceDefaults.Messaging;
using Requests.Testing;

namespace Requests.Routing.Tests;

/// <summary>A fresh routing service: its own SQLite file in a temp folder, the in-memory bus, a fake clock.</summary>
public sealed class RoutingApp : WebApplicationFactory<Program>
{
    // Monday 23 November 2026, 10:00 in Casablanca (UTC+1)
    public static readonly DateTimeOffset DefaultNow = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private readonly string _folder = Directory.CreateTempSubdirectory("routing-tests-").FullName;

    public RoutingApp() => DatabaseFile = Path.Combine(_folder, "routing.db");

    public FakeClock Clock { get; } = new(DefaultNow);

    public string DatabaseFile { get; }

    /// <summary>Whether the notification worker sends to the test run's SMTP server (maildev); off by default.</summary>
    public bool SendsMail { get; init; }

    /// <summary>Whether the deadline jobs run (a Hangfire server, its storage beside the database); off by default.</summary>
    public bool RunsJobs { get; init; }

    /// <summary>Whether those jobs also run on their schedule; by default only when the test runs them.</summary>
    public bool OnSchedule { get; init; }

    /// <summary>A cron that never comes (31 February), as Hangfire's <c>Cron.Never()</c>.</summary>
    public const string Never = "0 0 31 2 *";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("ConnectionStrings:Database", $"Data Source={DatabaseFile}");
        builder.UseSetting("RabbitMq:Transport", "inmemory");
        builder.UseSetting("Outbox:PollInterval", "00:00:00.200");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Auth:SigningKeyFile", Path.Combine(_folder, "signing-key.pem"));
        // notifications are recorded in every test; only the tests that read them from maildev send them
        builder.UseSetting("Notifications:Enabled", SendsMail ? "true" : "false");
        builder.UseSetting("Notifications:PollInterval", "00:00:00.200");
        builder.UseSetting("Notifications:Retries:0", "00:00:00.500");
        builder.UseSetting("Routing:Jobs:Enabled", RunsJobs ? "true" : "false");
        if (!OnSchedule)
        {
            // a run on the wall clock's minute would race the test's own steps
            builder.UseSetting("Routing:Jobs:SweepInterval", Never);
            builder.UseSetting("Routing:Jobs:DigestCron", Never);
        }
        if (Environment.GetEnvironmentVariable("REQUESTS_SMTP_PORT") is { Length: > 0 } smtpPort)
        {
            builder.UseSetting("Smtp:Host", Environment.GetEnvironmentVariable("REQUESTS_SMTP_HOST") ?? "127.0.0.1");
            builder.UseSetting("Smtp:Port", smtpPort);
        }
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    /// <summary>Hands a message straight to the consumer, as the bus would deliver it with this message id.</summary>
    public async Task ConsumeAsync(RequestSubmitted message, Guid? messageId = null) =>
        await ConsumeBatchAsync([(message, messageId ?? Guid.NewGuid())]);

    /// <summary>Hands messages to the consumer as one batch through the inbox, as the bus delivers them under load.</summary>
    public async Task ConsumeBatchAsync(IReadOnlyList<(RequestSubmitted Message, Guid MessageId)> batch)
    {
        await using var scope = Services.CreateAsyncScope();
        var consumer = scope.ServiceProvider.GetRequiredService<AssignCaseOnSubmissionConsumer>();
        await scope.ServiceProvider.GetRequiredService<Inbox>().HandleAsync(nameof(AssignCaseOnSubmissionConsumer), batch,
            b => b.MessageId, (fresh, cancellationToken) => consumer.AssignAsync([.. fresh.Select(b => b.Message)], cancellationToken),
            CancellationToken.None);
    }

    /// <summary>The password of every account <see cref="SignInAsync"/> creates.</summary>
    public const string Password = "correct horse battery staple";

    /// <summary>
    /// A client signed in with a new staff account of <paramref name="role"/> that signs in as the directory's
    /// <paramref name="officerIds"/> (e.g. <c>MEF-O1</c>): its requests carry the bearer token routing issued.
    /// </summary>
    public async Task<HttpClient> SignInAsync(string role, params string[] officerIds)
    {
        var name = await CreateAccountAsync(role, officerIds);
        var client = CreateClient();
        var login = await client.PostAsJsonAsync("/api/auth/login", new { userName = name, password = Password });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A new staff account of <paramref name="role"/> signing in as <paramref name="officerIds"/>; returns its user name.</summary>
    public async Task<string> CreateAccountAsync(string role, params string[] officerIds)
    {
        var name = $"{role}-{string.Join("-", officerIds)}-{Guid.NewGuid():N}";
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = new StaffUser { UserName = name, Email = $"{name}@example.ma", Role = role };
        var created = await users.CreateAsync(user, Password);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
        var db = scope.ServiceProvider.GetRequiredService<RoutingDbContext>();
        foreach (var officer in db.Officers.Where(o => officerIds.Contains(o.Id)))
            officer.AccountId = user.Id;
        await db.SaveChangesAsync();
        return name;
    }

    /// <summary>Runs <paramref name="change"/> on the service's database and saves it: test data set up by hand.</summary>
    public async Task ChangeAsync(Action<RoutingDbContext> change)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RoutingDbContext>();
        change(db);
        await db.SaveChangesAsync();
    }

    /// <summary>A connection of our own to the service's file (WAL lets us read while it writes).</summary>
    public SqliteConnection OpenDatabase()
    {
        _ = Services; // starts the app, which creates the database
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

    /// <summary>The cases the outbox's <see cref="CasesOpened"/> messages carry, in order.</summary>
    public async Task<List<CaseOpened>> OpenedAsync() =>
        [.. (await QueryAsync($"SELECT body FROM outbox_messages WHERE message_type = '{typeof(CasesOpened).FullName}' ORDER BY seq"))
            .SelectMany(row => JsonSerializer.Deserialize<CasesOpened>((string)row["body"]!, OutboxMessage.Json)!.Cases)];

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
