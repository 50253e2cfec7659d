using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Requests.Reporting.Benchmarks;
using Requests.Reporting.Import;
using Requests.Reporting.Reports;
using Requests.Reporting.Storage;
using Requests.ServiceDefaults.Data;

// The reporting benchmark: a year of N cases (default 5,000,000) imported through the real import code into a fresh
// SQLite file (WAL, synchronous=FULL, as the service runs it); then the national synthesis, cold and warm, next to
// one raw aggregate query over the same rows in the same run. Target: the synthesis within twice that query's time.
const string Usage = """
    dotnet run -c Release --project benchmarks/Requests.Reporting.Benchmarks [-- options]
      --cases N     cases in the year (default 5000000)
      --runs N      synthesis and raw query runs after the first (default 3)
      --data DIR    where the CSV and SQLite files go (default: a new folder under the system temp folder)
      --keep        keep the data folder
    """;
int cases = 5_000_000, runs = 3;
string? root = null;
var keep = false;
try
{
    for (var i = 0; i < args.Length; i++)
    {
        string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
        switch (args[i])
        {
            case "--cases": cases = int.Parse(Next(), CultureInfo.InvariantCulture); break;
            case "--runs": runs = int.Parse(Next(), CultureInfo.InvariantCulture); break;
            case "--data": root = Next(); break;
            case "--keep": keep = true; break;
            default: throw new ArgumentException($"Unknown option {args[i]}.");
        }
    }
    if (cases < 1 || runs < 0)
        throw new ArgumentException("--cases must be positive, --runs 0 or more.");
}
catch (Exception ex) when (ex is ArgumentException or FormatException)
{
    Console.Error.WriteLine($"{ex.Message}\n{Usage}");
    return 2;
}

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var folder = root is not null
    ? Directory.CreateDirectory(Path.Combine(root, $"reporting-bench-{DateTime.UtcNow:yyyyMMdd-HHmmss}")).FullName
    : Directory.CreateTempSubdirectory("reporting-bench-").FullName;
var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "?";
Console.WriteLine($"Reporting benchmark: {cases:N0} cases of 2025, {Environment.ProcessorCount} cores, .NET {Environment.Version}, load average {load}");
Console.WriteLine($"Data: {folder}");
const int Year = 2025;
var asOf = new DateOnly(2026, 3, 1);
var failed = false;
try
{
    var csv = Path.Combine(folder, "cases-2025.csv");
    var clock = Stopwatch.StartNew();
    HistoricalCsv.Write(csv, Year, cases);
    Console.WriteLine($"CSV written: {new FileInfo(csv).Length / 1e6:N0} MB in {clock.Elapsed.TotalSeconds:N1} s (not part of the import)");

    var calendar = new ReportCalendar(); // the legal calendar, no corrections
    var options = new DbContextOptionsBuilder<ReportingDbContext>()
        .UseSqlite($"Data Source={Path.Combine(folder, "reporting.db")}").AddInterceptors(new SqlitePragmas()).Options;
    await using (var db = new ReportingDbContext(options))
        await db.Database.MigrateAsync();

    await using (var db = new ReportingDbContext(options))
    {
        using var reader = new StreamReader(csv);
        using var writes = new WriteGate();
        clock.Restart();
        var result = await new FactImport(db, writes, calendar).ImportAsync(reader, CancellationToken.None);
        var seconds = clock.Elapsed.TotalSeconds;
        if (result.Errors.Count > 0)
            throw new InvalidOperationException($"the import refused the file: line {result.Errors[0].Line}: {result.Errors[0].Message}");
        Console.WriteLine($"Import: {result.Rows:N0} rows in {seconds:N1} s = {result.Rows / seconds:N0} rows/s (one transaction, committed)");
    }

    var cache = new FactCache();
    var synthesis = new List<double>();
    var raw = new List<double>();
    Synthesis? report = null;
    for (var run = 0; run <= runs + 1; run++)
    {
        if (run == 1)
            cache = new FactCache(); // a second cold run, once the code is compiled
        await using (var db = new ReportingDbContext(options))
        {
            clock.Restart();
            report = await new ReportBuilder(db, cache, calendar).SynthesisAsync(Year, asOf, CancellationToken.None);
            synthesis.Add(clock.Elapsed.TotalMilliseconds);
        }
        raw.Add(await RawQueryAsync(options));
    }
    var n = report!.National;
    Console.WriteLine($"Synthesis figures: received {n.Received:N0}, answered {n.Answered:N0}, response rate {n.ResponseRate}%, " +
                      $"average {n.CalendarDays.Average} days ({n.WorkingDays.Average} working), median {n.CalendarDays.Median}, p90 {n.CalendarDays.Percentile90}, " +
                      $"{report.Sectors.Sum(s => s.Bodies.Count)} bodies ranked");
    Console.WriteLine();
    Console.WriteLine("run        synthesis (ms)   raw aggregate query (ms)   ratio");
    for (var run = 0; run < synthesis.Count; run++)
        Console.WriteLine($"{(run < 2 ? $"cold {run + 1}" : $"warm {run - 1}"),-10} {synthesis[run],14:N0}   {raw[run],24:N0}   {synthesis[run] / raw[run],5:N2}");
    var best = synthesis.Skip(2).DefaultIfEmpty(synthesis[1]).Min() / raw.Skip(2).DefaultIfEmpty(raw[1]).Min();
    Console.WriteLine($"Best warm synthesis / best warm raw query: {best:N2} (target: at most 2.00)");
    Console.WriteLine("cold: the year's facts read from SQLite into memory (one scan of the covering index), then the pass;");
    Console.WriteLine("      cold 1 also compiles the code. warm: the year's data version unchanged (as after an import, which");
    Console.WriteLine("      reads its years into memory): one pass over the facts in memory. Each synthesis also reads 2024");
    Console.WriteLine("      (empty here), the bodies and themes, and the ten oldest open cases' ids.");
}
catch (Exception ex)
{
    Console.Error.WriteLine($"The benchmark failed: {ex}");
    failed = true;
}

if (keep || failed)
    Console.WriteLine($"Data kept in {folder}");
else
    Directory.Delete(folder, recursive: true);
return failed ? 1 : 0;

// One aggregate over the same rows, the floor the synthesis is measured against.
static async Task<double> RawQueryAsync(DbContextOptions<ReportingDbContext> options)
{
    await using var db = new ReportingDbContext(options);
    await db.Database.OpenConnectionAsync();
    var connection = (SqliteConnection)db.Database.GetDbConnection();
    await using var command = connection.CreateCommand();
    command.CommandText = "SELECT COUNT(*), AVG(answered_day - received_day) FROM case_facts WHERE received_day BETWEEN @from AND @to";
    command.Parameters.AddWithValue("@from", new DateOnly(Year, 1, 1).DayNumber);
    command.Parameters.AddWithValue("@to", new DateOnly(Year, 12, 31).DayNumber);
    var clock = Stopwatch.StartNew();
    await using var reader = await command.ExecuteReaderAsync();
    await reader.ReadAsync();
    _ = reader.GetInt64(0);
    return clock.Elapsed.TotalMilliseconds;
}
