using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Requests.Harness;

/// <summary>
/// The whole system as it runs by default: intake, routing and reporting as Release processes, each on its SQLite
/// file, on a RabbitMQ virtual host of their own, writing to maildev; routing's administrator created from its
/// bootstrap settings, and the staff accounts every scenario signs in as.
/// </summary>
internal sealed class Deployment : IAsyncDisposable
{
    public const string AdminName = "admin";
    public const string AdminPassword = "the harness administrator's long passphrase";
    public const string StaffPassword = "a staff member's long passphrase";

    public static string RabbitHost => Environment.GetEnvironmentVariable("REQUESTS_RABBITMQ_HOST") ?? "127.0.0.1";
    public static string RabbitPort => Environment.GetEnvironmentVariable("REQUESTS_RABBITMQ_PORT") ?? "5682";
    public static string Management => Environment.GetEnvironmentVariable("REQUESTS_RABBITMQ_MANAGEMENT") ?? "http://127.0.0.1:15682";
    public static string SmtpPort => Environment.GetEnvironmentVariable("REQUESTS_SMTP_PORT") ?? "1025";
    public static string MaildevUrl => Environment.GetEnvironmentVariable("REQUESTS_MAILDEV_URL") ?? "http://127.0.0.1:1080";

    private readonly HttpClient _broker;

    private Deployment(string data, string virtualHost, HttpClient broker, Service intake, Service routing, Service reporting)
    {
        Data = data;
        VirtualHost = virtualHost;
        _broker = broker;
        Intake = intake;
        Routing = routing;
        Reporting = reporting;
    }

    public string Data { get; }
    public string VirtualHost { get; }
    public Service Intake { get; }
    public Service Routing { get; }
    public Service Reporting { get; }
    public IEnumerable<Service> Services => [Intake, Routing, Reporting];

    public string IntakeDb => Path.Combine(Data, "intake.db");
    public string RoutingDb => Path.Combine(Data, "routing.db");
    public string ReportingDb => Path.Combine(Data, "reporting.db");

    /// <summary>Starts the system in a fresh folder under <paramref name="root"/>: intake, reporting, then routing (as run.sh).</summary>
    public static async Task<Deployment> StartAsync(string root, string scenario, IReadOnlyDictionary<string, string>? settings = null)
    {
        var data = Directory.CreateDirectory(Path.Combine(root, scenario)).FullName;
        var virtualHost = $"harness-{scenario}-{Guid.NewGuid():N}"[..40];
        var broker = new HttpClient { BaseAddress = new Uri(Management) };
        broker.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.ASCII.GetBytes("guest:guest")));
        (await broker.PutAsync($"/api/vhosts/{virtualHost}", null)).EnsureSuccessStatusCode();
        using (var permissions = new StringContent("""{"configure":".*","write":".*","read":".*"}""", Encoding.UTF8, "application/json"))
            (await broker.PutAsync($"/api/permissions/{virtualHost}/guest", permissions)).EnsureSuccessStatusCode();

        var routingPort = Service.FreePort();
        var reportingPort = Service.FreePort();
        Dictionary<string, string> Common(string name) => new()
        {
            ["ConnectionStrings__Database"] = $"Data Source={Path.Combine(data, name + ".db")}",
            ["RabbitMq__Host"] = RabbitHost,
            ["RabbitMq__Port"] = RabbitPort,
            ["RabbitMq__VirtualHost"] = virtualHost,
            ["RabbitMq__ManagementUrl"] = Management,
            ["Smtp__Port"] = SmtpPort,
            ["Auth__Authority"] = $"http://127.0.0.1:{routingPort}",
            ["DataProtection__KeysPath"] = Path.Combine(data, name + "-keys"),
            ["Logging__LogLevel__Default"] = "Warning",
        };
        var intakeSettings = Common("intake");
        intakeSettings["Intake__RateLimits__SubmissionsPerMinute"] = "100000000";
        intakeSettings["Intake__RateLimits__LookupsPerMinute"] = "100000000";
        // each body's public figures come from reporting
        intakeSettings["Services__Reporting"] = $"http://127.0.0.1:{reportingPort}";
        var routingSettings = Common("routing");
        routingSettings["Routing__Admin__UserName"] = AdminName;
        routingSettings["Routing__Admin__Password"] = AdminPassword;
        routingSettings["Routing__Admin__Email"] = "admin@harness.example.ma";
        routingSettings["Auth__SigningKeyFile"] = Path.Combine(data, "routing-signing-key.pem");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            intakeSettings[key] = value;
            routingSettings[key] = value;
        }
        var intake = new Service("intake", Service.BuildOf("Requests.Intake"), Service.FreePort(), intakeSettings, Path.Combine(data, "intake.log"));
        var reporting = new Service("reporting", Service.BuildOf("Requests.Reporting"), reportingPort, Common("reporting"), Path.Combine(data, "reporting.log"));
        var routing = new Service("routing", Service.BuildOf("Requests.Routing"), routingPort, routingSettings, Path.Combine(data, "routing.log"));
        var deployment = new Deployment(data, virtualHost, broker, intake, routing, reporting);
        try
        {
            foreach (var service in deployment.Services.OrderBy(s => s == routing))
                await service.StartAsync();
            await deployment.CreateAccountsAsync();
        }
        catch
        {
            await deployment.DisposeAsync();
            throw;
        }
        return deployment;
    }

    /// <summary>The accounts the scenarios use: officers of MEF and of MSPS, MEF's head and the ministry.</summary>
    public static readonly (string UserName, string Role, string[] Officers)[] Accounts =
    [
        ("mef.officer", "officer", ["MEF-O1"]),
        ("msps.officer", "officer", ["MSPS-O1"]),
        ("mef.head", "head", ["MEF-H"]),
        ("ministry", "ministry", []),
    ];

    private async Task CreateAccountsAsync()
    {
        using var admin = await SignInAsync(Routing.Address, AdminName, AdminPassword);
        foreach (var (userName, role, officers) in Accounts)
        {
            using var created = await admin.PostAsJsonAsync("/api/accounts", new
            {
                userName, email = $"{userName}@harness.example.ma", password = StaffPassword, role, officerIds = officers,
            });
            if (!created.IsSuccessStatusCode)
                throw new InvalidOperationException($"Creating {userName}: {(int)created.StatusCode} {await created.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>A client of <paramref name="address"/> with a staff bearer token from routing.</summary>
    public async Task<HttpClient> StaffAsync(Uri address, string userName) =>
        await SignInAsync(address, userName, userName == AdminName ? AdminPassword : StaffPassword);

    private async Task<HttpClient> SignInAsync(Uri address, string userName, string password)
    {
        var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
        using var login = await client.PostAsJsonAsync(new Uri(Routing.Address, "/api/auth/login"), new { userName, password });
        if (!login.IsSuccessStatusCode)
            throw new InvalidOperationException($"Signing in as {userName}: {(int)login.StatusCode} {await login.Content.ReadAsStringAsync()}");
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Messages waiting in this virtual host's <c>*_error</c> queues.</summary>
    public async Task<long> FailedMessagesAsync()
    {
        var queues = await _broker.GetFromJsonAsync<List<JsonElement>>($"/api/queues/{VirtualHost}") ?? [];
        return queues.Where(q => q.GetProperty("name").GetString()!.EndsWith("_error", StringComparison.Ordinal))
            .Sum(q => q.TryGetProperty("messages", out var m) && m.ValueKind == JsonValueKind.Number ? m.GetInt64() : 0);
    }

    /// <summary>Runs <c>infra/{script}.sh {command}</c> with this run's ports (exported by harness.sh).</summary>
    public static async Task InfraAsync(string script, string command)
    {
        var infra = Environment.GetEnvironmentVariable("REQUESTS_INFRA")
            ?? throw new InvalidOperationException("REQUESTS_INFRA is not set: run through ./harness.sh.");
        using var process = Process.Start(new ProcessStartInfo("bash", [Path.Combine(infra, script + ".sh"), command])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"infra/{script}.sh {command} exited with {process.ExitCode}: {await output}{await errors}");
    }

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        foreach (var service in Services)
            await service.StopAsync();
        try
        {
            using var _ = await _broker.DeleteAsync($"/api/vhosts/{VirtualHost}");
        }
        catch (HttpRequestException)
        {
        }
        _broker.Dispose();
    }
}
