using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;
using Requests.Intake.Publication;

// ./bench.sh Requests.Publication.Benchmarks [-- --items N --seconds S --visitors V --postgres --slowest N --data FOLDER]
// Fills N published items (generated French and Arabic text) in a fresh database (SQLite, or with --postgres a fresh
// PostgreSQL database on the server ./bench.sh starts), starts the intake service on it, and measures
// GET /api/public/search with V concurrent visitors, then the same searches as raw SQL on the database, in one run;
// --slowest N prints the N slowest searches of each phase. --data keeps the SQLite database in FOLDER, and a later run
// with the same FOLDER and N measures it again without filling it anew.
var items = Arg("--items", 1_000_000);
var seconds = Arg("--seconds", 20);
var visitors = Arg("--visitors", 20);
var postgres = args.Contains("--postgres");
var slowest = Arg("--slowest", 0);
const double Target = 50;
// the service's code is recompiled, better, for the first 20 to 30 seconds under load: measured once it is done
const int Warmup = 30;
var kept = ArgText("--data");
var folder = kept is null ? Directory.CreateTempSubdirectory("publication-bench-").FullName : Directory.CreateDirectory(kept).FullName;
var filled = Path.Combine(folder, $"filled-{items}");
var dll = Path.Combine(AppContext.BaseDirectory, "Requests.Intake.dll");
var generator = new Generator();
var queries = generator.Queries(5000, seed: 42);
Console.WriteLine($"publication search benchmark: {items:N0} items on {(postgres ? "PostgreSQL" : "SQLite")}, {visitors} visitors, " +
    $"{seconds} s per phase, load average {LoadAverage()}");

Dictionary<string, string> settings;
string? server = null, name = null;
if (postgres)
{
    server = Environment.GetEnvironmentVariable("REQUESTS_POSTGRES")
        ?? throw new InvalidOperationException("REQUESTS_POSTGRES is not set: run through ./bench.sh, which starts PostgreSQL for --postgres.");
    name = $"bench_publication_{Guid.NewGuid():N}";
    await Fill.ExecuteAsync(server, $"CREATE DATABASE {name}");
    settings = new() { ["Database__Provider"] = "postgres", ["ConnectionStrings__Database"] = $"{server};Database={name}" };
}
else
    settings = new() { ["ConnectionStrings__Database"] = $"Data Source={Path.Combine(folder, "intake.db")}" };
try
{
    if (postgres || !File.Exists(filled))
    {
        // the service creates the schema (its migrations) and is stopped again while the items are written
        foreach (var file in Directory.GetFiles(folder, "intake.db*"))
            File.Delete(file);
        await (await Server.StartAsync(dll, settings, folder)).DisposeAsync();
        var fill = Stopwatch.StartNew();
        if (postgres)
            await Fill.PostgresAsync(generator, $"{server};Database={name}", items);
        else
            await Fill.SqliteAsync(generator, Path.Combine(folder, "intake.db"), items);
        await File.WriteAllTextAsync(filled, "");
        Console.WriteLine($"filled {items:N0} items in {fill.Elapsed.TotalSeconds:F0} s");
    }
    else
        Console.WriteLine($"{items:N0} items already in {folder}");

    Result api;
    await using (var intake = await Server.StartAsync(dll, settings, folder))
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = visitors }) { BaseAddress = intake.Address };
        async Task Search(string q)
        {
            using var response = await http.GetAsync($"/api/public/search?{q}");
            if (response.StatusCode != HttpStatusCode.OK)
                throw new InvalidOperationException($"{(int)response.StatusCode} for {q}");
            await response.Content.ReadAsByteArrayAsync();
        }
        await Load.RunAsync(Warmup, visitors, queries, Search);
        var cpu = intake.CpuTime;
        api = await Load.RunAsync(seconds, visitors, queries, Search);
        api = api with { CpuMs = (intake.CpuTime - cpu).TotalMilliseconds / api.Sorted.Length };
    }

    // the statements the service runs, on connections of their own to the same database, without HTTP or EF
    var raw = postgres ? new Raw(() => new NpgsqlConnection($"{server};Database={name}"), false)
        : new Raw(() => new SqliteConnection($"Data Source={Path.Combine(folder, "intake.db")};Mode=ReadOnly"), true);
    await Load.RunAsync(3, visitors, queries, raw.SearchAsync);
    var ownCpu = Process.GetCurrentProcess().TotalProcessorTime;
    var database = await Load.RunAsync(seconds, visitors, queries, raw.SearchAsync);
    database = database with { CpuMs = (Process.GetCurrentProcess().TotalProcessorTime - ownCpu).TotalMilliseconds / database.Sorted.Length };
    await raw.DisposeAsync();

    Console.WriteLine();
    Console.WriteLine($"items {items:N0}, {visitors} visitors, {seconds} s each, load average {LoadAverage()}");
    api.Print("API GET /api/public/search", slowest);
    database.Print(postgres ? "raw PostgreSQL full text (same SQL)" : "raw SQLite FTS5 (same SQL)", slowest);
    Console.WriteLine(api.P95 < Target ? $"PASS: API p95 {api.P95:F1} ms < {Target} ms" : $"FAIL: API p95 {api.P95:F1} ms >= {Target} ms");
}
finally
{
    SqliteConnection.ClearAllPools();
    NpgsqlConnection.ClearAllPools();
    if (postgres)
        await Fill.ExecuteAsync(server!, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
    if (kept is null)
        Directory.Delete(folder, recursive: true);
}

string? ArgText(string option)
{
    var i = Array.IndexOf(args, option);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}

int Arg(string option, int fallback) => ArgText(option) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ')[..3]) : "?";

/// <summary>A phase's latencies (ms), requests per second, errors, and the CPU time a search took (the server's, or this process's for the raw SQL).</summary>
sealed record Result(double[] Sorted, double PerSecond, int Errors, (double Ms, string Query)[] Slowest, double CpuMs = 0)
{
    public double P(double q) => Sorted.Length == 0 ? double.NaN : Sorted[Math.Min(Sorted.Length - 1, (int)Math.Ceiling(q * Sorted.Length) - 1)];

    public double P95 => P(0.95);

    public void Print(string name, int slowest)
    {
        Console.WriteLine($"{name,-36} {PerSecond,7:F0} req/s   p50 {P(0.50),7:F1} ms   p95 {P95,7:F1} ms   p99 {P(0.99),7:F1} ms   CPU {CpuMs,5:F2} ms/search   errors {Errors}");
        foreach (var (ms, query) in Slowest.Take(slowest))
            Console.WriteLine($"    {ms,8:F1} ms  {Uri.UnescapeDataString(query)}");
    }
}

/// <summary>Visitors each sending one search after another for a while.</summary>
static class Load
{
    public static async Task<Result> RunAsync(int seconds, int visitors, string[] queries, Func<string, Task> send)
    {
        var latencies = new ConcurrentBag<(double Ms, string Query)>();
        var errors = 0;
        var clock = Stopwatch.StartNew();
        var end = TimeSpan.FromSeconds(seconds);
        await Task.WhenAll(Enumerable.Range(0, visitors).Select(v => Task.Run(async () =>
        {
            var random = new Random(v);
            while (clock.Elapsed < end)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    var query = queries[random.Next(queries.Length)];
                    await send(query);
                    latencies.Add((Stopwatch.GetElapsedTime(started).TotalMilliseconds, query));
                }
                catch (Exception ex)
                {
                    if (Interlocked.Increment(ref errors) == 1)
                        Console.WriteLine($"  {ex.Message}");
                }
            }
        })));
        return new Result([.. latencies.Select(l => l.Ms).Order()], latencies.Count / clock.Elapsed.TotalSeconds, errors,
            [.. latencies.OrderByDescending(l => l.Ms).Take(20)]);
    }
}

/// <summary>
/// A search as the service's SQL: for words, <see cref="PublicationIndex.Statements"/> (the matches newest first, then,
/// for 1,000 or fewer, those with the words in their title); for filters alone, the statements the service's query for
/// them makes (a count, then a page).
/// </summary>
sealed class Raw(Func<DbConnection> connect, bool sqlite) : IAsyncDisposable
{
    private readonly ConcurrentBag<DbConnection> _connections = [];

    public async Task SearchAsync(string queryString)
    {
        if (!_connections.TryTake(out var connection))
        {
            connection = connect();
            await connection.OpenAsync();
        }
        var (q, body, year) = Generator.Parse(queryString);
        if (PublicationIndex.Statements(sqlite, new SearchQuery(q, Body: body, Year: year)) is { } sql)
        {
            var matches = await PublicationIndex.NumbersAsync(connection, null, sql.Matches, default);
            if (matches.Count is > 1 and <= PublicationIndex.CountLimit)
                await PublicationIndex.NumbersAsync(connection, null, sql.Titles, default);
        }
        else
        {
            var (where, filters) = ("state = 'published'", new List<object?>());
            if (body is not null)
            {
                where += $" AND body_code = @p{filters.Count}";
                filters.Add(body);
            }
            if (year is { } y)
            {
                where += $" AND date BETWEEN @p{filters.Count} AND @p{filters.Count + 1}";
                filters.AddRange(new DateOnly(y, 1, 1), new DateOnly(y, 12, 31));
            }
            var count = new SearchStatement($"SELECT 1 FROM published_items WHERE {where} LIMIT {PublicationIndex.CountLimit + 1}", [.. filters]);
            var latest = new SearchStatement($"SELECT number FROM published_items WHERE {where} ORDER BY date DESC, number DESC LIMIT 20", [.. filters]);
            await PublicationIndex.NumbersAsync(connection, null, count, default);
            await PublicationIndex.NumbersAsync(connection, null, latest, default);
        }
        _connections.Add(connection);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var c in _connections)
            await c.DisposeAsync();
    }
}

/// <summary>The intake service as its own Release process, on the benchmark's database, with the in-memory bus.</summary>
sealed class Server : IAsyncDisposable
{
    private readonly Process _process;

    private Server(Process process, Uri address) => (_process, Address) = (process, address);

    public Uri Address { get; }

    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public static async Task<Server> StartAsync(string dll, Dictionary<string, string> settings, string folder)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(dll)!, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["RabbitMq__Transport"] = "inmemory";
        start.Environment["DataProtection__KeysPath"] = Path.Combine(folder, "keys");
        start.Environment["Intake__AccessCodeKeyFile"] = Path.Combine(folder, "keys", "access-code.key");
        start.Environment["Intake__RateLimits__PublicPerMinute"] = "100000000";
        start.Environment["Notifications__Enabled"] = "false";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        // as run.sh starts it: intake's gen0 budget (see Requests.Intake.csproj)
        start.Environment["DOTNET_GCgen0size"] = "0x4000000";
        foreach (var (key, value) in settings)
            start.Environment[key] = value;
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine($"  intake: {e.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new Server(process, new Uri($"http://127.0.0.1:{port}"));
        using var http = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(5) };
        for (var wait = Stopwatch.StartNew(); wait.Elapsed < TimeSpan.FromMinutes(3); await Task.Delay(200))
        {
            if (process.HasExited)
                throw new InvalidOperationException($"intake exited with code {process.ExitCode}");
            try
            {
                using var ready = await http.GetAsync("/health/live");
                if (ready.IsSuccessStatusCode)
                    return server;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
        }
        throw new TimeoutException("intake did not start");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: false);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
