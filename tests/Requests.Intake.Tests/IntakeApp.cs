using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Requests.Intake.Tests;

/// <summary>
/// A fresh intake service: its own SQLite file in a temp folder, the in-memory bus, a fake clock and settings
/// given with <c>UseSetting</c> (they reach the builder: see <see cref="Configuring_the_test_app"/>).
/// </summary>
public sealed partial class IntakeApp : WebApplicationFactory<Program>
{
    // Friday 23 October 2026, 10:00 in Casablanca (UTC+1): an ordinary working day
    public static readonly DateTimeOffset DefaultNow = new(2026, 10, 23, 9, 0, 0, TimeSpan.Zero);

    private readonly string _folder;
    private bool _keepFolder;

    public IntakeApp()
        : this(Directory.CreateTempSubdirectory("intake-tests-").FullName)
    {
    }

    private IntakeApp(string folder)
    {
        _folder = folder;
        DatabaseFile = Path.Combine(_folder, "intake.db");
        Settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Database"] = $"Data Source={DatabaseFile}",
            ["RabbitMq:Transport"] = "inmemory",
            // the key ring that wraps the access codes' keys
            ["DataProtection:KeysPath"] = Path.Combine(_folder, "keys"),
            // the secret the access codes' hashes are keyed with
            ["Intake:AccessCodeKeyFile"] = Path.Combine(_folder, "keys", "access-code.key"),
            // routing's public key, as a file: here the tests sign the staff tokens themselves (IntakeApp.Staff.cs)
            ["Auth:PublicKeyFile"] = StaffKey.WritePublicKey(Path.Combine(_folder, "staff-key.pem")),
            // many tests file more than the 20 a minute allowed by default; the rate-limit tests lower these
            ["Intake:RateLimits:SubmissionsPerMinute"] = "1000",
            ["Intake:RateLimits:LookupsPerMinute"] = "1000",
            ["Outbox:PollInterval"] = "00:00:00.200",
            ["Logging:LogLevel:Default"] = "Warning",
            // receipts are recorded in every test; a test that reads them from maildev turns sending on
            ["Notifications:Enabled"] = "false",
            ["Notifications:PollInterval"] = "00:00:00.200",
            ["Notifications:Retries:0"] = "00:00:00.500",
        };
        if (Environment.GetEnvironmentVariable("REQUESTS_SMTP_PORT") is { Length: > 0 } smtpPort)
        {
            Settings["Smtp:Host"] = Environment.GetEnvironmentVariable("REQUESTS_SMTP_HOST") ?? "127.0.0.1";
            Settings["Smtp:Port"] = smtpPort;
        }
    }

    /// <summary>Settings for this app; change them before the first request.</summary>
    public Dictionary<string, string?> Settings { get; }

    /// <summary>Extra services for this app (a test consumer), registered after the app's own.</summary>
    public Action<IServiceCollection>? TestServices { get; init; }

    public FakeClock Clock { get; } = new(DefaultNow);

    public string DatabaseFile { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        foreach (var (key, value) in Settings)
            builder.UseSetting(key, value);
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            TestServices?.Invoke(services);
        });
    }

    public async Task<HttpResponseMessage> PostJsonAsync(string path, JsonNode form, HttpClient? client = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(form) };
        return await (client ?? CreateClient()).SendAsync(request);
    }

    /// <summary>Stops this app and gives another on the same database and clock: a service restart.</summary>
    public async Task<IntakeApp> RestartAsync()
    {
        _keepFolder = true;
        await DisposeAsync();
        var restarted = new IntakeApp(_folder) { TestServices = TestServices };
        foreach (var (key, value) in Settings)
            restarted.Settings[key] = value;
        restarted.Clock.Set(Clock.GetUtcNow());
        return restarted;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_keepFolder)
            return;
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
