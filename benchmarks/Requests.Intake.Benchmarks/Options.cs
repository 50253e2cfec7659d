using System.Globalization;

namespace Requests.Intake.Benchmarks;

/// <summary>Command-line settings; every one has a default that gives the standard run.</summary>
internal sealed record Options
{
    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The intake loads far more code (EF Core, MassTransit): its tiered JIT keeps recompiling for 25–30 s under load.</summary>
    public TimeSpan IntakeWarmup { get; init; } = TimeSpan.FromSeconds(40);
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(12);
    public int Connections { get; init; } = 128;
    /// <summary>The open loop's offered rate; by default half of the saturation just measured on the same server.</summary>
    public double? Rate { get; init; }

    /// <summary>The offered rate of the assignment phase (#4: p99 under 100 ms at 1,000 submissions/s).</summary>
    public double AssignmentRate { get; init; } = 1_000;
    public int? RoutingWalPages { get; init; }
    public HashSet<string> Phases { get; init; } = ["components", "intake", "sqlite", "bare"];

    /// <summary><c>inmemory</c> (no broker) or <c>rabbitmq</c>; by default RabbitMQ when <c>bench.sh</c> started one.</summary>
    public string Transport { get; init; } =
        Environment.GetEnvironmentVariable("REQUESTS_RABBITMQ_MANAGEMENT") is null ? "inmemory" : "rabbitmq";

    public bool Outbox { get; init; } = true;
    public bool Keep { get; init; }
    public bool Timeline { get; init; }

    /// <summary>Settings given to the services on top of the benchmark's own (<c>--set Outbox__BatchSize=64</c>).</summary>
    public Dictionary<string, string> ServerSettings { get; init; } = [];
    public string? DataRoot { get; init; }

    public const string Usage = """
        dotnet run -c Release --project benchmarks/Requests.Intake.Benchmarks [-- options]
          --duration S       seconds per measured phase (default 12)
          --warmup S         seconds of warm-up before the bare endpoint's phases (default 5)
          --intake-warmup S  seconds of warm-up before the intake's phases (default 40)
          --connections N    client connections (default 128)
          --rate R           offered rate of the open-loop phases, requests/s (default 5000)
          --phases LIST      any of components,intake,sqlite,bare,assignment,documents (default the first four;
                             assignment = submission in intake to assignment in routing, needs RabbitMQ;
                             documents = a 10 MB and a 100 MB file uploaded and downloaded, next to a raw copy;
                             scaled = saturation of 1 intake on SQLite, direct and through tools/Requests.Proxy, and of
                             1 and 2 intakes on PostgreSQL through the proxy, needs PostgreSQL as ./bench.sh starts it)
          --assignment-rate R  offered rate of the assignment phase, submissions/s (default 1000)
          --routing-wal-pages N  the assignment phase: routing's Database:WalAutocheckpointPages (default: the service's)
          --transport T      inmemory | rabbitmq (default: rabbitmq when REQUESTS_RABBITMQ_MANAGEMENT is set, as ./bench.sh does)
          --outbox on|off    run the intake's outbox relay (default on)
          --data DIR         where the fresh SQLite files go (default: a new folder under the system temp folder)
          --keep             keep the data folder and the server logs
          --set KEY=VALUE    a setting for the services, as an environment variable (repeatable), e.g.
                             --set Outbox__BatchSize=64
          --timeline         write the open-loop latencies per 50 ms window (timeline-*.csv in the data folder,
                             kept) and print the worst windows
        """;

    private Options With(string setting)
    {
        var at = setting.IndexOf('=', StringComparison.Ordinal);
        if (at <= 0)
            throw new ArgumentException($"--set takes KEY=VALUE, not '{setting}'.\n{Usage}");
        return this with { ServerSettings = new(ServerSettings) { [setting[..at]] = setting[(at + 1)..] } };
    }

    public static Options Parse(string[] args)
    {
        var options = new Options();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.\n{Usage}");
            options = args[i] switch
            {
                "--duration" => options with { Duration = TimeSpan.FromSeconds(double.Parse(Next(), CultureInfo.InvariantCulture)) },
                "--warmup" => options with { Warmup = TimeSpan.FromSeconds(double.Parse(Next(), CultureInfo.InvariantCulture)) },
                "--intake-warmup" => options with { IntakeWarmup = TimeSpan.FromSeconds(double.Parse(Next(), CultureInfo.InvariantCulture)) },
                "--connections" => options with { Connections = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--rate" => options with { Rate = double.Parse(Next(), CultureInfo.InvariantCulture) },
                "--routing-wal-pages" => options with { RoutingWalPages = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--assignment-rate" => options with { AssignmentRate = double.Parse(Next(), CultureInfo.InvariantCulture) },
                "--phases" => options with { Phases = [.. Next().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)] },
                "--transport" => options with { Transport = Next().ToLowerInvariant() },
                "--outbox" => options with { Outbox = Next() is "on" or "true" },
                "--data" => options with { DataRoot = Next() },
                "--keep" => options with { Keep = true },
                "--timeline" => options with { Timeline = true, Keep = true },
                "--set" => options.With(Next()),
                "-h" or "--help" => throw new ArgumentException(Usage),
                _ => throw new ArgumentException($"Unknown option {args[i]}.\n{Usage}"),
            };
        }
        if (options.Transport is not ("inmemory" or "rabbitmq"))
            throw new ArgumentException($"--transport must be inmemory or rabbitmq.\n{Usage}");
        return options;
    }
}
