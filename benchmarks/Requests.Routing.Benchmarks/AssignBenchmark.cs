using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Requests.Contracts.Intake;
using Requests.Domain.Calendar;
using Requests.Routing.Assignment;
using Requests.Routing.Calendar;
using Requests.Routing.Notices;
using Requests.Routing.Storage;
using Requests.ServiceDefaults.Data;
using Requests.ServiceDefaults.Messaging;

namespace Requests.Routing.Benchmarks;

/// <summary>
/// Routing's own share of a submission's way to an officer: the assignment consumer handling batches of
/// <c>RequestSubmitted</c> as the broker hands them over (a fresh scope per batch, as MassTransit gives it), on a
/// database that already holds open cases; no broker, so what is measured is routing's CPU and disk per case. Next to
/// it, the floor: the same rows (case, audit entry, inbox record, outbox message, the officer's notice) inserted raw,
/// one transaction a batch.
/// </summary>
internal static class AssignBenchmark
{
    private const string Phase = "assign";

    public static async Task RunAsync(Options options, string data, Report report)
    {
        var today = LegalTime.LocalDate(SweepBenchmark.Now, CalendarStore.Morocco);
        var file = Path.Combine(data, "assign.db");
        Console.WriteLine($"\nAssignment: {options.Submissions:N0} submissions in batches of {AssignCaseOnSubmissionConsumer.BatchSize}, " +
                          $"on a database of {options.AssignOpenCases:N0} open cases ...");
        var (_, built) = await SweepDatabase.BuildAsync(file, options with { Cases = options.AssignOpenCases, DuePercent = 0 }, today);
        report.Add(Phase, "fill: migrations, directory, open cases", options.AssignOpenCases, built);
        List<string> bodies;
        await using (var db = new RoutingDbContext(SweepDatabase.Options(file)))
            bodies = await db.Bodies.Select(b => b.Code).OrderBy(c => c).ToListAsync();

        var calendar = new CalendarStore(TimeProvider.System);
        var clock = TimeProvider.System;
        // the first batches compile the code: run a warm-up share first, then measure the rest
        var submissions = Submissions(options.Submissions, bodies, today);
        var warmup = Math.Min(submissions.Count / 5, 2000);
        await AssignAllAsync(file, submissions.Take(warmup).ToList(), calendar, clock);
        var measured = submissions.Skip(warmup).ToList();
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        await AssignAllAsync(file, measured, calendar, clock);
        watch.Stop();
        process.Refresh();
        var used = process.TotalProcessorTime - cpu;
        report.Add(Phase, "AssignCaseOnSubmissionConsumer, batches of 100", measured.Count, watch.Elapsed, used);
        SqliteConnection.ClearAllPools();
        Verify(file, options.AssignOpenCases + submissions.Count, submissions.Count, report);

        var floor = RawInserts(Path.Combine(data, "assign-raw.db"), file, measured.Count);
        report.Add(Phase, "baseline: raw inserts of the same 5 rows a case, a batch a transaction", measured.Count, floor.Elapsed, floor.Cpu);
        report.Note($"assignment: {used.TotalMicroseconds / measured.Count:N0} µs of CPU a case in the consumer, " +
                    $"{floor.Cpu.TotalMicroseconds / measured.Count:N0} µs raw");
    }

    private static async Task AssignAllAsync(string file, List<RequestSubmitted> submissions, CalendarStore calendar, TimeProvider clock)
    {
        var options = SweepDatabase.Options(file, pooled: true);
        var writes = new WriteGate();
        var loads = new OfficerLoads(clock);
        var signal = new OutboxSignal();
        var links = new NoticeLinks(Microsoft.Extensions.Options.Options.Create(new NoticeOptions()));
        foreach (var chunk in submissions.Chunk(SubmissionsStored.MaxCount))
        {
            await using var db = new RoutingDbContext(options);
            var inbox = new Inbox(db, writes, signal, clock);
            var consumer = new AssignCaseOnSubmissionConsumer(db, new OfficerPicker(db, loads), inbox, signal, clock, calendar,
                new CaseNotices(db, calendar, links), NullLogger<AssignCaseOnSubmissionConsumer>.Instance);
            await inbox.HandleAsync(nameof(AssignCaseOnSubmissionConsumer), chunk, _ => Guid.CreateVersion7(),
                (fresh, cancellationToken) => consumer.AssignAsync(fresh, cancellationToken), CancellationToken.None);
        }
    }

    private static List<RequestSubmitted> Submissions(int count, List<string> bodies, DateOnly today)
    {
        var random = new Random(31);
        var receivedAt = new DateTimeOffset(today.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);
        return [.. Enumerable.Range(0, count).Select(n => new RequestSubmitted(
            Guid.CreateVersion7(), $"DAI-2026-{n + 5_000_000:D7}", "information", "request", bodies[random.Next(bodies.Count)],
            $"Budget execution {n}", "The quarterly execution reports of the year, by programme and by region.", null,
            false, null, "report", null, null, "email", "fr", "portal", receivedAt, today, HolidayCalendar.Morocco.AddWorkingDays(today, 20),
            "2026.1", new Requester("Amina El Idrissi", "AB123456", "amina@example.ma", null, null)))];
    }

    private static void Verify(string file, long expectedCases, long expectedAssigned, Report report)
    {
        using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        connection.Open();
        var cases = Scalar(connection, "SELECT COUNT(*) FROM cases");
        var outbox = Scalar(connection, "SELECT COUNT(*) FROM outbox_messages");
        if (cases != expectedCases || outbox != expectedAssigned)
            report.Fail($"assignment: {cases} cases and {outbox} outbox messages, expected {expectedCases} and {expectedAssigned}");
    }

    /// <summary>The rows the consumer wrote for the last <paramref name="count"/> cases, inserted again raw into a copy of the schema.</summary>
    private static (TimeSpan Elapsed, TimeSpan Cpu) RawInserts(string target, string source, int count)
    {
        var tables = new[] { "cases", "case_audit_entries", "inbox_messages", "outbox_messages", "notifications" };
        using var connection = new SqliteConnection($"Data Source={target};Pooling=False");
        connection.Open();
        SqlitePragmas.Apply(connection);
        SweepDatabase.Execute(connection, $"ATTACH DATABASE '{source}' AS source");
        foreach (var table in tables)
        {
            SweepDatabase.Execute(connection, $"CREATE TABLE {table} AS SELECT * FROM source.{table} WHERE 0");
            SweepDatabase.Execute(connection, $"CREATE TEMP TABLE last_{table} AS SELECT * FROM source.{table} ORDER BY rowid DESC LIMIT {count}");
        }
        var rows = tables.ToDictionary(t => t, t => Rows(connection, $"SELECT * FROM last_{t}"));
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var inserts = tables.ToDictionary(t => t, t => Insert(connection, t, rows[t][0].Length));
        for (var start = 0; start < count; start += AssignCaseOnSubmissionConsumer.BatchSize)
        {
            using var transaction = connection.BeginTransaction();
            foreach (var table in tables)
            {
                var insert = inserts[table];
                insert.Transaction = transaction;
                foreach (var row in rows[table].Skip(start).Take(AssignCaseOnSubmissionConsumer.BatchSize))
                {
                    for (var i = 0; i < row.Length; i++)
                        insert.Parameters[i].Value = row[i];
                    insert.ExecuteNonQuery();
                }
            }
            transaction.Commit();
        }
        watch.Stop();
        process.Refresh();
        return (watch.Elapsed, process.TotalProcessorTime - cpu);
    }

    private static SqliteCommand Insert(SqliteConnection connection, string table, int columns)
    {
        var command = connection.CreateCommand();
        command.CommandText = $"INSERT INTO main.{table} VALUES ({string.Join(", ", Enumerable.Range(0, columns).Select(i => $"$p{i}"))})";
        for (var i = 0; i < columns; i++)
            command.Parameters.Add(new SqliteParameter($"$p{i}", null));
        return command;
    }

    private static List<object[]> Rows(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object[]>();
        while (reader.Read())
        {
            var row = new object[reader.FieldCount];
            reader.GetValues(row);
            rows.Add(row);
        }
        return rows;
    }

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }
}
