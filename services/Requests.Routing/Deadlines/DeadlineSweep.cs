using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Requests.Routing.Calendar;
using Requests.Routing.Storage;
using Requests.ServiceDefaults.Data;
using Requests.ServiceDefaults.Messaging;

namespace Requests.Routing.Deadlines;

/// <summary>How many cases one sweep moved, and how.</summary>
public sealed record SweepResult(int Examined, int FirstReminders, int LastReminders, int Missed, int Rescheduled,
    int Stopped, int Conflicts)
{
    public int Reminders => FirstReminders + LastReminders;

    public override string ToString() => $"{Reminders} reminder{(Reminders == 1 ? "" : "s")}, {Missed} missed" +
        (Conflicts > 0 ? $", {Conflicts} changed meanwhile (left for the next sweep)" : "");
}

/// <summary>Finds the cases whose next alert has come (a range on ix_cases_next_alert_on) and moves each to the stage its
/// deadline calls for with a compare-and-set on its alert stage and version. Each move writes its audit entry and its
/// messages in the same transaction, and only when the compare-and-set changed the row: two sweeps at once (a job fired
/// twice, two instances on one database) record each reminder and each miss exactly once. Raw ADO.NET on the context's
/// connection, prepared commands reused for every row, one transaction per batch: ten thousand due among a million open
/// cases take under a second on SQLite (benchmarks/Requests.Routing.Benchmarks).</summary>
public sealed partial class DeadlineSweep(
    RoutingDbContext db, WriteGate writes, CalendarStore calendar, OutboxSignal signal,
    IOptions<DeadlineJobOptions> options, ILogger<DeadlineSweep> logger)
{
    public const string Actor = "deadline-sweep";

    // a batch reads a thousand cases spread over the table, then writes each: with SQLite's default 2 MB cache the
    // pages read would be gone before they are written, so the sweep's connection holds more while it runs, and reads
    // through a memory map; the pooled connection gets the defaults back after (a failed sweep leaves it larger: harmless)
    private const string LargeCache = "PRAGMA cache_size = -65536; PRAGMA mmap_size = 1073741824;";
    private const string DefaultCache = "PRAGMA cache_size = -2000; PRAGMA mmap_size = 0;";

    /// <summary>Sweeps as of <paramref name="now"/>: its local date in Africa/Casablanca is the day the alerts are due on.</summary>
    public async Task<SweepResult> RunAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var today = calendar.LocalDate(now);
        var batchSize = Math.Max(1, options.Value.SweepBatchSize);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            if (db.Database.IsSqlite())
                await db.Database.ExecuteSqlRawAsync(LargeCache, cancellationToken);
            var recipients = await AlertRecipients.LoadAsync(connection, cancellationToken);
            await using var commands = new SweepCommands(connection);
            await using var notices = new SweepNotices(connection);
            var run = new Run(commands, recipients, calendar, now, today) { Notices = notices };
            while (true)
            {
                int read;
                int changed = run.Changed, messages = run.Messages;
                await writes.EnterAsync(cancellationToken);
                try
                {
                    // BEGIN IMMEDIATE on SQLite: the batch is read under the write lock, so no other writer can
                    // move these cases between the read and the compare-and-set
                    await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                    commands.Enlist(transaction);
                    notices.Enlist(transaction);
                    var batch = await commands.ReadDueAsync(today, batchSize, cancellationToken);
                    read = batch.Count;
                    foreach (var row in batch)
                        await ApplyAsync(run, row, cancellationToken);
                    await transaction.CommitAsync(cancellationToken);
                }
                finally
                {
                    writes.Exit();
                }
                if (run.Messages > messages)
                    signal.Notify(); // committed: the relay may publish them now
                // every case changed leaves the range; a batch in which nothing could change would come back as is
                if (read < batchSize || run.Changed == changed)
                    break;
            }
            if (db.Database.IsSqlite())
                await db.Database.ExecuteSqlRawAsync(DefaultCache, cancellationToken);
            var result = run.Result();
            if (result.Reminders + result.Missed > 0)
                logger.LogInformation("Deadline sweep for {Today}: {Result}", today, result);
            return result;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
