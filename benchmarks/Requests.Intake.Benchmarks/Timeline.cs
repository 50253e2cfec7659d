using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Requests.Intake.Benchmarks;

/// <summary>
/// An open-loop phase's latencies by when each request was due, in 50 ms windows: whether a tail comes from a few
/// stalls (a pause, a burst of background work) or from every window alike.
/// </summary>
internal static class Timeline
{
    private const double WindowMs = 50;

    /// <summary>Writes the CSV of the workers' requests and returns a summary of the worst windows.</summary>
    public static string Write(string path, IReadOnlyList<LoadWorker> workers) =>
        Write(path, [.. workers.SelectMany(w => w.Scheduled.Zip(w.Latencies))], 20);

    /// <summary>Writes the CSV of (when due, latency) pairs, in Stopwatch ticks, and returns a summary of the worst windows.</summary>
    public static string Write(string path, List<(long DueAt, long Ticks)> points, double overMs)
    {
        if (points.Count == 0)
            return "  timeline: no requests";
        var start = points.Min(p => p.DueAt);
        var windows = points
            .GroupBy(p => (int)((p.DueAt - start) * 1000.0 / Stopwatch.Frequency / WindowMs))
            .OrderBy(g => g.Key)
            .Select(g =>
            {
                var ms = g.Select(p => p.Ticks * 1000.0 / Stopwatch.Frequency).Order().ToArray();
                return (At: g.Key * WindowMs, Count: ms.Length, P50: PhaseResult.Percentile(ms, 50), Max: ms[^1]);
            })
            .ToList();
        var csv = new StringBuilder("window_ms,requests,p50_ms,max_ms\n");
        foreach (var w in windows)
            csv.Append(CultureInfo.InvariantCulture, $"{w.At:0},{w.Count},{w.P50:0.00},{w.Max:0.00}\n");
        File.WriteAllText(path, csv.ToString());
        var over = windows.Count(w => w.Max >= overMs);
        var worst = string.Join(", ", windows.OrderByDescending(w => w.Max).Take(8)
            .Select(w => string.Create(CultureInfo.InvariantCulture, $"{w.At / 1000:0.00}s:{w.Max:0}ms")));
        return $"  timeline ({path}): {over} of {windows.Count} windows of {WindowMs:0} ms saw one over {overMs:0} ms; worst {worst}";
    }
}
