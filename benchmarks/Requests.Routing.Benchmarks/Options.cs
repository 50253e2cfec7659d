using System.Globalization;

namespace Requests.Routing.Benchmarks;

/// <summary>Command-line settings; every one has a default that gives the standard run.</summary>
internal sealed record Options
{
    public int Cases { get; init; } = 1_000_000;
    public double DuePercent { get; init; } = 1;
    public int BatchSize { get; init; } = 1000;
    public int WarmRuns { get; init; } = 5;
    public TimeSpan Target { get; init; } = TimeSpan.FromSeconds(1);
    public HashSet<string> Phases { get; init; } = ["sweep"];
    public int Submissions { get; init; } = 20_000;
    public int AssignOpenCases { get; init; } = 200_000;
    public bool Keep { get; init; }
    public string? DataRoot { get; init; }

    public int DueCases => (int)Math.Round(Cases * DuePercent / 100);

    public const string Usage = """
        dotnet run -c Release --project benchmarks/Requests.Routing.Benchmarks [-- options]
          --cases N          open cases in the database (default 1000000)
          --due-percent P    percentage of them with an alert due today (default 1)
          --batch N          cases per sweep transaction (default 1000, the service's default)
          --warm-runs N      sweeps after the first, each on a fresh copy of the database (default 5)
          --submissions N    assign: submissions handed to the assignment consumer (default 20000)
          --open-cases N     assign: open cases already in the database (default 200000)
          --phases LIST      which phases to run: sweep, assign (default sweep)
          --data DIR         where the SQLite files go (default: a new folder under the system temp folder)
          --keep             keep the data folder
        """;

    public static Options Parse(string[] args)
    {
        var options = new Options();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.\n{Usage}");
            options = args[i] switch
            {
                "--cases" => options with { Cases = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--due-percent" => options with { DuePercent = double.Parse(Next(), CultureInfo.InvariantCulture) },
                "--batch" => options with { BatchSize = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--warm-runs" => options with { WarmRuns = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--phases" => options with { Phases = [.. Next().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)] },
                "--submissions" => options with { Submissions = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--open-cases" => options with { AssignOpenCases = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--data" => options with { DataRoot = Next() },
                "--keep" => options with { Keep = true },
                "-h" or "--help" => throw new ArgumentException(Usage),
                _ => throw new ArgumentException($"Unknown option {args[i]}.\n{Usage}"),
            };
        }
        if (options.Cases < 1 || options.DuePercent is < 0 or > 100 || options.BatchSize < 1 || options.WarmRuns < 0)
            throw new ArgumentException($"--cases, --batch must be positive, --due-percent 0 to 100, --warm-runs 0 or more.\n{Usage}");
        var unknown = options.Phases.Except(["sweep", "assign"]).ToList();
        if (unknown.Count > 0)
            throw new ArgumentException($"Unknown phase {string.Join(", ", unknown)}.\n{Usage}");
        return options;
    }
}
