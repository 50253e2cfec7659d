using System.Globalization;
using Requests.Harness;

// The fault and abuse harness: each scenario starts the system afresh (intake, routing, reporting on SQLite, the real
// RabbitMQ and maildev), does its harm, measures, and prints one line of the table; any line short of its figure
// makes the exit code 1.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
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

var run = Path.Combine(options.Data, DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));
Directory.CreateDirectory(run);
Console.WriteLine($"Harness: {string.Join(", ", options.Scenarios)}; {Environment.ProcessorCount} cores, load average " +
                  $"{(File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "?")}; data and logs in {run}");
var rows = new List<Row>();
foreach (var scenario in options.Scenarios)
{
    Console.WriteLine($"\n{scenario} ...");
    var started = DateTime.UtcNow;
    Row row;
    try
    {
        var scoped = options with { Data = run };
        row = scenario switch
        {
            "smtp outage" => await SmtpOutage.RunAsync(scoped),
            "fuzzing" => await Fuzzing.RunAsync(scoped),
            "access matrix" => await AccessMatrix.RunAsync(scoped),
            Options.Drill => await FailureDrill.RunAsync(scoped),
            _ => await Faults.RunAsync(scoped, scenario),
        };
    }
    catch (Exception ex)
    {
        row = new Row(scenario, "", $"did not finish: {ex.Message}", false);
        Console.Error.WriteLine(ex);
    }
    rows.Add(row);
    Console.WriteLine($"  {(row.Holds ? "holds" : "FALLS SHORT")} in {(DateTime.UtcNow - started).TotalSeconds:0} s: {row.Measured}");
}

Console.WriteLine("\n| scenario | size | measured | holds |\n|---|---|---|---|");
foreach (var row in rows)
    Console.WriteLine($"| {row.Scenario} | {row.Size} | {row.Measured.Replace("|", "\\|", StringComparison.Ordinal)} | {(row.Holds ? "yes" : "**no**")} |");
var holds = rows.All(r => r.Holds);
if (holds && !options.Keep)
    Directory.Delete(run, recursive: true);
else
    Console.WriteLine($"\nDatabases and logs kept in {run}");
return holds ? 0 : 1;
