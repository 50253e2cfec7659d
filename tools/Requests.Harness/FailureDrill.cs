using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;

namespace Requests.Harness;

/// <summary>
/// The failure drill, on the scaled deployment (<c>./run.sh --scaled</c>, which it starts and stops itself): filings at
/// a steady rate through the proxy while one instance of each service is killed with SIGKILL and one RabbitMQ node is
/// stopped, all at once, then all brought back; then every acknowledged filing is followed to intake's, routing's and
/// reporting's PostgreSQL databases. Holds when at least 99% of the filings sent while they were down were answered
/// 201, and none was lost or handled twice.
/// </summary>
internal static class FailureDrill
{
    private static readonly string[] Kinds = ["intake", "routing", "reporting", "staff"];

    private sealed record Sent(TimeSpan At, TimeSpan Answered, int Status, Guid? CaseId);

    public static async Task<Row> RunAsync(Options options)
    {
        var run = $"drill-{Guid.NewGuid():N}"[..14];
        await ScaledAsync("--detach");
        try
        {
            return await DrillAsync(options, run);
        }
        finally
        {
            if (!options.Keep)
                await ScaledAsync("stop");
        }
    }

    private static async Task<Row> DrillAsync(Options options, string run)
    {
        var intakePort = Environment.GetEnvironmentVariable("REQUESTS_INTAKE_PORT") ?? "5080";
        using var http = Load.Client(new Uri($"http://127.0.0.1:{intakePort}"));
        var duration = options.Filings / options.Rate;
        var clock = Stopwatch.StartNew();
        var load = SendAsync(http, run, options.Filings, options.Rate, clock);

        await Task.Delay(TimeSpan.FromSeconds(duration / 4));
        var down = clock.Elapsed;
        await Task.WhenAll([.. Kinds.Select(kind => ScaledAsync("kill", kind, "1")), ScriptAsync("rabbitmq-cluster", "stop", "1")]);
        var allDown = clock.Elapsed;
        await Task.Delay(TimeSpan.FromSeconds(options.BrokerOutage));
        var restarting = clock.Elapsed;
        await Task.WhenAll([.. Kinds.Select(kind => ScaledAsync("start-instance", kind, "1")), ScriptAsync("rabbitmq-cluster", "start")]);
        var back = clock.Elapsed;
        var events = $"down from {down.TotalSeconds:0} s (all down at {allDown.TotalSeconds:0} s), restarted at " +
                     $"{restarting.TotalSeconds:0} s, all back at {back.TotalSeconds:0} s";
        var sent = await load;
        Console.WriteLine($"  failure drill: load done in {clock.Elapsed.TotalSeconds:0} s; {events}");

        var window = sent.Where(s => s.At >= down && s.At <= back).ToList();
        var share = window.Count == 0 ? 1 : window.Count(s => s.Status == 201) / (double)window.Count;
        var answered = sent.Where(s => s.Status == 201).Select(s => s.Answered).Order().ToList();
        var gap = answered.Zip(answered.Skip(1), (a, b) => b - a).DefaultIfEmpty().Max();
        var acknowledged = sent.Where(s => s.Status == 201).Select(s => s.CaseId!.Value).ToHashSet();
        var counts = await ConvergeAsync(run, acknowledged);
        var refused = string.Join(", ", sent.Where(s => s.Status != 201).GroupBy(s => s.Status)
            .Select(g => $"{(g.Key == 0 ? "no answer" : g.Key.ToString(System.Globalization.CultureInfo.InvariantCulture))}: {g.Count()}"));
        var holds = share >= 0.99 && counts.Lost == 0 && counts.Twice == 0;
        var measured = $"{share:P2} of the {window.Count} filings sent while down answered 201, longest gap without a 201 " +
                       $"{gap.TotalSeconds:0.00} s; acknowledged {acknowledged.Count}{(refused.Length > 0 ? $" (not: {refused})" : "")}, " +
                       $"stored {counts.Stored}, assigned {counts.Assigned}, counted in reporting {counts.Counted}, " +
                       $"lost {counts.Lost}, twice {counts.Twice}; {events}";
        return new Row("failure drill", $"{options.Filings:N0} filings at {options.Rate:0}/s, {options.BrokerOutage} s down", measured, holds);
    }

    /// <summary>Open loop: each filing at its time, whatever the answers before it; when it was sent and answered.</summary>
    private static async Task<List<Sent>> SendAsync(HttpClient http, string run, int count, double rate, Stopwatch clock)
    {
        var results = new ConcurrentBag<Sent>();
        var inFlight = new List<Task>(count);
        for (var i = 0; i < count; i++)
        {
            var due = TimeSpan.FromSeconds(i / rate);
            if (due > clock.Elapsed)
                await Task.Delay(due - clock.Elapsed);
            var number = i;
            inFlight.Add(Task.Run(async () =>
            {
                var at = clock.Elapsed;
                var (status, caseId) = await FileAsync(http, run, number);
                results.Add(new Sent(at, clock.Elapsed, status, caseId));
            }));
        }
        await Task.WhenAll(inFlight);
        return [.. results];
    }

    private static async Task<(int, Guid?)> FileAsync(HttpClient http, string run, int number)
    {
        try
        {
            using var response = await http.PostAsJsonAsync("/api/requests", Load.Request(run, number));
            if ((int)response.StatusCode != 201)
                return ((int)response.StatusCode, null);
            return (201, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("caseId").GetGuid());
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException or JsonException)
        {
            return (0, null);
        }
    }

    private sealed record Counts(int Stored, int Assigned, int Counted, int Lost, int Twice);

    /// <summary>Counts until every stored filing is assigned and counted, or nothing moved for 90 s.</summary>
    private static async Task<Counts> ConvergeAsync(string run, HashSet<Guid> acknowledged)
    {
        var last = "";
        var still = Stopwatch.StartNew();
        while (true)
        {
            var counts = await CountAsync(run, acknowledged);
            if (counts.Lost == 0 || still.Elapsed > TimeSpan.FromSeconds(90))
                return counts;
            if (counts.ToString() != last)
            {
                last = counts.ToString();
                still.Restart();
            }
            await Task.Delay(2000);
        }
    }

    /// <summary>
    /// Lost: acknowledged but not stored, or stored but not assigned or not counted. Twice: one filing stored under two
    /// cases, or a case assigned twice.
    /// </summary>
    private static async Task<Counts> CountAsync(string run, HashSet<Guid> acknowledged)
    {
        var pattern = run + " filing %";
        var stored = await ColumnAsync("intake", "SELECT id FROM cases WHERE subject LIKE @p", pattern);
        var storedTwice = (await ColumnAsync("intake", "SELECT subject FROM cases WHERE subject LIKE @p GROUP BY subject HAVING COUNT(*) > 1", pattern)).Count;
        // intake and routing keep guids as text, reporting as uuid: compared as text
        var ids = stored.Select(id => Guid.Parse(id).ToString()).ToArray();
        var assigned = await ColumnAsync("routing", "SELECT id FROM cases WHERE id::text = ANY(@p) AND assigned_officer_id IS NOT NULL", ids);
        var assignedTwice = (await ColumnAsync("routing",
            "SELECT case_id FROM case_audit_entries WHERE case_id::text = ANY(@p) AND action = 'assign' GROUP BY case_id HAVING COUNT(*) > 1", ids)).Count;
        var counted = await ColumnAsync("reporting", "SELECT case_id FROM case_facts WHERE case_id::text = ANY(@p)", ids);
        var storedIds = ids.Select(Guid.Parse).ToHashSet();
        var lost = acknowledged.Count(id => !storedIds.Contains(id)) + (ids.Length - assigned.Count) + (ids.Length - counted.Count);
        return new Counts(ids.Length, assigned.Count, counted.Count, lost, storedTwice + assignedTwice);
    }

    private static async Task<List<string>> ColumnAsync(string database, string sql, object parameter)
    {
        var server = Environment.GetEnvironmentVariable("REQUESTS_POSTGRES") ?? "Host=127.0.0.1;Port=5442;Username=postgres";
        await using var connection = new NpgsqlConnection($"{server};Database=scaled_{database};Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("p", parameter);
        var values = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            values.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        return values;
    }

    /// <summary>Runs <c>./run.sh --scaled</c> (infra/scaled.sh) with <paramref name="arguments"/>.</summary>
    private static Task ScaledAsync(params string[] arguments) => ScriptAsync("scaled", arguments);

    /// <summary>Runs <c>infra/{script}.sh</c>, its output shown; the services it starts do not rate-limit the filings.</summary>
    private static async Task ScriptAsync(string script, params string[] arguments)
    {
        var infra = Environment.GetEnvironmentVariable("REQUESTS_INFRA")
            ?? throw new InvalidOperationException("REQUESTS_INFRA is not set: run through ./harness.sh.");
        var start = new ProcessStartInfo("bash", [Path.Combine(infra, script + ".sh"), .. arguments]) { UseShellExecute = false };
        start.Environment["Intake__RateLimits__SubmissionsPerMinute"] = "100000000";
        start.Environment["Intake__RateLimits__LookupsPerMinute"] = "100000000";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        using var process = Process.Start(start)!;
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"infra/{script}.sh {string.Join(' ', arguments)} exited with {process.ExitCode}");
    }
}
