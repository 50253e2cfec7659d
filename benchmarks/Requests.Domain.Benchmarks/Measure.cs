using System.Diagnostics;
using Requests.Domain.Deadlines;

namespace Requests.Domain.Benchmarks;

internal static class Measure
{
    private const int Rounds = 7;

    /// <summary>One thread on one core, so the figure is per core whatever the machine.</summary>
    public static void PinToOneCore()
    {
        if (OperatingSystem.IsLinux() || OperatingSystem.IsWindows())
        {
            Process.GetCurrentProcess().ProcessorAffinity = 1;
        }

        Console.WriteLine($"{Environment.ProcessorCount} cores, pinned to one; .NET {Environment.Version}; {(Debugger.IsAttached ? "debugger" : "no debugger")}");
    }

    /// <summary>Best of several rounds over the whole workload (the first rounds also warm the JIT up).</summary>
    public static double OpsPerSecond(string name, DeadlineQuery[] queries, Func<DeadlineQuery, DateOnly> dueOn)
    {
        double best = 0;
        long checksum = 0;
        for (int round = 0; round < Rounds; round++)
        {
            var watch = Stopwatch.StartNew();
            foreach (var query in queries)
            {
                checksum += dueOn(query).DayNumber;
            }

            best = Math.Max(best, queries.Length / watch.Elapsed.TotalSeconds);
        }

        Console.WriteLine($"{name,-30} {best,15:N0} due dates/s  ({1e9 / best:F1} ns each; checksum {checksum})");
        return best;
    }

    public static long AllocatedPerCall(DeadlineQuery[] queries, Func<DeadlineQuery, DateOnly> dueOn)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        foreach (var query in queries)
        {
            dueOn(query);
        }

        return (GC.GetAllocatedBytesForCurrentThread() - before) / queries.Length;
    }
}
