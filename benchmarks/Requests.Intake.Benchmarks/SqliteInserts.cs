using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Requests.Intake.Benchmarks;

/// <summary>
/// Raw SQLite on the same disk, with the intake's own schema and a real stored receipt as the row shape: per receipt,
/// the tracking counter upsert, the case row and the outbox row, as the receipt writer does. WAL, <c>synchronous=FULL</c>.
/// </summary>
internal static class SqliteInserts
{
    private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=10000;";

    public sealed record Template(string[] Schema, string[] CaseColumns, object[] CaseValues, string MessageType, string MessageBody);

    /// <summary>The schema and one stored receipt of the intake database the service migrated and filled.</summary>
    public static Template ReadTemplate(string intakeDatabase)
    {
        using var connection = new SqliteConnection($"Data Source={intakeDatabase};Mode=ReadOnly;Pooling=False");
        connection.Open();
        var schema = new List<string>();
        using (var command = connection.CreateCommand())
        {
            // A virtual table (the publication's full-text index) creates its own shadow tables (name_data, ...).
            command.CommandText = "SELECT sql FROM sqlite_master m WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' " +
                                  "AND NOT EXISTS (SELECT 1 FROM sqlite_master v WHERE v.sql LIKE 'CREATE VIRTUAL TABLE%' " +
                                  "AND m.type = 'table' AND m.name LIKE v.name || '\\_%' ESCAPE '\\') " +
                                  "ORDER BY CASE type WHEN 'table' THEN 0 ELSE 1 END, rowid";
            using var reader = command.ExecuteReader();
            while (reader.Read())
                schema.Add(reader.GetString(0));
        }
        string[] columns;
        object[] values;
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT * FROM cases LIMIT 1";
            using var reader = command.ExecuteReader();
            if (!reader.Read())
                throw new InvalidOperationException("The intake database holds no case to copy the row shape from.");
            columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
            values = new object[reader.FieldCount];
            reader.GetValues(values);
        }
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT message_type, body FROM outbox_messages LIMIT 1";
            using var reader = command.ExecuteReader();
            reader.Read();
            return new Template([.. schema], columns, values, reader.GetString(0), reader.GetString(1));
        }
    }

    public static PhaseResult OneReceiptPerTransaction(string path, Template template, TimeSpan duration) =>
        Run("SQLite, 1 receipt per transaction", path, template, 1, duration);

    public static PhaseResult Batched(string path, Template template, int batchSize, TimeSpan duration) =>
        Run($"SQLite, {batchSize} receipts per transaction", path, template, batchSize, duration);

    private static PhaseResult Run(string name, string path, Template template, int batchSize, TimeSpan duration)
    {
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            File.Delete(file);
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        Execute(connection, Pragmas);
        foreach (var statement in template.Schema)
            Execute(connection, statement);

        using var counter = Command(connection,
            "INSERT INTO tracking_counters (key, last) VALUES ($p0, $p1) " +
            "ON CONFLICT (key) DO UPDATE SET last = tracking_counters.last + excluded.last RETURNING last", 2);
        using var insertCase = Command(connection,
            $"INSERT INTO cases ({string.Join(", ", template.CaseColumns)}) " +
            $"VALUES ({string.Join(", ", template.CaseColumns.Select((_, i) => $"$p{i}"))})", template.CaseColumns.Length);
        using var insertMessage = Command(connection,
            "INSERT INTO outbox_messages (message_id, message_type, body, created_at) VALUES ($p0, $p1, $p2, $p3)", 4);
        for (var i = 0; i < template.CaseColumns.Length; i++)
            insertCase.Parameters[i].Value = template.CaseValues[i];
        var id = Array.IndexOf(template.CaseColumns, "id");
        var tracking = Array.IndexOf(template.CaseColumns, "tracking_number");
        insertMessage.Parameters[1].Value = template.MessageType;
        insertMessage.Parameters[2].Value = template.MessageBody;
        counter.Parameters[0].Value = "BENCH-2026";
        counter.Parameters[1].Value = (long)batchSize;

        var cpu = new CpuMeter(() => null);
        var before = cpu.Take();
        var latencies = new List<long>();
        long rows = 0;
        var start = Stopwatch.GetTimestamp();
        var stop = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < stop)
        {
            var began = Stopwatch.GetTimestamp();
            using (var transaction = connection.BeginTransaction())
            {
                counter.Transaction = insertCase.Transaction = insertMessage.Transaction = transaction;
                var last = (long)counter.ExecuteScalar()!;
                var now = DateTime.UtcNow;
                for (var k = 0; k < batchSize; k++)
                {
                    insertCase.Parameters[id].Value = Guid.CreateVersion7().ToString();
                    insertCase.Parameters[tracking].Value = string.Create(CultureInfo.InvariantCulture, $"BENCH-2026-{last - batchSize + 1 + k}");
                    insertCase.ExecuteNonQuery();
                    insertMessage.Parameters[0].Value = Guid.CreateVersion7().ToString();
                    insertMessage.Parameters[3].Value = now;
                    insertMessage.ExecuteNonQuery();
                }
                transaction.Commit();
            }
            latencies.Add(Stopwatch.GetTimestamp() - began);
            rows += batchSize;
        }
        var elapsed = Stopwatch.GetElapsedTime(start);
        var use = cpu.Since(before) with { Requests = rows };
        var ms = latencies.Select(t => t * 1000.0 / Stopwatch.Frequency).Order().ToArray();
        return new PhaseResult(name, "1", rows, rows, 0, elapsed, ms, null, null, use, Unit: "receipts/s; latency per commit");
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, int parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        for (var i = 0; i < parameters; i++)
            command.Parameters.Add(new SqliteParameter($"$p{i}", null));
        command.Prepare();
        return command;
    }
}
