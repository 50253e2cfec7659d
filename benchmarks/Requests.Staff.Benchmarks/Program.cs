using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Requests.Staff.Benchmarks;

// The staff workspace benchmark. Routing's database gets the open cases of one body and one case with a long audit
// trail; routing (with its RabbitMQ) and the workspace run as real Release processes; the clients sign in through the
// workspace's sign-in form, each with a session of its own, and load the queue page, a deep page of it and the case
// page, each next to the routing API call behind it, in a closed loop.
Options options;
try
{
    options = Options.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var data = options.DataRoot is { } root
    ? Directory.CreateDirectory(Path.Combine(root, $"staff-bench-{DateTime.UtcNow:yyyyMMdd-HHmmss}")).FullName
    : Directory.CreateTempSubdirectory("staff-bench-").FullName;
var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "?";
Console.WriteLine($"Staff workspace benchmark: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, " +
                  $".NET {Environment.Version}, load average {load}");
Console.WriteLine($"{options.Cases:N0} open cases of one body, a case with {options.AuditEntries} audit entries; {options.Clients} clients, " +
                  $"closed loop{(options.Think > TimeSpan.Zero ? $" with a pause of 0 to {2 * options.Think.TotalMilliseconds:0} ms (mean {options.Think.TotalMilliseconds:0}) before each request" : "")}, warm-up {options.Warmup.TotalSeconds:0} s then {options.Duration.TotalSeconds:0} s per measurement. Data and logs: {data}");

var run = new BenchmarkRun(options, data);
var failed = false;
try
{
    await run.RunAsync();
}
catch (Exception ex)
{
    Console.Error.WriteLine($"\nThe benchmark failed: {ex}");
    failed = true;
}
run.Print();
if (options.Keep || failed)
    Console.WriteLine($"Data and server logs kept in {data}");
else
    Directory.Delete(data, recursive: true);
return failed ? 1 : 0;

namespace Requests.Staff.Benchmarks
{
    internal sealed partial class BenchmarkRun(Options options, string data)
    {
        private const string Body = "MEF";
        private const string UserName = "bench.officer";
        private const string Password = "bench.officer has a long passphrase";
        private const string AdminName = "admin";
        private const string AdminPassword = "an administrator's long passphrase";
        private static readonly string[] Officers = ["MEF-O1", "MEF-O2", "MEF-S1"];

        private readonly List<Figures> _results = [];
        private readonly List<string> _notes = [];

        public async Task RunAsync()
        {
            await using var broker = await RabbitVirtualHost.CreateAsync();
            // what routing publishes at its start, which intake and reporting (not started) would take
            foreach (var published in new[] { "BodyDirectoryPublished", "CalendarPublished" })
                await broker.BindSinkAsync($"Requests.Contracts.Routing:{published}");
            var database = Path.Combine(data, "routing.db");
            Console.WriteLine("\nStarting routing (Release, own process; migrates and seeds its directory) ...");
            await using var routing = await ServerProcess.StartAsync(ServerProcess.BuildOf("Requests.Routing"), new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["ConnectionStrings__Database"] = $"Data Source={database}",
                ["RabbitMq__Host"] = RabbitVirtualHost.Host,
                ["RabbitMq__Port"] = RabbitVirtualHost.Port,
                ["RabbitMq__VirtualHost"] = broker.Name,
                ["RabbitMq__ManagementUrl"] = RabbitVirtualHost.Management,
                ["Smtp__Port"] = Environment.GetEnvironmentVariable("REQUESTS_SMTP_PORT") ?? "1025",
                ["Routing__Admin__UserName"] = AdminName,
                ["Routing__Admin__Password"] = AdminPassword,
                ["Auth__SigningKeyFile"] = Path.Combine(data, "routing-key.pem"),
                ["DataProtection__KeysPath"] = Path.Combine(data, "routing-keys"),
            }, Path.Combine(data, "routing.log"));
            Console.WriteLine($"  pid {routing.Process.Id} at {routing.Address}");

            using var api = Load.Client(routing.Address);
            api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await LoginAsync(api, AdminName, AdminPassword));
            using (var created = await api.PostAsJsonAsync("/api/accounts", new
            {
                userName = UserName, email = "bench.officer@example.ma", password = Password, role = "officer", officerIds = new[] { Officers[0] },
            }))
                if (!created.IsSuccessStatusCode)
                    throw new InvalidOperationException($"Creating the officer's account: {(int)created.StatusCode} {await created.Content.ReadAsStringAsync()}");

            Console.WriteLine($"Writing {options.Cases:N0} open cases of {Body} and {options.AuditEntries} audit entries into routing's database ...");
            var seeding = System.Diagnostics.Stopwatch.StartNew();
            var caseId = Seed.Write(database, options.Cases, options.AuditEntries, Body, Officers, DateOnly.FromDateTime(DateTime.UtcNow));
            Console.WriteLine($"  {seeding.Elapsed.TotalSeconds:0.0} s, one transaction");

            Console.WriteLine("Starting the staff workspace (Release, own process) ...");
            await using var staff = await ServerProcess.StartAsync(ServerProcess.BuildOf("Requests.Staff"), new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Services__Routing"] = routing.Address.ToString(),
                // the pages measured call routing only: nothing listens at these
                ["Services__Intake"] = $"http://127.0.0.1:{ServerProcess.FreePort()}",
                ["Services__Reporting"] = $"http://127.0.0.1:{ServerProcess.FreePort()}",
                // plain HTTP on the loopback: a secure-only cookie would never come back
                ["Staff__SecureCookies"] = "false",
                ["DataProtection__KeysPath"] = Path.Combine(data, "staff-keys"),
            }, Path.Combine(data, "staff.log"));
            Console.WriteLine($"  pid {staff.Process.Id} at {staff.Address}");

            Console.WriteLine($"Signing in {options.Clients} times through the workspace's sign-in form, and once at routing's API ...");
            var pages = new List<HttpClient>();
            var apis = new List<HttpClient>();
            try
            {
                for (var i = 0; i < options.Clients; i++)
                    pages.Add(await SignInAsync(staff.Address));
                var token = await LoginAsync(api, UserName, Password);
                for (var i = 0; i < options.Clients; i++)
                {
                    var client = Load.Client(routing.Address);
                    client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
                    apis.Add(client);
                }

                var deepPage = options.DeepPage ?? Math.Max(1, (options.Cases + 24) / 25);
                var deepOffset = (deepPage - 1) * 25;
                var caseHasPage = await CheckAsync(pages[0], apis[0], caseId, deepPage);

                await MeasureAsync("workspace GET /queue (page 1)", pages, "/queue", routing, staff);
                await MeasureAsync("  routing GET /api/queue?limit=25", apis, "/api/queue?limit=25&offset=0", routing, null);
                await MeasureAsync($"workspace GET /queue?page={deepPage}", pages, $"/queue?page={deepPage}", routing, staff);
                await MeasureAsync($"  routing GET /api/queue?limit=25&offset={deepOffset}", apis, $"/api/queue?limit=25&offset={deepOffset}", routing, null);
                await MeasureAsync($"workspace GET /cases/{{id}}{(caseHasPage ? "" : " (no page yet: 404)")}", pages, $"/cases/{caseId}", routing, staff);
                await MeasureAsync("  routing GET /api/cases/{id}", apis, $"/api/cases/{caseId}", routing, null);
            }
            finally
            {
                foreach (var client in pages.Concat(apis))
                    client.Dispose();
            }
        }

        /// <summary>
        /// Before measuring, that each address answers what it should: the queue page its 25 lines of the body's cases,
        /// the API the whole count and the audit trail. Returns whether the workspace has the case page yet.
        /// </summary>
        private async Task<bool> CheckAsync(HttpClient page, HttpClient api, Guid caseId, int deepPage)
        {
            var queue = await page.GetAsync(new Uri("/queue", UriKind.Relative));
            var html = await queue.Content.ReadAsStringAsync();
            var lines = CaseLink().Count(html);
            if (!queue.IsSuccessStatusCode || lines != 25)
                throw new InvalidOperationException($"The queue page answered {(int)queue.StatusCode} with {lines} case lines (25 expected).");
            var deep = await page.GetAsync(new Uri($"/queue?page={deepPage}", UriKind.Relative));
            if (!deep.IsSuccessStatusCode || CaseLink().Count(await deep.Content.ReadAsStringAsync()) == 0)
                throw new InvalidOperationException($"Page {deepPage} of the queue answered {(int)deep.StatusCode} or without cases.");
            using var list = JsonDocument.Parse(await api.GetStringAsync(new Uri("/api/queue?limit=25", UriKind.Relative)));
            var total = list.RootElement.GetProperty("total").GetInt32();
            if (total != options.Cases)
                throw new InvalidOperationException($"Routing's queue counts {total} cases, not {options.Cases}.");
            using var one = JsonDocument.Parse(await api.GetStringAsync(new Uri($"/api/cases/{caseId}", UriKind.Relative)));
            var audit = one.RootElement.GetProperty("audit").GetArrayLength();
            if (audit != options.AuditEntries)
                throw new InvalidOperationException($"Routing's case has {audit} audit entries, not {options.AuditEntries}.");
            var tracking = one.RootElement.GetProperty("trackingNumber").GetString()!;
            using var shown = await page.GetAsync(new Uri($"/cases/{caseId}", UriKind.Relative));
            var body = await shown.Content.ReadAsStringAsync();
            if (shown.StatusCode == HttpStatusCode.NotFound)
            {
                _notes.Add("the workspace has no case page yet (404): its line counts errors only, not latencies");
                return false;
            }
            if (!shown.IsSuccessStatusCode || !body.Contains(tracking, StringComparison.Ordinal))
                _notes.Add($"the case page answered {(int)shown.StatusCode}{(shown.IsSuccessStatusCode ? $" without the tracking number {tracking}" : "")}");
            return true;
        }

        private async Task MeasureAsync(string name, List<HttpClient> clients, string path, ServerProcess routing, ServerProcess? staff)
        {
            Console.WriteLine($"\n{name}: warm-up ...");
            await Load.RunAsync(name, clients, path, options.Warmup, options.Think, routing, staff);
            Console.WriteLine($"{name}: {options.Duration.TotalSeconds:0} s ...");
            var figures = await Load.RunAsync(name, clients, path, options.Duration, options.Think, routing, staff);
            _results.Add(figures);
            Console.WriteLine($"  {figures.PerSecond:N0} req/s, p50 {Ms(figures.P(50))}, p95 {Ms(figures.P(95))}, p99 {Ms(figures.P(99))} ms, " +
                              $"non-2xx {figures.Errors}{(figures.FirstError is { } e ? $" (first: {e})" : "")}");
            if (figures.FirstError is { } error)
                _notes.Add($"{name.Trim()}: {figures.Errors:N0} answers not 2xx, the first {error}");
        }

        public void Print()
        {
            const string format = "{0,-52} {1,7} {2,8} {3,7} {4,7} {5,7} {6,7} {7,8} {8,7} {9,8} {10,8}  {11}";
            Console.WriteLine();
            var header = string.Format(CultureInfo.InvariantCulture, format, "measurement", "clients", "requests", "req/s", "p50 ms",
                "p95 ms", "p99 ms", "max ms", "non-2xx", "rout. ms", "staff ms", "p95 < 100 ms");
            Console.WriteLine(header);
            Console.WriteLine(new string('-', header.Length));
            foreach (var r in _results)
                Console.WriteLine(string.Format(CultureInfo.InvariantCulture, format, r.Name, r.Clients, r.Requests.ToString("N0", CultureInfo.InvariantCulture),
                    r.PerSecond.ToString("N0", CultureInfo.InvariantCulture), Ms(r.P(50)), Ms(r.P(95)), Ms(r.P(99)), Ms(r.P(100)), r.Errors,
                    Ms(r.RoutingCpuMs), Ms(r.StaffCpuMs), r.Met ? "yes" : "NO"));
            Console.WriteLine("Latencies are of the 2xx answers only, from the send to the last byte read; non-2xx answers (a 404, a redirect to " +
                              "the sign-in page) are counted apart and fail the target. rout./staff ms: CPU milliseconds per request in routing / the workspace.");
            foreach (var note in _notes)
                Console.WriteLine($"  note: {note}");
        }

        private static string Ms(double? value) =>
            value is not { } v ? "-" : v.ToString(v >= 100 ? "0" : "0.0", CultureInfo.InvariantCulture);

        private static async Task<string> LoginAsync(HttpClient routing, string userName, string password)
        {
            using var response = await routing.PostAsJsonAsync("/api/auth/login", new { userName, password });
            if (!response.IsSuccessStatusCode)
                throw new InvalidOperationException($"Signing in {userName} at routing: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            using var tokens = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            return tokens.RootElement.GetProperty("accessToken").GetString()!;
        }

        /// <summary>A client with a session of its own: the sign-in form read for its antiforgery token, then posted.</summary>
        private static async Task<HttpClient> SignInAsync(Uri staff)
        {
            var client = Load.Client(staff, new CookieContainer());
            var form = await client.GetStringAsync(new Uri("/signin", UriKind.Relative));
            var token = AntiforgeryToken().Match(form) is { Success: true } match
                ? match.Groups[1].Value
                : throw new InvalidOperationException("The sign-in form has no antiforgery token.");
            using var posted = await client.PostAsync(new Uri("/signin", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["UserName"] = UserName, ["Password"] = Password, ["__RequestVerificationToken"] = token,
            }));
            if (posted.StatusCode != HttpStatusCode.Redirect)
                throw new InvalidOperationException($"Signing in through the workspace answered {(int)posted.StatusCode}, not a redirect.");
            return client;
        }

        [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
        private static partial Regex AntiforgeryToken();

        [GeneratedRegex("href=\"/cases/[0-9a-f-]{36}\"")]
        private static partial Regex CaseLink();
    }
}
