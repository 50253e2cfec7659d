using System.Globalization;
using Requests.Routing.Benchmarks;

// The routing benchmark. Each phase measures one path of the service and adds its rows to one report:
//   sweep   the deadline sweep over a million open cases on SQLite, against the raw SQL floor
//   assign  the assignment consumer's batches of submissions, against raw inserts of the same rows
// A phase is chosen with --phases (a comma-separated list); a new one is a class with a RunAsync(options, data,
// report) called below, and its name added to Options.
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
    ? Directory.CreateDirectory(Path.Combine(root, $"routing-bench-{DateTime.UtcNow:yyyyMMdd-HHmmss}")).FullName
    : Directory.CreateTempSubdirectory("routing-bench-").FullName;
var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "?";
Console.WriteLine($"Routing benchmark: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, " +
                  $".NET {Environment.Version}, load average {load}");
Console.WriteLine($"Data (SQLite, WAL, synchronous=FULL as the service runs it): {data}; phases: {string.Join(", ", options.Phases)}");

var report = new Report();
try
{
    if (options.Phases.Contains("sweep"))
        await SweepBenchmark.RunAsync(options, data, report);
    if (options.Phases.Contains("assign"))
        await AssignBenchmark.RunAsync(options, data, report);
}
catch (Exception ex)
{
    report.Fail($"the benchmark failed: {ex}");
}

report.Print();
if (options.Keep || report.Failed)
    Console.WriteLine($"Data kept in {data}");
else
    Directory.Delete(data, recursive: true);
return report.Failed ? 1 : 0;
