using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Data.Sqlite;
using Requests.Reporting.Facts;
using Requests.Reporting.Reports;
using Requests.Reporting.Storage;
using Requests.ServiceDefaults.Data;

namespace Requests.Reporting.Benchmarks;

/// <summary>
/// The reporting service's memory with two years of N cases each (2024 and 2025): both years written by a child
/// process (so that this one, the service, holds nothing of the import), then the service's reports, each after a
/// batch of events through its consumers, and its resident memory along the way.
/// </summary>
public static class MemoryRun
{
    public static readonly int[] Years = [2024, 2025];

    private static readonly string[] Columns = ["@case", "@body", "@codes", "@received", "@due", "@answered", "@year"];

    public static async Task<int> RunAsync(int cases, int reports, int writes, string folder)
    {
        var clock = Stopwatch.StartNew();
        using (var child = Process.Start(new ProcessStartInfo(Environment.ProcessPath!,
                   ["--import-into", folder, "--cases", cases.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false })!)
        {
            await child.WaitForExitAsync();
            if (child.ExitCode != 0)
                throw new InvalidOperationException($"the import's process exited with {child.ExitCode}");
        }
        Console.WriteLine($"Two years of {cases:N0} cases written in {clock.Elapsed.TotalSeconds:N0} s (a child process)");

        await using var live = await LiveWrites.StartAsync(Path.Combine(folder, "reporting.db"));
        var asOf = new DateOnly(2026, 3, 1);
        Print("service started, no year in memory");
        var start = Rss();
        foreach (var year in Years)
            await ReportAsync(live, year, asOf, null);
        Print("both years in memory (a synthesis of each)");
        var read = Rss();
        var cache = live.Services.GetRequiredService<FactCache>();
        clock.Restart();
        TimeSpan inReports = default;
        for (var i = 1; i <= reports; i++)
        {
            await live.ApplyAsync(2025, writes, CancellationToken.None);
            var report = Stopwatch.StartNew();
            await ReportAsync(live, i % 3 == 2 ? 2024 : 2025, asOf, i % 3 == 1 ? "B001" : null);
            inReports += report.Elapsed;
            if (i % 100 == 0 || i == reports)
                Print($"{i:N0} reports, each after {writes} events (2025), {clock.Elapsed.TotalSeconds:N0} s, reports {inReports.TotalMilliseconds / i:N0} ms on average; cache {cache.Counts}");
        }
        var after = Rss();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        Print("after a full collection");
        var facts = 2.0 * cases + reports * (writes / 2);
        Console.WriteLine($"Resident memory for the facts: {(read - start) / (2.0 * cases / 1e6) / 1e6:N1} MB per million facts " +
                          $"(both years read into memory: {(read - start) / 1e6:N0} MB for {2 * cases:N0} facts)");
        Console.WriteLine($"After {reports:N0} reports interleaved with writes: {after / 1e6:N0} MB resident, {(after - read) / 1e6:N0} MB more " +
                          $"than with both years just read ({facts:N0} facts now); peak {Peak() / 1e6:N0} MB");
        return 0;
    }

    /// <summary>
    /// The child process: both years' facts written straight into a fresh database in <paramref name="folder"/> (the
    /// import's own speed is measured by the default run; here only the facts matter), then exits.
    /// </summary>
    public static async Task<int> ImportAsync(string folder, int cases)
    {
        var options = new DbContextOptionsBuilder<ReportingDbContext>()
            .UseSqlite($"Data Source={Path.Combine(folder, "reporting.db")}").AddInterceptors(new SqlitePragmas()).Options;
        await using var db = new ReportingDbContext(options);
        await db.Database.MigrateAsync();
        await db.Database.OpenConnectionAsync();
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await using (var transaction = connection.BeginTransaction())
        {
            await using var bodies = connection.CreateCommand();
            bodies.Transaction = transaction;
            bodies.CommandText = string.Join(";", Enumerable.Range(0, 200).Select(b =>
                $"INSERT INTO bodies (code, name, sector, region) VALUES ('B{b:000}', 'Body {b}', '{FactCodes.Sectors[b % 4]}', 'Region {b % 12}')"));
            await bodies.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
        }
        foreach (var year in Years)
        {
            var random = new Random(year);
            var first = new DateOnly(year, 1, 1).DayNumber;
            await using var transaction = connection.BeginTransaction();
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = """
                INSERT INTO case_facts (case_id, body_id, theme_id, codes, received_day, due_day, answered_day, sequence, due_set_at, source, year, version)
                VALUES (@case, @body, 0, @codes, @received, @due, @answered, 0, 0, 'import', @year, 1)
                """;
            var parameters = Columns.Select(name => insert.Parameters.Add(name, SqliteType.Integer)).ToArray();
            parameters[0].SqliteType = SqliteType.Text;
            insert.Prepare();
            for (var i = 0; i < cases; i++)
            {
                var information = random.Next(100) < 70;
                var received = first + random.Next(365);
                var answered = random.Next(100) < 85 ? received + random.Next(120) : (int?)null;
                var codes = FactCodes.WithChannel(FactCodes.WithRegime(0, information ? 0 : 1), random.Next(5));
                if (answered is not null)
                    codes = FactCodes.WithOutcome(codes, 1 + random.Next(4));
                parameters[0].Value = HistoricalCsv.CaseId(year, i);
                parameters[1].Value = 1 + random.Next(200);
                parameters[2].Value = codes;
                parameters[3].Value = received;
                parameters[4].Value = received + (information ? 28 : 60);
                parameters[5].Value = answered is { } a ? a : DBNull.Value;
                parameters[6].Value = year;
                await insert.ExecuteNonQueryAsync();
            }
            await using var version = connection.CreateCommand();
            version.Transaction = transaction;
            version.CommandText = $"INSERT INTO fact_years (year, version) VALUES ({year}, 1)";
            await version.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
        }
        return 0;
    }

    private static async Task ReportAsync(LiveWrites live, int year, DateOnly asOf, string? body)
    {
        await using var scope = live.Services.CreateAsyncScope();
        var reports = scope.ServiceProvider.GetRequiredService<ReportBuilder>();
        if (body is null)
            await reports.SynthesisAsync(year, asOf, CancellationToken.None);
        else
            _ = await reports.BodyReportAsync(year, asOf, body, CancellationToken.None) ?? throw new InvalidOperationException($"no body {body}");
    }

    private static void Print(string when) =>
        Console.WriteLine($"{when}: resident {Rss() / 1e6:N0} MB (peak {Peak() / 1e6:N0} MB), managed heap {GC.GetGCMemoryInfo().HeapSizeBytes / 1e6:N0} MB, " +
                          $"load average {Load()}");

    public static string Load() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "?";

    private static long Rss() => Status("VmRSS:");

    private static long Peak() => Status("VmHWM:");

    /// <summary>A line of /proc/self/status in bytes (it gives kB).</summary>
    private static long Status(string field)
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
    }
}
