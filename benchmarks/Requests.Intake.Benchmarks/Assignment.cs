using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Requests.Intake.Benchmarks;

/// <summary>
/// From a citizen's submission to its assignment in routing: when each request was due (this program's clock) against
/// when routing committed the assignment (<c>cases.assigned_at</c>, routing's clock: the same machine's).
/// </summary>
internal static class Assignment
{
    /// <summary>services/Requests.Routing/bin/{configuration}/{framework}/Requests.Routing.dll, built with this project.</summary>
    public static string RoutingDll()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var root = output.Parent!.Parent!.Parent!.Parent!.Parent!.FullName;
        var dll = Path.Combine(root, "services", "Requests.Routing", "bin", output.Parent.Name, output.Name, "Requests.Routing.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"Routing's build is missing: {dll}", dll);
    }

    /// <summary>Waits until routing has assigned (or flagged) <paramref name="expected"/> cases; false on time-out.</summary>
    public static async Task<bool> WaitForAsync(string routingDatabase, long expected, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (File.Exists(routingDatabase) && Count(routingDatabase) >= expected)
                return true;
            await Task.Delay(250);
        }
        return false;
    }

    /// <summary>Milliseconds from each request's due time to its assignment, sorted; and how many were never assigned.</summary>
    public static (double[] Ms, long Missing) Latencies(string routingDatabase, IEnumerable<(string TrackingNumber, long DueAt)> sent,
        DateTime anchorUtc, long anchorTicks)
    {
        var assigned = new Dictionary<string, DateTime>(StringComparer.Ordinal);
        using (var connection = ReadOnlyDatabase.Open(routingDatabase))
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT tracking_number, assigned_at FROM cases WHERE assigned_at IS NOT NULL";
            using var reader = command.ExecuteReader();
            while (reader.Read())
                assigned[reader.GetString(0)] = DateTime.Parse(reader.GetString(1), CultureInfo.InvariantCulture,
                    DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
        }
        var ms = new List<double>();
        long missing = 0;
        foreach (var (trackingNumber, dueAt) in sent)
        {
            if (!assigned.TryGetValue(trackingNumber, out var at))
            {
                missing++;
                continue;
            }
            var due = anchorUtc.AddTicks((long)((dueAt - anchorTicks) * (double)TimeSpan.TicksPerSecond / Stopwatch.Frequency));
            ms.Add((at - due).TotalMilliseconds);
        }
        var sorted = ms.ToArray();
        Array.Sort(sorted);
        return (sorted, missing);
    }

    /// <summary>
    /// Watches routing's database while the load runs and notes when each assignment is first seen committed, on this
    /// program's clock: an upper bound on the commit's time (a few milliseconds of polling late at most), where
    /// <c>assigned_at</c> is the moment the consumer took up its batch, before it wrote and committed anything.
    /// </summary>
    public sealed class Watcher : IAsyncDisposable
    {
        private readonly Dictionary<string, long> _seen = new(StringComparer.Ordinal);
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _polling;

        /// <summary>Starts watching from the cases routing holds now: those of the warm-up are never read, so the first
        /// polls of the measured load wait behind no catching up.</summary>
        public Watcher(string routingDatabase)
        {
            long start;
            using (var connection = ReadOnlyDatabase.Open(routingDatabase))
                start = ReadOnlyDatabase.Scalar(connection, "SELECT coalesce(max(rowid), 0) FROM cases");
            _polling = Task.Run(() => PollAsync(routingDatabase, start));
        }

        /// <summary>When each tracking number was first seen assigned (Stopwatch ticks).</summary>
        public IReadOnlyDictionary<string, long> Seen => _seen;

        private async Task PollAsync(string database, long start)
        {
            using var connection = ReadOnlyDatabase.Open(database);
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT rowid, tracking_number FROM cases WHERE rowid > $last AND assigned_at IS NOT NULL ORDER BY rowid";
            var last = command.Parameters.AddWithValue("$last", start);
            while (!_stop.IsCancellationRequested)
            {
                var now = Stopwatch.GetTimestamp();
                using (var reader = command.ExecuteReader())
                    while (reader.Read())
                    {
                        _seen.TryAdd(reader.GetString(1), now);
                        last.Value = reader.GetInt64(0);
                    }
                try
                {
                    await Task.Delay(3, _stop.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            try
            {
                await _polling;
            }
            catch (OperationCanceledException)
            {
            }
            _stop.Dispose();
        }
    }

    /// <summary>Each request's due time and how long after it <see cref="Watcher"/> saw it assigned (Stopwatch ticks); and how many it never saw.</summary>
    public static (List<(long DueAt, long Ticks)> Points, long Missing) Seen(IReadOnlyDictionary<string, long> seen,
        IEnumerable<(string TrackingNumber, long DueAt)> sent)
    {
        var points = new List<(long DueAt, long Ticks)>();
        long missing = 0;
        foreach (var (trackingNumber, dueAt) in sent)
        {
            if (seen.TryGetValue(trackingNumber, out var at))
                points.Add((dueAt, at - dueAt));
            else
                missing++;
        }
        return (points, missing);
    }

    /// <summary>The latencies of <paramref name="points"/> in milliseconds, sorted.</summary>
    public static double[] Milliseconds(List<(long DueAt, long Ticks)> points)
    {
        var sorted = points.Select(p => p.Ticks * 1000.0 / Stopwatch.Frequency).ToArray();
        Array.Sort(sorted);
        return sorted;
    }

    private static long Count(string database)
    {
        using var connection = ReadOnlyDatabase.Open(database);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM cases WHERE assigned_at IS NOT NULL OR flag IS NOT NULL";
        try
        {
            return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
        catch (SqliteException)
        {
            return 0; // not migrated yet
        }
    }
}
