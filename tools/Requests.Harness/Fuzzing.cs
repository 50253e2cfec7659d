using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Requests.Harness;

/// <summary>
/// Hostile inputs from <see cref="HostileInputs"/> against every anonymous endpoint and the import. The inputs meant to
/// be refused go first, in chunks; around each chunk whose writes were all refused, the three databases must keep the
/// same fingerprint (every table's rows). No answer may be 500 or more, and every process must keep its pid.
/// </summary>
internal static class Fuzzing
{
    private const int Chunk = 500;

    public static async Task<Row> RunAsync(Options options)
    {
        await using var system = await Deployment.StartAsync(options.Data, "fuzzing");
        var clients = system.Services.ToDictionary(s => s.Name, s => Load.Client(s.Address));
        var targets = await TargetsAsync(system, clients["intake"]);
        var pids = system.Services.ToDictionary(s => s.Name, s => s.Pid);
        var generator = new HostileInputs(options.Seed, targets);
        var inputs = Enumerable.Range(0, options.Inputs).Select(_ => generator.Next()).ToList();
        var ordered = inputs.Where(i => !i.MayChange).Concat(inputs.Where(i => i.MayChange)).ToList();
        var statuses = new ConcurrentDictionary<int, int>();
        var errors = new ConcurrentQueue<string>();
        int refusedChecked = 0, changedChunks = 0, acceptedWrites = 0;
        var changes = new List<string>();
        var clock = Stopwatch.StartNew();

        var unexpected = new ConcurrentQueue<string>();
        var before = await QuietAsync(system);
        var tokens = new Dictionary<string, string>();
        TimeSpan? signedIn = null;
        foreach (var chunk in ordered.Chunk(Chunk))
        {
            if (signedIn is null || clock.Elapsed - signedIn > TimeSpan.FromMinutes(10)) // access tokens live 15 minutes
            {
                tokens = await TokensAsync(system);
                signedIn = clock.Elapsed;
                // the harness's own sign-ins (refresh tokens, the addresses seen) are not the inputs' doing
                before = await QuietAsync(system);
            }
            var refused = new ConcurrentBag<Input>();
            var accepted = 0;
            await Parallel.ForEachAsync(chunk, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (input, _) =>
            {
                var (status, answer) = await SendAsync(clients[input.Service], input, tokens);
                statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
                if (status is >= 500 or 0)
                    errors.Enqueue($"{status} {input.Service} {input.Method} {HostileInputs.Show(input.Path)} [{input.Label}] -> {HostileInputs.Show(answer)}");
                if (status is >= 200 and < 300 && input.Method != "GET")
                {
                    Interlocked.Increment(ref accepted);
                    if (!input.MayChange)
                        unexpected.Enqueue($"{status} {input.Method} {HostileInputs.Show(input.Path)} [{input.Label}]");
                }
                else
                    refused.Add(input);
            });
            acceptedWrites += accepted;
            if (accepted > 0)
            {
                // what the accepted writes set going settles first; then the refused ones of the chunk go again, alone
                before = await QuietAsync(system);
                accepted = 0;
                await Parallel.ForEachAsync(refused, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (input, _) =>
                {
                    var (status, answer) = await SendAsync(clients[input.Service], input, tokens);
                    if (status is >= 500 or 0)
                        errors.Enqueue($"{status} (again) {input.Service} {input.Method} {HostileInputs.Show(input.Path)} [{input.Label}] -> {HostileInputs.Show(answer)}");
                    if (status is >= 200 and < 300 && input.Method != "GET")
                        Interlocked.Increment(ref accepted);
                });
                if (accepted > 0)
                {
                    before = await QuietAsync(system);
                    continue;
                }
            }
            await Task.Delay(300);
            var after = Fingerprint(system);
            refusedChecked += refused.Count;
            var changed = after.Where(p => !before.TryGetValue(p.Key, out var was) || was != p.Value).Select(p => p.Key).ToList();
            if (changed.Count > 0)
            {
                changedChunks++;
                changes.Add($"inputs {ordered.IndexOf(chunk[0])}..{ordered.IndexOf(chunk[^1])}: {string.Join(", ", changed)}");
                before = await QuietAsync(system);
            }
            else
                before = after;
        }

        var restarted = system.Services.Where(s => !s.Running || s.Pid != pids[s.Name]).Select(s => s.Name).ToList();
        foreach (var client in clients.Values)
            client.Dispose();
        var serverErrors = statuses.Where(s => s.Key >= 500).Sum(s => s.Value);
        var noAnswer = statuses.GetValueOrDefault(0);
        foreach (var error in errors.Take(20))
            Console.WriteLine($"    {error}");
        foreach (var write in unexpected.Take(15))
            Console.WriteLine($"    accepted, though meant to be refused: {write}");
        foreach (var change in changes.Take(10))
            Console.WriteLine($"    rows changed by refused inputs {change}");
        var holds = serverErrors == 0 && noAnswer == 0 && changedChunks == 0 && restarted.Count == 0;
        return new Row("fuzzing", $"{options.Inputs:N0} inputs, seed {options.Seed}",
            $"answers ≥ 500: {serverErrors}, no answer: {noAnswer}, answers {string.Join(" ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}"))}; " +
            $"refused inputs checked against the databases {refusedChecked}, rows changed by them: " +
            $"{(changedChunks == 0 ? "0" : string.Join("; ", changes))}; writes accepted {acceptedWrites} (of them meant to be refused {unexpected.Count}); " +
            $"processes restarted: {(restarted.Count == 0 ? "none" : string.Join(", ", restarted))}; {clock.Elapsed.TotalSeconds:0} s", holds);
    }

    /// <summary>A request and a complaint of MEF to aim the citizen's actions and the document requests at.</summary>
    private static async Task<Targets> TargetsAsync(Deployment system, HttpClient intake)
    {
        async Task<(string, string)> FileAsync(string path, object body)
        {
            using var response = await intake.PostAsJsonAsync(path, body);
            var receipt = await response.Content.ReadFromJsonAsync<JsonElement>();
            if ((int)response.StatusCode != 201)
                throw new InvalidOperationException($"Filing {path}: {(int)response.StatusCode} {receipt}");
            return (receipt.GetProperty("trackingNumber").GetString()!, receipt.GetProperty("accessCode").GetString()!);
        }
        var (number, code) = await FileAsync("/api/requests", Load.Request("fuzzing", 0));
        var (complaint, complaintCode) = await FileAsync("/api/complaints", new
        {
            kind = "complaint", bodyCode = "MEF", subject = "Waiting time", description = "Three hours at the counter.", theme = "reception",
            language = "fr", consent = true, requester = new { fullName = "Amina Alaoui", identityNumber = "AB123456", address = "Rabat" },
        });
        return new Targets(number, code, complaint, complaintCode);
    }

    /// <summary>The current tokens of MEF's officer and of the ministry, by the placeholders the inputs carry.</summary>
    private static async Task<Dictionary<string, string>> TokensAsync(Deployment system)
    {
        using var officer = await system.StaffAsync(system.Intake.Address, "mef.officer");
        using var ministry = await system.StaffAsync(system.Reporting.Address, "ministry");
        return new()
        {
            [HostileInputs.OfficerToken] = officer.DefaultRequestHeaders.Authorization!.Parameter!,
            [HostileInputs.MinistryToken] = ministry.DefaultRequestHeaders.Authorization!.Parameter!,
        };
    }

    private static async Task<(int Status, string Answer)> SendAsync(HttpClient http, Input input, Dictionary<string, string> tokens)
    {
        try
        {
            using var request = new HttpRequestMessage(new HttpMethod(input.Method), new Uri(input.Path, UriKind.Relative));
            if (input.Body is { } body)
            {
                request.Content = new ByteArrayContent(body);
                if (input.ContentType is { } type)
                    request.Content.Headers.TryAddWithoutValidation("Content-Type", type);
            }
            foreach (var (name, value) in input.Headers)
            {
                if (name == "Authorization")
                {
                    var live = value.Split(' ') is [var scheme, var token] && tokens.TryGetValue(token, out var current) ? $"{scheme} {current}" : value;
                    request.Headers.Authorization = AuthenticationHeaderValue.TryParse(live, out var parsed) ? parsed : null;
                }
                else if (name.StartsWith("Content-", StringComparison.Ordinal))
                    request.Content?.Headers.TryAddWithoutValidation(name, value);
                else
                    request.Headers.TryAddWithoutValidation(name, value);
            }
            using var response = await http.SendAsync(request);
            var answer = await response.Content.ReadAsStringAsync();
            return ((int)response.StatusCode, answer);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
        {
            return (0, ex.Message);
        }
    }

    // a refused sign-in is meant to leave a trace: the throttle counts it against its address and account
    private static readonly HashSet<string> Skip = new(StringComparer.Ordinal) { "__EFMigrationsHistory", "sign_in_strikes" };

    private static Dictionary<string, string> Fingerprint(Deployment system) =>
        new[] { system.IntakeDb, system.RoutingDb, system.ReportingDb }
            .SelectMany(db => Databases.Fingerprint(db, Skip).Select(p => (Key: $"{Path.GetFileNameWithoutExtension(db)}.{p.Key}", p.Value)))
            .ToDictionary(p => p.Key, p => p.Value);

    /// <summary>Waits until the databases stop changing (what accepted inputs set going has settled), for 60 s at most.</summary>
    private static async Task<Dictionary<string, string>> QuietAsync(Deployment system)
    {
        var clock = Stopwatch.StartNew();
        var last = Fingerprint(system);
        var stable = 0;
        while (stable < 2 && clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(1500);
            var now = Fingerprint(system);
            stable = now.Count == last.Count && now.All(p => last.TryGetValue(p.Key, out var v) && v == p.Value) ? stable + 1 : 0;
            last = now;
        }
        return last;
    }
}
