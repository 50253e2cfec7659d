using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Requests.Intake.Benchmarks;

/// <summary>What the intake database holds after the run, against what the clients were told. The outbox's counts are
/// of the filings its messages carry (each <c>SubmissionsStored</c> carries those of one commit).</summary>
internal sealed record Verification(
    long Acknowledged, long DistinctAcknowledged, long Cases, long DistinctInDatabase, long OutboxMessages,
    long OutboxSent, long AcknowledgedMissing, long Unanswered)
{
    private const string Filings = "SELECT COALESCE(SUM(json_array_length(body, '$.submissions')), 0) FROM outbox_messages";

    public bool Passed => Cases == Acknowledged && OutboxMessages == Acknowledged && DistinctAcknowledged == Acknowledged
                          && DistinctInDatabase == Cases && AcknowledgedMissing == 0;

    public static Verification Check(string database, IReadOnlyCollection<string> acknowledged, long unanswered)
    {
        using var connection = ReadOnlyDatabase.Open(database);
        var stored = new HashSet<string>(StringComparer.Ordinal);
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT tracking_number FROM cases";
            using var reader = command.ExecuteReader();
            while (reader.Read())
                stored.Add(reader.GetString(0));
        }
        return new Verification(
            acknowledged.Count,
            acknowledged.Distinct(StringComparer.Ordinal).LongCount(),
            ReadOnlyDatabase.Scalar(connection, "SELECT COUNT(*) FROM cases"),
            stored.Count,
            ReadOnlyDatabase.Scalar(connection, Filings),
            ReadOnlyDatabase.Scalar(connection, Filings + " WHERE sent_at IS NOT NULL"),
            acknowledged.LongCount(n => !stored.Contains(n)),
            unanswered);
    }
}

/// <summary>A service's database, read while (or after) it runs: read-only, never pooled.</summary>
internal static class ReadOnlyDatabase
{
    public static SqliteConnection Open(string database)
    {
        var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        connection.Open();
        return connection;
    }

    public static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}

/// <summary>
/// How large the writer's group commits were: every outbox row of one batch carries the same <c>created_at</c>
/// (the writer reads the clock once per transaction), so counting the filings per distinct value counts filings per commit.
/// </summary>
internal sealed record CommitBatches(string Phase, long Commits, double PerSecond, double Mean, int P50, int P90, int Max)
{
    public static List<CommitBatches> Read(string database, IEnumerable<(string Phase, DateTime From, DateTime To)> windows)
    {
        using var connection = ReadOnlyDatabase.Open(database);
        var batches = new List<(DateTime At, int Rows)>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT created_at, SUM(json_array_length(body, '$.submissions')) FROM outbox_messages GROUP BY created_at ORDER BY created_at";
            using var reader = command.ExecuteReader();
            while (reader.Read())
                batches.Add((reader.GetDateTime(0), reader.GetInt32(1)));
        }
        var result = new List<CommitBatches>();
        foreach (var (phase, from, to) in windows)
        {
            var sizes = batches.Where(b => b.At >= from && b.At <= to).Select(b => b.Rows).Order().ToArray();
            if (sizes.Length == 0)
                continue;
            result.Add(new CommitBatches(phase, sizes.Length, sizes.Length / (to - from).TotalSeconds, sizes.Average(),
                sizes[sizes.Length / 2], sizes[Math.Min(sizes.Length - 1, (int)(sizes.Length * 0.9))], sizes[^1]));
        }
        return result;
    }
}

/// <summary>
/// The work intake puts off under load (relaying the outbox; during a flood, rendering the receipts' e-mails): how long
/// it takes to catch up after a phase.
/// </summary>
internal static class Backlog
{
    public static async Task<string> WaitForAsync(string database, bool outbox, string after)
    {
        var sql = "SELECT (SELECT COUNT(*) FROM receipt_notices)" +
                  (outbox ? " + (SELECT COUNT(*) FROM outbox_messages WHERE sent_at IS NULL)" : "");
        var waited = System.Diagnostics.Stopwatch.StartNew();
        long left;
        do
        {
            await Task.Delay(250);
            using var connection = ReadOnlyDatabase.Open(database);
            left = ReadOnlyDatabase.Scalar(connection, sql);
        }
        while (left > 0 && waited.Elapsed < TimeSpan.FromMinutes(3));
        var what = outbox ? "messages relayed and receipts' e-mails rendered" : "receipts' e-mails rendered";
        return left == 0
            ? $"backlog after {after}: {what} {waited.Elapsed.TotalSeconds:0.0} s later"
            : $"backlog after {after}: {left:N0} left after {waited.Elapsed.TotalSeconds:0} s";
    }
}
