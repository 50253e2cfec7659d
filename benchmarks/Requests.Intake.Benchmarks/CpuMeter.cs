using System.Diagnostics;
using System.Globalization;

namespace Requests.Intake.Benchmarks;

/// <summary>CPU time used during a phase by the server, by this client, and by everything else on the machine.</summary>
internal sealed record CpuUse(TimeSpan Wall, TimeSpan Server, TimeSpan Client, TimeSpan Machine, long Requests = 0)
{
    public TimeSpan Other => Machine - Server - Client;

    /// <summary>Server CPU microseconds per answered request.</summary>
    public double ServerMicrosPerRequest => Requests == 0 ? double.NaN : Server.TotalMicroseconds / Requests;

    public double ClientMicrosPerRequest => Requests == 0 ? double.NaN : Client.TotalMicroseconds / Requests;

    /// <summary>Cores busy on average (out of <see cref="Environment.ProcessorCount"/>).</summary>
    public static double Cores(TimeSpan cpu, TimeSpan wall) => cpu / wall;
}

internal sealed class CpuMeter(Func<IEnumerable<Process?>> servers)
{
    public CpuMeter(Func<Process?> server) : this(() => [server()])
    {
    }

    public readonly record struct Snapshot(long Timestamp, TimeSpan Server, TimeSpan Client, TimeSpan Machine);

    public Snapshot Take()
    {
        var serverCpu = TimeSpan.Zero;
        foreach (var process in servers())
        {
            if (process is not { HasExited: false })
                continue;
            process.Refresh();
            serverCpu += process.TotalProcessorTime;
        }
        return new Snapshot(Stopwatch.GetTimestamp(), serverCpu, Process.GetCurrentProcess().TotalProcessorTime, MachineBusy());
    }

    public CpuUse Since(Snapshot before)
    {
        var now = Take();
        return new CpuUse(Stopwatch.GetElapsedTime(before.Timestamp, now.Timestamp), now.Server - before.Server,
            now.Client - before.Client, now.Machine - before.Machine);
    }

    /// <summary>Busy CPU time of the whole machine since boot, from <c>/proc/stat</c> (all but idle and iowait).</summary>
    public static TimeSpan MachineBusy()
    {
        try
        {
            var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            // cpu user nice system idle iowait irq softirq steal ...
            long busy = 0;
            for (var i = 1; i < Math.Min(fields.Length, 9); i++)
                if (i != 4 && i != 5)
                    busy += long.Parse(fields[i], CultureInfo.InvariantCulture);
            return TimeSpan.FromSeconds(busy / 100.0); // USER_HZ
        }
        catch (IOException)
        {
            return TimeSpan.Zero;
        }
    }
}
