using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Requests.Intake.Publication;

// ./bench.sh Requests.Publication.Benchmarks [-- --items N --seconds S --visitors V]
// Fills N published items (generated French and Arabic text) in a fresh SQLite database, starts the intake service on
// it, and measures GET /api/public/search with V concurrent visitors, then the raw FTS5 query on the same file.
var items = Arg("--items", 1_000_000);
var seconds = Arg("--seconds", 20);
var visitors = Arg("--visitors", 20);
var folder = Directory.CreateTempSubdirectory("publication-bench-").FullName;
var database = Path.Combine(folder, "intake.db");
var dll = Path.Combine(AppContext.BaseDirectory, "Requests.Intake.dll");
Console.WriteLine($"publication search benchmark: {items:N0} items, {visitors} visitors, {seconds} s per phase, in {folder}");

// the service creates the schema (its migrations) and is stopped again while the items are written
await (await Server.StartAsync(dll, database, folder)).DisposeAsync();
var fill = Stopwatch.StartNew();
await Generator.FillAsync(database, items);
Console.WriteLine($"filled {items:N0} items in {fill.Elapsed.TotalSeconds:F0} s ({new FileInfo(database).Length / 1024 / 1024} MiB)");

var queries = Generator.Queries(2000, seed: 42);
await using (var server = await Server.StartAsync(dll, database, folder))
{
    using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = visitors }) { BaseAddress = server.Address };
    await Load.RunAsync("warm-up", 3, visitors, queries, async q => (await http.GetAsync($"/api/public/search?q={Uri.EscapeDataString(q)}")).Dispose(), print: false);
    await Load.RunAsync("API GET /api/public/search", seconds, visitors, queries, async q =>
    {
        using var response = await http.GetAsync($"/api/public/search?q={Uri.EscapeDataString(q)}");
        if (response.StatusCode != HttpStatusCode.OK)
            throw new InvalidOperationException($"{(int)response.StatusCode} for {q}");
        await response.Content.ReadAsByteArrayAsync();
    });
}
// the same count and page query the service runs (the full-text table first: CROSS JOIN keeps SQLite from starting at the items), on its own connections to the same file
var connections = new ConcurrentBag<SqliteConnection>();
await Load.RunAsync("raw FTS5 (count + page of 20)", seconds, visitors, queries, async q =>
{
    if (!connections.TryTake(out var connection))
    {
        connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly");
        await connection.OpenAsync();
    }
    var match = string.Join(' ', SearchText.Words(q).Select(w => $"\"{w}\""));
    const string from = "publication_search s CROSS JOIN published_items p ON p.number = s.rowid WHERE publication_search MATCH $q AND p.state = 'published'";
    await using (var count = connection.CreateCommand())
    {
        count.CommandText = $"SELECT count(*) FROM {from}";
        count.Parameters.AddWithValue("$q", match);
        await count.ExecuteScalarAsync();
    }
    await using (var page = connection.CreateCommand())
    {
        page.CommandText = $"SELECT p.number FROM {from} ORDER BY bm25(publication_search, 4.0, 1.0), p.date DESC, p.number DESC LIMIT 20";
        page.Parameters.AddWithValue("$q", match);
        await using var reader = await page.ExecuteReaderAsync();
        while (await reader.ReadAsync()) { }
    }
    connections.Add(connection);
});
foreach (var c in connections)
    await c.DisposeAsync();
SqliteConnection.ClearAllPools();
Directory.Delete(folder, recursive: true);

int Arg(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}

/// <summary>Visitors each sending one query after another for a while; latencies and throughput printed at the end.</summary>
static class Load
{
    public static async Task RunAsync(string name, int seconds, int visitors, string[] queries, Func<string, Task> send, bool print = true)
    {
        var latencies = new ConcurrentBag<double>();
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
                    await send(queries[random.Next(queries.Length)]);
                    latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
                catch (Exception ex)
                {
                    if (Interlocked.Increment(ref errors) == 1)
                        Console.WriteLine($"  {name}: {ex.Message}");
                }
            }
        })));
        if (!print)
            return;
        var sorted = latencies.Order().ToArray();
        double P(double q) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        Console.WriteLine($"{name,-34} {sorted.Length / clock.Elapsed.TotalSeconds,8:F0} req/s   p50 {P(0.50),7:F1} ms   p95 {P(0.95),7:F1} ms   p99 {P(0.99),7:F1} ms   errors {errors}");
    }
}

/// <summary>The intake service as its own Release process, on the benchmark's database, with the in-memory bus.</summary>
sealed class Server : IAsyncDisposable
{
    private readonly Process _process;

    private Server(Process process, Uri address) => (_process, Address) = (process, address);

    public Uri Address { get; }

    public static async Task<Server> StartAsync(string dll, string database, string folder)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(dll)!, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["ConnectionStrings__Database"] = $"Data Source={database}";
        start.Environment["RabbitMq__Transport"] = "inmemory";
        start.Environment["DataProtection__KeysPath"] = Path.Combine(folder, "keys");
        start.Environment["Intake__AccessCodeKeyFile"] = Path.Combine(folder, "keys", "access-code.key");
        start.Environment["Intake__RateLimits__PublicPerMinute"] = "100000000";
        start.Environment["Notifications__Enabled"] = "false";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
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
