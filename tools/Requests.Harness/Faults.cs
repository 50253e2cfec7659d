using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace Requests.Harness;

/// <summary>One line of the table: a scenario, the size it ran at, what it measured and whether its figure holds.</summary>
internal sealed record Row(string Scenario, string Size, string Measured, bool Holds);

/// <summary>
/// Filings at a steady rate while a service is killed twice with SIGKILL (and started again), or the broker is stopped
/// for 20 s; then every filing is followed to intake's database, routing's assignment and reporting's fact.
/// </summary>
internal static class Faults
{
    public static async Task<Row> RunAsync(Options options, string scenario)
    {
        await using var system = await Deployment.StartAsync(options.Data, scenario.Replace(' ', '-'));
        using var http = Load.Client(system.Intake.Address);
        var duration = options.Filings / options.Rate;
        var events = new List<string>();
        var clock = Stopwatch.StartNew();
        var load = Load.RunAsync(http, scenario, options.Filings, options.Rate);
        if (scenario == "broker restart")
        {
            await Task.Delay(TimeSpan.FromSeconds(duration / 3));
            events.Add($"broker stopping at {clock.Elapsed.TotalSeconds:0} s");
            await Deployment.InfraAsync("rabbitmq", "stop");
            events.Add($"stopped at {clock.Elapsed.TotalSeconds:0} s");
            await Task.Delay(TimeSpan.FromSeconds(options.BrokerOutage));
            await Deployment.InfraAsync("rabbitmq", "start");
            events.Add($"started at {clock.Elapsed.TotalSeconds:0} s");
        }
        else
        {
            var victim = system.Services.Single(s => s.Name == scenario["kill ".Length..]);
            foreach (var third in new[] { 1, 2 })
            {
                var wait = TimeSpan.FromSeconds(duration * third / 3) - clock.Elapsed;
                if (wait > TimeSpan.Zero)
                    await Task.Delay(wait);
                var pid = victim.Pid;
                await victim.KillAsync();
                events.Add($"kill -9 {pid} at {clock.Elapsed.TotalSeconds:0} s");
                await Task.Delay(TimeSpan.FromSeconds(1));
                await victim.StartAsync();
            }
            events.Add($"{victim.Name} back as pid {victim.Pid}");
        }
        var filed = await load;
        Console.WriteLine($"  {scenario}: load done in {clock.Elapsed.TotalSeconds:0} s; {string.Join("; ", events)}");

        var acknowledged = filed.Where(f => f.Status == 201).Select(f => f.CaseId!.Value.ToString()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var counts = await ConvergeAsync(system, acknowledged);
        var failed = await system.FailedMessagesAsync();
        var refused = filed.Count(f => f.Status != 201);
        var holds = counts.Lost == 0 && counts.Twice == 0 && counts.Stored >= acknowledged.Count && failed == 0;
        var why = string.Join(", ", filed.Where(f => f.Status != 201).GroupBy(f => f.Status)
            .Select(g => $"{(g.Key == 0 ? "no answer" : g.Key.ToString(System.Globalization.CultureInfo.InvariantCulture))}: {g.Count()}"));
        var measured = $"acknowledged {acknowledged.Count}, not acknowledged {refused}{(refused > 0 ? $" ({why})" : "")}, " +
                       $"stored {counts.Stored} (of them unacknowledged {counts.Stored - counts.AcknowledgedStored}), assigned {counts.Assigned}, " +
                       $"counted {counts.Counted} (synthesis received {counts.Synthesis}), lost {counts.Lost}, twice {counts.Twice}, " +
                       $"error-queue messages {failed}; {string.Join("; ", events)}";
        return new Row(scenario, $"{options.Filings:N0} filings at {options.Rate:0}/s", measured, holds);
    }

    internal sealed record Counts(int Stored, int AcknowledgedStored, int Assigned, int Counted, long Synthesis, int Lost, int Twice);

    /// <summary>
    /// Waits until every stored filing is assigned in routing and counted in reporting (or nothing moved for 90 s),
    /// then counts. Lost: acknowledged but not stored, or stored but never assigned or counted. Twice: one filing stored
    /// under two cases, a case assigned twice, or reporting's synthesis counting more cases than it has facts.
    /// </summary>
    private static async Task<Counts> ConvergeAsync(Deployment system, HashSet<string> acknowledged)
    {
        var last = "";
        var still = Stopwatch.StartNew();
        var total = Stopwatch.StartNew();
        Counts counts;
        while (true)
        {
            counts = await CountAsync(system, acknowledged);
            var now = counts.ToString();
            if (counts.Assigned >= counts.Stored && counts.Counted >= counts.Stored && counts.Stored >= counts.AcknowledgedStored)
                if (counts.Lost == 0 && counts.Synthesis >= counts.Counted || still.Elapsed > TimeSpan.FromSeconds(30))
                    return counts;
            if (now != last)
            {
                last = now;
                still.Restart();
            }
            if (still.Elapsed > TimeSpan.FromSeconds(90) || total.Elapsed > TimeSpan.FromMinutes(15))
                return counts;
            await Task.Delay(2000);
        }
    }

    private static async Task<Counts> CountAsync(Deployment system, HashSet<string> acknowledged)
    {
        var intake = Databases.Column(system.IntakeDb, "SELECT id FROM cases").ToHashSet(StringComparer.OrdinalIgnoreCase);
        var subjects = Databases.Column(system.IntakeDb, "SELECT subject FROM cases GROUP BY subject HAVING COUNT(*) > 1");
        var assigned = Databases.Column(system.RoutingDb, "SELECT id FROM cases WHERE assigned_officer_id IS NOT NULL").ToHashSet(StringComparer.OrdinalIgnoreCase);
        var assignedTwice = Databases.Scalar(system.RoutingDb,
            "SELECT COUNT(*) FROM (SELECT case_id FROM case_audit_entries WHERE action = 'assign' GROUP BY case_id HAVING COUNT(*) > 1)");
        var facts = Databases.Column(system.ReportingDb, "SELECT case_id FROM case_facts").ToHashSet(StringComparer.OrdinalIgnoreCase);
        var synthesis = await SynthesisReceivedAsync(system);
        var acknowledgedStored = acknowledged.Count(intake.Contains);
        var lost = acknowledged.Count - acknowledgedStored
                   + intake.Count(id => !assigned.Contains(id)) + intake.Count(id => !facts.Contains(id));
        var twice = subjects.Count + (int)assignedTwice + (int)Math.Max(0, synthesis - facts.Count);
        return new Counts(intake.Count, acknowledgedStored, assigned.Count, facts.Count, synthesis, lost, twice);
    }

    /// <summary>The cases reporting's national synthesis says were received this year (the ministry's token).</summary>
    private static async Task<long> SynthesisReceivedAsync(Deployment system)
    {
        try
        {
            using var ministry = await system.StaffAsync(system.Reporting.Address, "ministry");
            var synthesis = await ministry.GetFromJsonAsync<JsonElement>($"/api/reports/{DateTime.UtcNow.Year}/synthesis");
            return synthesis.GetProperty("national").GetProperty("received").GetInt64();
        }
        catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or TaskCanceledException or KeyNotFoundException)
        {
            return -1;
        }
    }
}
