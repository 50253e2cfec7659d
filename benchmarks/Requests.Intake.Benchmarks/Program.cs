using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Requests.Intake.Benchmarks;

if (args is [BareServer.Command, ..])
{
    await BareServer.RunAsync(args[1..]);
    return 0;
}

// The load generator runs socket completions on the epoll thread itself (no thread-pool hop per response): less client
// CPU on a machine whose two cores it shares with the server. Read once, before the first socket; the servers started
// from here do not inherit it (see ServerProcess).
Environment.SetEnvironmentVariable(ServerProcess.InlineCompletions, "1");

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
var run = new BenchmarkRun(options);
return await run.RunAsync();

namespace Requests.Intake.Benchmarks
{
    internal sealed class BenchmarkRun(Options options)
    {
        private readonly List<PhaseResult> _results = [];
        private readonly List<(string Phase, DateTime From, DateTime To)> _windows = [];

        // the open loop's offered rate for each server
        private readonly Dictionary<string, double> _rates = [];
        private readonly List<string> _notes = [];
        private Verification? _verification;
        private List<CommitBatches> _batches = [];
        private List<Components.Timing> _components = [];
        private string _data = "";
        private PhaseResult? _assignment;

        public async Task<int> RunAsync()
        {
            _data = options.DataRoot is { } root
                ? Directory.CreateDirectory(Path.Combine(root, $"intake-bench-{DateTime.UtcNow:yyyyMMdd-HHmmss}")).FullName
                : Directory.CreateTempSubdirectory("intake-bench-").FullName;
            PrintHeader();
            var failed = false;
            try
            {
                var intakeDatabase = Path.Combine(_data, "intake.db");
                if (options.Phases.Contains("components"))
                    MeasureComponents();
                if (options.Phases.Contains("intake"))
                    await RunIntakeAsync(intakeDatabase);
                if (options.Phases.Contains("sqlite"))
                    await RunSqliteAsync(intakeDatabase);
                if (options.Phases.Contains("bare"))
                    await RunBareAsync();
                if (options.Phases.Contains("assignment"))
                    await RunAssignmentAsync();
                if (options.Phases.Contains("scaled"))
                    foreach (var result in await ScaledIntake.RunAsync(options, _data, e => WithServerSettings(e, intake: true)))
                        Add(result);
                if (options.Phases.Contains("documents"))
                    await DocumentTransfer.RunAsync(_data, e => WithServerSettings(e, intake: true));
            }
            catch (Exception ex)
            {
                Console.Error.WriteLine($"\nThe benchmark failed: {ex}");
                failed = true;
            }
            PrintReport();
            PrintAssignmentResult();
            if (options.Keep || failed)
                Console.WriteLine($"Data and server logs kept in {_data}");
            else
                Directory.Delete(_data, recursive: true);
            return failed || _verification is { Passed: false } ? 1 : 0;
        }

        private void PrintHeader()
        {
            var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "?";
            Console.WriteLine($"Intake benchmark: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, " +
                              $".NET {Environment.Version}, load average {load}");
            Console.WriteLine($"Data (fresh SQLite files, WAL, synchronous=FULL): {_data}");
            Console.WriteLine($"Phases: warm-up {options.IntakeWarmup.TotalSeconds:0} s (intake) / {options.Warmup.TotalSeconds:0} s (bare), then {options.Duration.TotalSeconds:0} s each; " +
                              $"{options.Connections} connections; open loop at {(options.Rate is { } r ? r.ToString("N0", CultureInfo.InvariantCulture) : "half the saturation")}/s; intake transport {options.Transport}, " +
                              $"outbox relay {(options.Outbox ? "on" : "off")}");
        }

        // ---- the steps of a filing, one by one ----------------------------------------------------------------------------

        private void MeasureComponents()
        {
            Console.WriteLine("\nTiming the steps of a filing in this process (one thread) ...");
            _components = Components.Measure(TimeSpan.FromMilliseconds(600));
        }

        // ---- intake ---------------------------------------------------------------------------------------------------

        private async Task RunIntakeAsync(string database)
        {
            await using var vhost = options.Transport == "rabbitmq" ? await RabbitVirtualHost.CreateAsync() : null;
            var environment = new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["ConnectionStrings__Database"] = $"Data Source={database}",
                ["RabbitMq__Transport"] = options.Transport,
                ["Intake__RateLimits__SubmissionsPerMinute"] = "100000000",
                ["Outbox__Enabled"] = options.Outbox ? "true" : "false",
                // the receipts are recorded with each filing (measured); sending them is the SMTP server's pace, not measured
                ["Notifications__Enabled"] = "false",
            };
            WithServerSettings(environment, intake: true);
            if (vhost is not null)
            {
                // the relay publishes mandatory: a message no queue takes stays in the outbox, so routing's queue is stood in for
                await vhost.BindSinkAsync("Requests.Contracts.Intake:SubmissionsStored");
                environment["RabbitMq__Host"] = RabbitVirtualHost.Host;
                environment["RabbitMq__Port"] = RabbitVirtualHost.Port;
                environment["RabbitMq__VirtualHost"] = vhost.Name;
            }
            var dll = Path.Combine(AppContext.BaseDirectory, "Requests.Intake.dll");
            Console.WriteLine($"\nStarting the intake service (Release, own process): dotnet {Path.GetFileName(dll)}");
            var server = await ServerProcess.StartAsync(dll, "", environment, Path.Combine(_data, "intake.log"),
                "/health/ready", TimeSpan.FromSeconds(60));
            Console.WriteLine($"  pid {server.Process.Id}, listening on {server.Host}, log {server.Log}");
            var workers = Enumerable.Range(0, options.Connections)
                .Select(_ => new LoadWorker(server.EndPoint, new FilingRequests(server.Host), collectTrackingNumbers: true))
                .ToList();
            try
            {
                await Task.WhenAll(workers.Select(w => w.ConnectAsync()));
                await MeasureAsync("intake", server, workers, after => Backlog.WaitForAsync(database, options.Outbox, after));
            }
            finally
            {
                foreach (var worker in workers)
                    worker.Close();
                await server.DisposeAsync();
            }

            var acknowledged = workers.SelectMany(w => w.TrackingNumbers).ToList();
            _verification = Verification.Check(database, acknowledged, workers.Sum(w => w.AllErrors));
            _batches = CommitBatches.Read(database, _windows.Where(w => w.Phase.StartsWith("intake", StringComparison.Ordinal)));
            if (!_verification.Passed)
                _notes.Add($"Intake log: {server.Log}");
        }

        /// <summary>
        /// Adds what every start of a service gets: for intake, its gen0 budget as run.sh and docker-compose.yml give it
        /// (see Requests.Intake.csproj); then the <c>--set</c> settings, which override the benchmark's own.
        /// </summary>
        private Dictionary<string, string> WithServerSettings(Dictionary<string, string> environment, bool intake)
        {
            if (intake)
                environment["DOTNET_GCgen0size"] = "0x4000000";
            // staff tokens: routing signs with a key of this run, intake checks them with its public half
            var privateKey = Path.Combine(_data, "staff-key.pem");
            var publicKey = Path.Combine(_data, "staff-key.public.pem");
            if (!File.Exists(publicKey))
            {
                using var ecdsa = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
                File.WriteAllText(privateKey, ecdsa.ExportPkcs8PrivateKeyPem());
                File.WriteAllText(publicKey, ecdsa.ExportSubjectPublicKeyInfoPem());
            }
            environment[intake ? "Auth__PublicKeyFile" : "Auth__SigningKeyFile"] = intake ? publicKey : privateKey;
            foreach (var (key, value) in options.ServerSettings)
                environment[key] = value;
            return environment;
        }

        // ---- submission in intake to assignment in routing --------------------------------------------------------------

        private async Task RunAssignmentAsync()
        {
            if (options.Transport != "rabbitmq")
                throw new InvalidOperationException("The assignment phase needs RabbitMQ: run it through ./bench.sh (or --transport rabbitmq).");
            await using var vhost = await RabbitVirtualHost.CreateAsync();
            // in place of reporting's queue, which takes routing's CasesOpened (reporting is not started)
            await vhost.BindSinkAsync("Requests.Contracts.Routing:CasesOpened");
            var routingDatabase = Path.Combine(_data, "routing.db");
            Dictionary<string, string> Settings(string database, bool intake) => WithServerSettings(new()
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["ConnectionStrings__Database"] = $"Data Source={database}",
                ["DataProtection__KeysPath"] = Path.Combine(_data, "keys"),
                ["RabbitMq__Transport"] = "rabbitmq",
                ["RabbitMq__Host"] = RabbitVirtualHost.Host,
                ["RabbitMq__Port"] = RabbitVirtualHost.Port,
                ["RabbitMq__VirtualHost"] = vhost.Name,
                ["Intake__RateLimits__SubmissionsPerMinute"] = "100000000",
                ["Notifications__Enabled"] = "false",
            }, intake);
            // routing first, so its queue is bound before intake publishes
            Console.WriteLine("\nStarting the routing and intake services (Release, own processes, one RabbitMQ virtual host)");
            var routingSettings = Settings(routingDatabase, intake: false);
            if (options.RoutingWalPages is { } pages)
                routingSettings["Database__WalAutocheckpointPages"] = pages.ToString(CultureInfo.InvariantCulture);
            var routing = await ServerProcess.StartAsync(Assignment.RoutingDll(), "", routingSettings,
                Path.Combine(_data, "routing.log"), "/health/ready", TimeSpan.FromSeconds(60));
            var intake = await ServerProcess.StartAsync(Path.Combine(AppContext.BaseDirectory, "Requests.Intake.dll"), "",
                Settings(Path.Combine(_data, "intake-assignment.db"), intake: true), Path.Combine(_data, "intake-assignment.log"),
                "/health/ready", TimeSpan.FromSeconds(60));
            Console.WriteLine($"  routing pid {routing.Process.Id}, intake pid {intake.Process.Id}");
            var workers = Enumerable.Range(0, Math.Min(options.Connections, 64))
                .Select(_ => new LoadWorker(intake.EndPoint, new FilingRequests(intake.Host), collectTrackingNumbers: true))
                .ToList();
            try
            {
                await Task.WhenAll(workers.Select(w => w.ConnectAsync()));
                var cpu = new CpuMeter(() => intake.Process);
                Console.WriteLine($"  warm-up {options.IntakeWarmup.TotalSeconds:0} s at {options.AssignmentRate:N0}/s ...");
                await LoadGenerator.OpenLoopAsync("warm-up", workers, options.AssignmentRate, options.IntakeWarmup, cpu);
                var skip = workers.Select(w => w.TrackingNumbers.Count).ToList();
                var anchorUtc = DateTime.UtcNow;
                var anchorTicks = Stopwatch.GetTimestamp();
                Console.WriteLine($"  open loop at {options.AssignmentRate:N0}/s for {options.Duration.TotalSeconds:0} s ...");
                var watcher = new Assignment.Watcher(routingDatabase);
                var receipts = await LoadGenerator.OpenLoopAsync($"intake POST, {options.AssignmentRate:N0}/s, routing on",
                    workers, options.AssignmentRate, options.Duration, cpu);
                Add(receipts);
                var total = workers.Sum(w => w.TrackingNumbers.Count);
                if (!await Assignment.WaitForAsync(routingDatabase, total, TimeSpan.FromSeconds(120)))
                    _notes.Add($"routing had not assigned all {total:N0} cases 120 s after the run");
                await watcher.DisposeAsync();
                var sent = workers.Select((w, i) => w.TrackingNumbers.Zip(w.DueAt).Skip(skip[i])).SelectMany(x => x).ToList();
                var (stamped, _) = Assignment.Latencies(routingDatabase, sent, anchorUtc, anchorTicks);
                var (assigned, missing) = Assignment.Seen(watcher.Seen, sent);
                var latencies = Assignment.Milliseconds(assigned);
                var result = new PhaseResult("submission -> assignment in routing", workers.Count.ToString(CultureInfo.InvariantCulture),
                    latencies.Length, latencies.Length, missing, receipts.Elapsed, latencies, null,
                    missing > 0 ? $"{missing} acknowledged filings not seen assigned" : null, null,
                    "from when the request was due to when its assignment was seen committed in routing's database (polled every 3 ms)");
                Add(result);
                Add(new PhaseResult("  (routing's assigned_at, stamped as its batch starts)", "", stamped.Length, stamped.Length, 0,
                    receipts.Elapsed, stamped, null, null, null, null));
                _assignment = result;
                if (options.Timeline)
                {
                    Console.WriteLine(Timeline.Write(Path.Combine(_data, "timeline-assignment-intake.csv"), workers));
                    Console.WriteLine(Timeline.Write(Path.Combine(_data, "timeline-assignment.csv"), assigned, 100));
                }
            }
            finally
            {
                foreach (var worker in workers)
                    worker.Close();
                await intake.DisposeAsync();
                await routing.DisposeAsync();
            }
        }

        // ---- the bare endpoint ----------------------------------------------------------------------------------------

        private async Task RunBareAsync()
        {
            var dll = Path.Combine(AppContext.BaseDirectory, "Requests.Intake.Benchmarks.dll");
            Console.WriteLine("\nStarting the bare minimal-API endpoint (Release, own process, server GC like the intake)");
            var server = await ServerProcess.StartAsync(dll, BareServer.Command,
                new Dictionary<string, string> { ["DOTNET_gcServer"] = "1", ["ASPNETCORE_ENVIRONMENT"] = "Production" },
                Path.Combine(_data, "bare.log"), "/health/live", TimeSpan.FromSeconds(30));
            Console.WriteLine($"  pid {server.Process.Id}, listening on {server.Host}");
            var workers = Enumerable.Range(0, options.Connections)
                .Select(_ => new LoadWorker(server.EndPoint, new FilingRequests(server.Host), collectTrackingNumbers: false))
                .ToList();
            try
            {
                await Task.WhenAll(workers.Select(w => w.ConnectAsync()));
                await MeasureAsync("bare", server, workers, null);
            }
            finally
            {
                foreach (var worker in workers)
                    worker.Close();
                await server.DisposeAsync();
            }
        }

        private static readonly TimeSpan RateWarmup = TimeSpan.FromSeconds(3);

        /// <summary>
        /// Warm-up, saturation (closed loop) and the fixed offered rate (open loop), against one server. Before the open
        /// loop, <paramref name="settle"/> waits until the server has done the work it put off while saturated, so that
        /// the fixed rate is measured on its own, not on top of a backlog; after it, how long the work it put off took.
        /// </summary>
        private async Task MeasureAsync(string target, ServerProcess server, List<LoadWorker> workers, Func<string, Task<string>>? settle)
        {
            var label = target == "intake" ? "intake POST /api/requests" : "bare minimal-API POST";
            var cpu = new CpuMeter(() => server.Process);
            var warmup = target == "intake" ? options.IntakeWarmup : options.Warmup;
            Console.WriteLine($"  warm-up {warmup.TotalSeconds:0} s ...");
            await LoadGenerator.ClosedLoopAsync("warm-up", workers, warmup, cpu);
            Console.WriteLine($"  saturation {options.Duration.TotalSeconds:0} s ...");
            var from = DateTime.UtcNow;
            var saturation = await LoadGenerator.ClosedLoopAsync($"{label}, saturation", workers, options.Duration, cpu);
            _windows.Add(($"{target} saturation", from, DateTime.UtcNow));
            Add(saturation);
            await SettleAsync("saturation");
            var rate = options.Rate ?? Math.Max(100, Math.Round(saturation.PerSecond / 200) * 100);
            _rates[target] = rate;
            // the server sat idle while it settled: a few seconds at the rate first, as after any warm-up
            Console.WriteLine($"  open loop at {rate:N0}/s, {RateWarmup.TotalSeconds:0} s of warm-up, then {options.Duration.TotalSeconds:0} s ...");
            await LoadGenerator.OpenLoopAsync("warm-up", workers, rate, RateWarmup, cpu);
            from = DateTime.UtcNow;
            var fixedRate = await LoadGenerator.OpenLoopAsync($"{label}, {rate:N0}/s offered", workers, rate,
                options.Duration, cpu);
            _windows.Add(($"{target} {rate:N0}/s", from, DateTime.UtcNow));
            Add(fixedRate);
            // what the fixed rate put off too: the receipts' e-mails, written at a low pace during a flood
            await SettleAsync($"{rate:N0}/s");
            if (options.Timeline)
                Console.WriteLine(Timeline.Write(Path.Combine(_data, $"timeline-{target}.csv"), workers));

            async Task SettleAsync(string after)
            {
                if (settle is null)
                    return;
                var settled = await settle(after);
                Console.WriteLine($"  {settled}");
                _notes.Add($"{label}: {settled}");
            }
        }

        private void Add(PhaseResult result)
        {
            _results.Add(result);
            Console.WriteLine($"    {result.PerSecond,10:N0} /s  p50 {Ms(result.LatencyMs, 50)}  p99 {Ms(result.LatencyMs, 99)} ms  errors {result.Errors}");
            if (result.ErrorSummary is not null)
                _notes.Add($"{result.Name}: {result.ErrorSummary}");
        }

        // ---- raw SQLite -----------------------------------------------------------------------------------------------

        private async Task RunSqliteAsync(string intakeDatabase)
        {
            if (!File.Exists(intakeDatabase))
            {
                // the schema and row shape come from a database the service itself migrated and filled: make one
                Console.WriteLine("\nCreating an intake database for the SQLite phases (schema and a real row)");
                var quick = options with { IntakeWarmup = TimeSpan.FromSeconds(1), Duration = TimeSpan.FromSeconds(1) };
                await new BenchmarkRun(quick) { _data = _data }.RunIntakeAsync(intakeDatabase);
            }
            var template = SqliteInserts.ReadTemplate(intakeDatabase);
            var path = Path.Combine(_data, "raw.db");
            var single = TimeSpan.FromSeconds(Math.Min(options.Duration.TotalSeconds, 8));
            Console.WriteLine($"\nRaw SQLite, same schema and row shape, 1 receipt per transaction, {single.TotalSeconds:0} s ...");
            Add(SqliteInserts.OneReceiptPerTransaction(path, template, single));
            var batched = TimeSpan.FromSeconds(Math.Min(options.Duration.TotalSeconds, 5));
            Console.WriteLine($"Raw SQLite, 1,000 receipts per transaction, {batched.TotalSeconds:0} s ...");
            Add(SqliteInserts.Batched(path, template, 1000, batched));
        }

        // ---- the report -----------------------------------------------------------------------------------------------

        private void PrintReport()
        {
            // --phases documents alone prints its own table
            if (_results.Count == 0 && _components.Count == 0 && options.Phases.SetEquals(["documents"]))
                return;
            Console.WriteLine();
            const string format = "{0,-44} {1,5} {2,9} {3,8} {4,8} {5,8} {6,8} {7,7} {8,8} {9,8} {10,6}";
            var header = string.Format(CultureInfo.InvariantCulture, format, "phase", "conns", "req/s", "p50 ms", "p90 ms",
                "p99 ms", "max ms", "errors", "srv µs", "cli µs", "other");
            Console.WriteLine(header);
            Console.WriteLine(new string('-', header.Length));
            foreach (var r in _results)
            {
                Console.WriteLine(string.Format(CultureInfo.InvariantCulture, format, r.Name, r.Connections,
                    r.PerSecond.ToString("N0", CultureInfo.InvariantCulture), Ms(r.LatencyMs, 50), Ms(r.LatencyMs, 90),
                    Ms(r.LatencyMs, 99), Ms(r.LatencyMs, 100), r.Errors, Micros(r.Cpu?.ServerMicrosPerRequest),
                    Micros(r.Cpu?.ClientMicrosPerRequest), r.Cpu is null ? "" : $"{Math.Max(0, CpuUse.Cores(r.Cpu.Other, r.Cpu.Wall)):0.00}"));
                if (r.ServiceMs is { } service)
                    Console.WriteLine(string.Format(CultureInfo.InvariantCulture, format, "  (same, timed from the actual send)", "", "",
                        Ms(service, 50), Ms(service, 90), Ms(service, 99), Ms(service, 100), "", "", "", ""));
                if (r.Unit is not null)
                    Console.WriteLine($"  ({r.Unit})");
            }
            Console.WriteLine("srv/cli µs: CPU microseconds per request in the server / in this load generator; " +
                              "other: cores used meanwhile by everything else on the machine.");

            if (_components.Count > 0)
            {
                Console.WriteLine("\nCPU per step of one filing, measured alone in this process (µs per call, one thread, best of 3 rounds):");
                foreach (var c in _components)
                    Console.WriteLine($"  {c.Step,-56} {c.MicrosPerCall,8:0.00}");
                Console.WriteLine($"  {"sum of these steps",-56} {_components.Sum(c => c.MicrosPerCall),8:0.00}");
            }

            if (_batches.Count > 0)
            {
                Console.WriteLine("\nGroup commits of the receipt writer (filings per transaction, from the outbox rows' shared created_at):");
                foreach (var b in _batches)
                    Console.WriteLine($"  {b.Phase,-22} {b.Commits,8:N0} commits ({b.PerSecond:N0}/s), filings per commit: " +
                                      $"mean {b.Mean:0.0}, p50 {b.P50}, p90 {b.P90}, max {b.Max}");
            }

            if (_verification is { } v)
            {
                Console.WriteLine("\nAfter the run (intake stopped):");
                Console.WriteLine($"  201 answers: {v.Acknowledged:N0} ({v.DistinctAcknowledged:N0} distinct tracking numbers); " +
                                  $"requests without an answer or with an error: {v.Unanswered:N0}");
                Console.WriteLine($"  cases rows: {v.Cases:N0} ({v.DistinctInDatabase:N0} distinct tracking numbers); filings in outbox messages: " +
                                  $"{v.OutboxMessages:N0} ({v.OutboxSent:N0} already relayed); acknowledged but missing: {v.AcknowledgedMissing:N0}");
                Console.WriteLine(v.Passed
                    ? "  PASS: every acknowledged receipt is stored and carried by an outbox message, and every tracking number is distinct."
                    : "  FAIL: the stored rows do not match the 201 answers (see the counts above).");
            }
            foreach (var note in _notes)
                Console.WriteLine($"  note: {note}");

            var intake = _results.FirstOrDefault(r => r.Name.StartsWith("intake", StringComparison.Ordinal) && r.ServiceMs is null);
            var intakeRate = _results.FirstOrDefault(r => r.Name.StartsWith("intake", StringComparison.Ordinal) && r.ServiceMs is not null);
            var bare = _results.FirstOrDefault(r => r.Name.StartsWith("bare", StringComparison.Ordinal) && r.ServiceMs is null);
            if (intake is not null)
            {
                // the targets: at least a fifth of the bare endpoint's rate, and p99 under 20 ms at half the saturation
                var line = new StringBuilder($"\nRESULT: intake {intake.PerSecond:N0} submissions/s at saturation");
                var ratio = bare is null ? (double?)null : intake.PerSecond / bare.PerSecond;
                if (bare is not null)
                    line.Append(CultureInfo.InvariantCulture, $" = {ratio:P0} of the bare endpoint ({bare.PerSecond:N0} req/s; target >= 20 %)");
                if (intakeRate is not null)
                    line.Append(CultureInfo.InvariantCulture, $"; p99 at {_rates["intake"]:N0}/s offered: {Ms(intakeRate.LatencyMs, 99)} ms (target < 20 ms)");
                line.Append(ratio >= 0.2 && intakeRate is not null && PhaseResult.Percentile(intakeRate.LatencyMs, 99) < 20
                    ? " -> target met"
                    : " -> target NOT met");
                Console.WriteLine(line);
            }
        }

        private void PrintAssignmentResult()
        {
            if (_assignment is not { } a)
                return;
            var p99 = PhaseResult.Percentile(a.LatencyMs, 99);
            Console.WriteLine($"RESULT: submission to assignment at {options.AssignmentRate:N0}/s: p50 {Ms(a.LatencyMs, 50)} ms, " +
                              $"p99 {Ms(a.LatencyMs, 99)} ms (target p99 < 100 ms) -> {(p99 < 100 && a.Errors == 0 ? "target met" : "target NOT met")}");
        }

        private static string Ms(double[] sorted, double percentile) =>
            sorted.Length == 0 ? "-" : PhaseResult.Percentile(sorted, percentile).ToString(sorted.Length > 0 && PhaseResult.Percentile(sorted, percentile) >= 100 ? "0" : "0.00", CultureInfo.InvariantCulture);

        private static string Micros(double? value) => value is null or double.NaN ? "" : value.Value.ToString("0", CultureInfo.InvariantCulture);
    }

    /// <summary>A RabbitMQ virtual host of the run's own (so no queue bound elsewhere receives its messages), deleted after.</summary>
    internal sealed class RabbitVirtualHost : IAsyncDisposable
    {
        public static string Host => Environment.GetEnvironmentVariable("REQUESTS_RABBITMQ_HOST") ?? "127.0.0.1";
        public static string Port => Environment.GetEnvironmentVariable("REQUESTS_RABBITMQ_PORT") ?? "5682";
        private static string Management => Environment.GetEnvironmentVariable("REQUESTS_RABBITMQ_MANAGEMENT") ?? "http://127.0.0.1:15682";

        private readonly HttpClient _api;

        private RabbitVirtualHost(string name, HttpClient api)
        {
            Name = name;
            _api = api;
        }

        public string Name { get; }

        public static async Task<RabbitVirtualHost> CreateAsync()
        {
            var api = new HttpClient { BaseAddress = new Uri(Management) };
            api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.ASCII.GetBytes("guest:guest")));
            var name = $"bench-{Guid.NewGuid():N}";
            try
            {
                (await api.PutAsync(new Uri($"/api/vhosts/{name}", UriKind.Relative), null)).EnsureSuccessStatusCode();
                using var permissions = new StringContent("""{"configure":".*","write":".*","read":".*"}""", Encoding.UTF8, "application/json");
                (await api.PutAsync(new Uri($"/api/permissions/{name}/guest", UriKind.Relative), permissions)).EnsureSuccessStatusCode();
            }
            catch (HttpRequestException ex)
            {
                api.Dispose();
                throw new InvalidOperationException(
                    $"RabbitMQ's management API is not reachable at {Management}: run through ./bench.sh, which starts the broker, or use --transport inmemory.", ex);
            }
            return new RabbitVirtualHost(name, api);
        }

        /// <summary>
        /// Binds to <paramref name="exchange"/> (MassTransit's exchange of a message type) a queue that takes every message and
        /// keeps none: the broker routes them, as to a consumer's queue, and drops them at once.
        /// </summary>
        public async Task BindSinkAsync(string exchange)
        {
            using var fanout = new StringContent("""{"type":"fanout","durable":true}""", Encoding.UTF8, "application/json");
            (await _api.PutAsync(new Uri($"/api/exchanges/{Name}/{Uri.EscapeDataString(exchange)}", UriKind.Relative), fanout)).EnsureSuccessStatusCode();
            using var queue = new StringContent("""{"durable":true,"arguments":{"x-max-length":0}}""", Encoding.UTF8, "application/json");
            (await _api.PutAsync(new Uri($"/api/queues/{Name}/sink", UriKind.Relative), queue)).EnsureSuccessStatusCode();
            using var binding = new StringContent("{}", Encoding.UTF8, "application/json");
            (await _api.PostAsync(new Uri($"/api/bindings/{Name}/e/{Uri.EscapeDataString(exchange)}/q/sink", UriKind.Relative), binding))
                .EnsureSuccessStatusCode();
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                using var _ = await _api.DeleteAsync(new Uri($"/api/vhosts/{Name}", UriKind.Relative));
            }
            catch (HttpRequestException)
            {
            }
            _api.Dispose();
        }
    }
}
