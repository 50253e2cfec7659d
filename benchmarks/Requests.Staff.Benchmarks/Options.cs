using System.Globalization;

namespace Requests.Staff.Benchmarks;

/// <summary>Command-line settings; every one has a default that gives the standard run.</summary>
internal sealed record Options
{
    public int Cases { get; init; } = 50_000;
    public int AuditEntries { get; init; } = 200;
    public int Clients { get; init; } = 20;
    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(5);
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(20);
    public int? DeepPage { get; init; }
    public TimeSpan Think { get; init; }
    public bool Keep { get; init; }
    public string? DataRoot { get; init; }

    public const string Usage = """
        ./bench.sh Requests.Staff.Benchmarks [-- options]
          --cases N        open cases of the body in routing's database (default 50000)
          --audit N        audit entries of the case whose page is measured (default 200)
          --clients N      concurrent staff, each signed in with a session of their own (default 20)
          --warmup S       seconds of load before each measurement (default 5)
          --duration S     seconds each measurement lasts (default 20)
          --deep-page N    the queue page measured deep in the list (default the last one)
          --think MS       each client's pause between an answer and its next request (default 0: back to back)
          --data DIR       where the databases and logs go (default: a new folder under the system temp folder)
          --keep           keep the data folder
        """;

    public static Options Parse(string[] args)
    {
        var options = new Options();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.\n{Usage}");
            int Number() => int.Parse(Next(), CultureInfo.InvariantCulture);
            options = args[i] switch
            {
                "--cases" => options with { Cases = Number() },
                "--audit" => options with { AuditEntries = Number() },
                "--clients" => options with { Clients = Number() },
                "--warmup" => options with { Warmup = TimeSpan.FromSeconds(Number()) },
                "--duration" => options with { Duration = TimeSpan.FromSeconds(Number()) },
                "--deep-page" => options with { DeepPage = Number() },
                "--think" => options with { Think = TimeSpan.FromMilliseconds(Number()) },
                "--data" => options with { DataRoot = Next() },
                "--keep" => options with { Keep = true },
                "-h" or "--help" => throw new ArgumentException(Usage),
                _ => throw new ArgumentException($"Unknown option {args[i]}.\n{Usage}"),
            };
        }
        if (options.Cases < 1 || options.AuditEntries < 0 || options.Clients < 1 || options.Duration <= TimeSpan.Zero || options.Warmup < TimeSpan.Zero || options.Think < TimeSpan.Zero)
            throw new ArgumentException($"--cases, --clients, --duration must be positive, --audit, --warmup and --think 0 or more.\n{Usage}");
        return options;
    }
}
