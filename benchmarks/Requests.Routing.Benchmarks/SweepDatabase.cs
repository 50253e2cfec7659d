using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Requests.Domain.Calendar;
using Requests.Routing.Bodies;
using Requests.Routing.Storage;
using Requests.ServiceDefaults.Data;

namespace Requests.Routing.Benchmarks;

/// <summary>How many cases of each kind the database was filled with: what the sweep must find.</summary>
internal sealed record SweepMix(int Cases, int FirstReminders, int LastReminders, int Missed, int LateMissed)
{
    public int Due => FirstReminders + LastReminders + Missed + LateMissed;
}

/// <summary>
/// A routing database as the service migrates it (the real context and migrations, the directory seed), filled with
/// open cases in one transaction of raw inserts. The alert fields are set as CaseClock would have left them.
/// </summary>
internal static class SweepDatabase
{
    /// <summary>The context as the service configures it; <paramref name="pooled"/> as the service runs (its connections stay open).</summary>
    public static DbContextOptions<RoutingDbContext> Options(string file, bool pooled = false) =>
        new DbContextOptionsBuilder<RoutingDbContext>()
            .UseSqlite($"Data Source={file};Pooling={pooled}")
            .AddInterceptors(new SqlitePragmas())
            .ConfigureWarnings(w => w.Ignore(Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.PendingModelChangesWarning))
            .Options;

    public static async Task<(SweepMix Mix, TimeSpan Elapsed)> BuildAsync(string file, Options options, DateOnly today)
    {
        var watch = Stopwatch.StartNew();
        List<(string Id, string Body)> officers;
        await using (var db = new RoutingDbContext(Options(file)))
        {
            await db.Database.MigrateAsync();
            await DirectorySeed.LoadIfEmptyAsync(db, Path.Combine(AppContext.BaseDirectory, "Data", "directory.json"),
                NullLogger.Instance, CancellationToken.None);
            officers = [.. (await db.Officers.Where(o => o.Role != OfficerRoles.Head).OrderBy(o => o.Id).ToListAsync())
                .Select(o => (o.Id, o.BodyCode))];
        }

        using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        connection.Open();
        // a one-off load: no journal, no fsync; the file goes back to WAL (the service's mode) at the end
        Execute(connection, "PRAGMA journal_mode=DELETE; PRAGMA synchronous=OFF; PRAGMA cache_size=-400000;");
        var mix = Fill(connection, options, today, officers);
        Execute(connection, "PRAGMA journal_mode=WAL;");
        return (mix, watch.Elapsed);
    }

    private static SweepMix Fill(SqliteConnection connection, Options options, DateOnly today, List<(string Id, string Body)> officers)
    {
        var calendar = HolidayCalendar.Morocco;
        var random = new Random(2026);
        var rows = new CaseRows(connection);
        int first = 0, last = 0, missed = 0, late = 0, due = options.DueCases;
        using var transaction = connection.BeginTransaction();
        rows.Enlist(transaction);
        var idBytes = new byte[16];
        for (var i = 0; i < options.Cases; i++)
        {
            random.NextBytes(idBytes);
            var officer = officers[random.Next(officers.Count)];
            DateOnly dueOn, nextAlertOn;
            int stage;
            // selection sampling: exactly DueCases of the rows get an alert due today, spread over the whole table
            if (random.Next(options.Cases - i) < due)
            {
                due--;
                (stage, dueOn, nextAlertOn) = (random.Next(10)) switch
                {
                    < 4 => Count(ref first, 0, calendar.AddWorkingDays(today, 5), today), // first reminder today
                    < 7 => Count(ref last, 1, calendar.AddWorkingDays(today, 1), today), // last reminder today
                    < 9 => Count(ref missed, 2, calendar.WorkingDaysBefore(today, 1), calendar.WorkingDaysBefore(today, 1).AddDays(1)),
                    _ => Count(ref late, 0, calendar.WorkingDaysBefore(today, 3), calendar.WorkingDaysBefore(today, 8)), // a late sweep
                };
            }
            else if (random.Next(4) == 0)
            {
                dueOn = calendar.AddWorkingDays(today, 2 + random.Next(4)); // first reminder sent, the last one to come
                (stage, nextAlertOn) = (1, calendar.WorkingDaysBefore(dueOn, 1));
            }
            else
            {
                dueOn = calendar.AddWorkingDays(today, 6 + random.Next(40));
                (stage, nextAlertOn) = (0, calendar.WorkingDaysBefore(dueOn, 5));
            }
            rows.Insert(new Guid(idBytes), i, officer, dueOn, calendar.WorkingDaysBefore(dueOn, 20), stage, nextAlertOn);
        }
        transaction.Commit();
        return new SweepMix(options.Cases, first, last, missed, late);
    }

    private static (int, DateOnly, DateOnly) Count(ref int counter, int stage, DateOnly dueOn, DateOnly nextAlertOn)
    {
        counter++;
        return (stage, dueOn, nextAlertOn);
    }

    public static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
