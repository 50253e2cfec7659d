using System.Globalization;

namespace Requests.Harness;

/// <summary>The harness's command line.</summary>
internal sealed record Options(
    IReadOnlyList<string> Scenarios, int Filings, double Rate, int BrokerOutage, int Notices, int SmtpOutage,
    int Inputs, int Seed, string Data, bool Keep)
{
    public static readonly string[] All =
        ["kill intake", "kill routing", "kill reporting", "broker restart", "smtp outage", "fuzzing", "access matrix"];

    /// <summary>Run only when named: the scaled deployment it starts is not the one the others use.</summary>
    public const string Drill = "failure drill";

    public const string Usage = """
        usage: ./harness.sh [scenario...] [options]
          scenarios: kill-intake kill-routing kill-reporting broker-restart smtp-outage fuzzing access-matrix (default: all)
          ./harness.sh failure-drill [options]: on ./run.sh --scaled, one instance of each service and one RabbitMQ node
                             down at once (--filings, --rate; --broker-outage: how long they stay down; --keep: leave it running)
          --filings N        filings in each kill and broker scenario (default 10000)
          --rate R           filings a second (default 100)
          --broker-outage S  seconds the broker stays stopped (default 20)
          --notices N        notices due during the SMTP outage (default 1000)
          --smtp-outage S    seconds maildev stays stopped (default 120)
          --inputs N         hostile inputs of the fuzzing (default 20000)
          --seed N           the fuzzing's random seed (default 16)
          --data DIR         where the databases and logs go (default .run/harness)
          --keep             keep them after a run that holds
        """;

    public static Options Parse(string[] args)
    {
        var scenarios = new List<string>();
        int filings = 10_000, brokerOutage = 20, notices = 1_000, smtpOutage = 120, inputs = 20_000, seed = 16;
        double rate = 100;
        var data = Path.Combine(Environment.GetEnvironmentVariable("REQUESTS_RUN_DIR") ?? ".run", "harness");
        var keep = false;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.\n{Usage}");
            int Number() => int.TryParse(Next(), CultureInfo.InvariantCulture, out var n) && n > 0 ? n : throw new ArgumentException($"{args[i - 1]} needs a positive number.");
            switch (args[i])
            {
                case "--filings": filings = Number(); break;
                case "--rate": rate = Number(); break;
                case "--broker-outage": brokerOutage = Number(); break;
                case "--notices": notices = Number(); break;
                case "--smtp-outage": smtpOutage = Number(); break;
                case "--inputs": inputs = Number(); break;
                case "--seed": seed = Number(); break;
                case "--data": data = Next(); break;
                case "--keep": keep = true; break;
                case "all": scenarios.AddRange(All); break;
                case "--help" or "-h": throw new ArgumentException(Usage);
                default:
                    var name = args[i].Replace('-', ' ');
                    if (!All.Contains(name) && name != Drill)
                        throw new ArgumentException($"unknown scenario or option '{args[i]}'\n{Usage}");
                    scenarios.Add(name);
                    break;
            }
        }
        return new Options(scenarios.Count == 0 ? All : scenarios.Distinct().ToList(), filings, rate, brokerOutage, notices,
            smtpOutage, inputs, seed, Path.GetFullPath(data), keep);
    }
}
