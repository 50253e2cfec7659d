using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Requests.Domain.Calendar;
using Requests.Routing.Calendar;
using Requests.Routing.Deadlines;
using Requests.Routing.Storage;
using Requests.ServiceDefaults.Data;
using Requests.ServiceDefaults.Messaging;

namespace Requests.Routing.Benchmarks;

/// <summary>
/// The deadline sweep over a database of open cases, each run on a fresh copy of the same file: the first run in the
/// process (cold: JIT, SQLite's first statements) and warm runs after it. Then the floor for the same work: the raw
/// SELECT of the due rows and a raw compare-and-set UPDATE of each in one transaction, without audit or messages.
/// </summary>
internal static class SweepBenchmark
{
    private const string Phase = "sweep";

    // Monday 14 December 2026, 10:00 in Casablanca
    public static readonly DateTimeOffset Now = new(2026, 12, 14, 10, 0, 0, TimeSpan.FromHours(1));

    public static async Task RunAsync(Options options, string data, Report report)
    {
        var today = LegalTime.LocalDate(Now, CalendarStore.Morocco);
        var template = Path.Combine(data, "template.db");
        Console.WriteLine($"\nSweep: a routing database with {options.Cases:N0} open cases, {options.DueCases:N0} with an alert due on {today:yyyy-MM-dd} ...");
        var (mix, built) = await SweepDatabase.BuildAsync(template, options, today);
        Console.WriteLine($"  built in {built.TotalSeconds:N1} s, {new FileInfo(template).Length / 1e6:N0} MB; due: {mix.FirstReminders:N0} first reminders, " +
                          $"{mix.LastReminders:N0} last reminders, {mix.Missed:N0} misses, {mix.LateMissed:N0} misses found late");
        report.Add(Phase, "fill: migrations, directory, cases (one transaction)", mix.Cases, built);

        var cold = TimeSpan.Zero;
        var warm = new List<TimeSpan>();
        for (var run = 0; run <= options.WarmRuns; run++)
        {
            var copy = Fresh(template, data, $"sweep-{run}.db");
            var (result, elapsed, cpu) = await SweepOnceAsync(copy, options);
            SqliteConnection.ClearAllPools();
            Verify(copy, mix, result, today, report);
            report.Add(Phase, run == 0 ? "DeadlineSweep, cold (first run in the process)" : $"DeadlineSweep, warm run {run}", mix.Due, elapsed, cpu);
            // the e-mails of those alerts, which the sweep job writes right after the sweep (not part of the target)
            var (alerts, noticesElapsed, noticesCpu) = await NoticesOnceAsync(copy);
            SqliteConnection.ClearAllPools();
            report.Add(Phase, $"  then AlertNotices: their e-mails rendered and stored{(run == 0 ? " (cold)" : "")}", alerts, noticesElapsed, noticesCpu);
            if (run == 0)
                cold = elapsed;
            else
                warm.Add(elapsed);
            Delete(copy);
        }

        var baseline = Fresh(template, data, "baseline.db");
        var (rows, select, update) = RawBaseline(baseline, today);
        report.Add(Phase, "baseline: raw SELECT ... WHERE next_alert_on <= @today", rows, select.Elapsed, select.Cpu);
        report.Add(Phase, "baseline: raw compare-and-set UPDATE, one transaction", rows, update.Elapsed, update.Cpu);
        Delete(baseline);

        // the service sweeps every minute: its code is compiled and optimised long before; the cold run shows the JIT's share
        var measured = warm.Count > 0 ? warm.Order().ElementAt(warm.Count / 2) : cold;
        report.Note($"the cold run includes compiling the sweep's code; warm runs 1 and 2 still run partly unoptimised code (tiered JIT)");
        report.Verdict($"sweep of {mix.Due:N0} due among {mix.Cases:N0} open cases: {(warm.Count > 0 ? "median warm" : "cold")} " +
                       $"{measured.TotalMilliseconds:N0} ms, cold {cold.TotalMilliseconds:N0} ms (raw SQL floor {(select.Elapsed + update.Elapsed).TotalMilliseconds:N0} ms) " +
                       $"against {options.Target.TotalMilliseconds:N0} ms", measured < options.Target);
    }

    private static async Task<(int Alerts, TimeSpan Elapsed, TimeSpan Cpu)> NoticesOnceAsync(string file)
    {
        await using var db = new RoutingDbContext(SweepDatabase.Options(file, pooled: true));
        var links = new Requests.Routing.Notices.NoticeLinks(Microsoft.Extensions.Options.Options.Create(new Requests.Routing.Notices.NoticeOptions()));
        var notices = new Requests.Routing.Notices.AlertNotices(db, new WriteGate(), new CalendarStore(TimeProvider.System), links,
            new OutboxSignal());
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var alerts = await notices.WriteAsync(CancellationToken.None);
        watch.Stop();
        return (alerts, watch.Elapsed, Process.GetCurrentProcess().TotalProcessorTime - cpu);
    }

    private static async Task<(SweepResult Result, TimeSpan Elapsed, TimeSpan Cpu)> SweepOnceAsync(string file, Options options)
    {
        // pooled, as in the service: closing the last connection to a WAL file would checkpoint the whole WAL there
        await using var db = new RoutingDbContext(SweepDatabase.Options(file, pooled: true));
        // EF Core's own start-up (its internal services, the first connection) is not part of a sweep in a running service
        await db.Database.OpenConnectionAsync();
        await db.Database.CloseConnectionAsync();
        var sweep = new DeadlineSweep(db, new WriteGate(), new CalendarStore(TimeProvider.System), new OutboxSignal(),
            Microsoft.Extensions.Options.Options.Create(new DeadlineJobOptions { SweepBatchSize = options.BatchSize }),
            NullLogger<DeadlineSweep>.Instance);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var result = await sweep.RunAsync(Now, CancellationToken.None);
        watch.Stop();
        return (result, watch.Elapsed, Process.GetCurrentProcess().TotalProcessorTime - cpu);
    }

    /// <summary>The sweep did exactly what the data called for, and left nothing due behind.</summary>
    private static void Verify(string file, SweepMix mix, SweepResult result, DateOnly today, Report report)
    {
        using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        connection.Open();
        var stillDue = Scalar(connection, $"SELECT COUNT(*) FROM cases WHERE next_alert_on <= '{today:yyyy-MM-dd}'");
        var reminders = Scalar(connection, $"SELECT COUNT(*) FROM outbox_messages WHERE message_type = '{typeof(Contracts.Routing.DeadlineApproaching).FullName}'");
        var moves = Scalar(connection, $"SELECT COUNT(*) FROM outbox_messages WHERE message_type = '{typeof(Contracts.Routing.CaseMoved).FullName}'");
        var misses = Scalar(connection, $"SELECT COUNT(*) FROM outbox_messages WHERE message_type = '{typeof(Contracts.Routing.DeadlineMissed).FullName}'");
        var audit = Scalar(connection, "SELECT COUNT(*) FROM case_audit_entries");
        var expectedMissed = mix.Missed + mix.LateMissed;
        var ok = result.FirstReminders == mix.FirstReminders && result.LastReminders == mix.LastReminders && result.Missed == expectedMissed
                 && stillDue == 0 && reminders == mix.FirstReminders + mix.LastReminders && moves == expectedMissed && misses == expectedMissed
                 && audit == mix.Due;
        if (!ok)
            report.Fail($"the sweep's work does not match the data: {result} (examined {result.Examined}); still due {stillDue}, " +
                        $"outbox: {reminders} DeadlineApproaching, {moves} CaseMoved, {misses} DeadlineMissed; {audit} audit entries; expected {mix}");
    }

    private static (int Rows, (TimeSpan Elapsed, TimeSpan Cpu) Select, (TimeSpan Elapsed, TimeSpan Cpu) Update) RawBaseline(string file, DateOnly today)
    {
        using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        connection.Open();
        SqlitePragmas.Apply(connection);
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var rows = new List<(string Id, int Stage, int Version, DateOnly DueOn)>();
        using (var select = connection.CreateCommand())
        {
            select.CommandText = """
                SELECT id, tracking_number, regime, kind, body_code, status, version, alert_deadline, alert_stage,
                       due_on, recourse_due_on, assigned_officer_id
                FROM cases WHERE next_alert_on IS NOT NULL AND next_alert_on <= $today ORDER BY next_alert_on
                """;
            select.Parameters.AddWithValue("$today", today);
            using var reader = select.ExecuteReader();
            while (reader.Read())
                rows.Add((reader.GetString(0), reader.GetInt32(8), reader.GetInt32(6), reader.GetFieldValue<DateOnly>(9)));
        }
        process.Refresh();
        var selected = (watch.Elapsed, process.TotalProcessorTime - cpu);
        cpu = process.TotalProcessorTime;
        watch.Restart();
        using (var transaction = connection.BeginTransaction())
        using (var update = connection.CreateCommand())
        {
            update.Transaction = transaction;
            update.CommandText = "UPDATE cases SET alert_stage = $stage, next_alert_on = NULL WHERE id = $id AND alert_stage = $old AND version = $version";
            var stage = update.Parameters.Add("$stage", SqliteType.Integer);
            var id = update.Parameters.Add("$id", SqliteType.Text);
            var old = update.Parameters.Add("$old", SqliteType.Integer);
            var version = update.Parameters.Add("$version", SqliteType.Integer);
            foreach (var row in rows)
            {
                (stage.Value, id.Value, old.Value, version.Value) = (row.Stage + 1, row.Id, row.Stage, row.Version);
                update.ExecuteNonQuery();
            }
            transaction.Commit();
        }
        process.Refresh();
        return (rows.Count, selected, (watch.Elapsed, process.TotalProcessorTime - cpu));
    }

    private static string Fresh(string template, string data, string name)
    {
        var copy = Path.Combine(data, name);
        File.Copy(template, copy, overwrite: true);
        return copy;
    }

    private static void Delete(string file)
    {
        foreach (var path in new[] { file, file + "-wal", file + "-shm" })
            File.Delete(path);
    }

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }
}
