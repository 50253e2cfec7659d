using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Requests.Reporting.Facts;
using Requests.Reporting.Reports;
using Requests.Reporting.Storage;
using Requests.ServiceDefaults.Data;

namespace Requests.Reporting.Tests;

/// <summary>
/// A report after a write patches the year it holds in memory with the facts written since: it must give exactly
/// what a cold read of the database gives, after every kind of event and after an import.
/// </summary>
public sealed class Catching_up_on_written_facts : IAsyncLifetime, IDisposable
{
    private const string AsOf = "2026-03-01";
    private static readonly DateOnly Dec29 = new(2025, 12, 29);
    private static readonly DateOnly Jan27 = new(2026, 1, 27);

    private readonly ReportingApp _app = new();

    public async Task InitializeAsync()
    {
        await _app.ImportOkAsync(HistoricalFile.Year2025);
        await _app.GetJsonAsync($"/api/reports/2025/synthesis?asOf={AsOf}");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Gives_the_figures_of_a_cold_read_after_each_kind_of_event()
    {
        var answered = new LifecycleEvents();
        var missed = new LifecycleEvents(regime: "complaint", kind: "complaint", body: "ONEE");
        var closed = new LifecycleEvents();
        (string Name, object Message, bool Shows)[] steps =
        [
            ("a new case", answered.Submitted(Dec29, Jan27, channel: "email", urgent: true), true),
            ("its assignment", answered.Assigned(Dec29, Dec29, new DateOnly(2026, 1, 28)), true),
            ("an extension", answered.Moved("extend", "extended", new DateOnly(2026, 1, 5), new DateOnly(2026, 2, 24)), true),
            ("its answer", answered.Moved("answer", "answered", new DateOnly(2026, 1, 8), new DateOnly(2026, 2, 24), "refused", "national-defence"), true),
            ("a complaint", missed.Submitted(new DateOnly(2025, 11, 3), new DateOnly(2025, 12, 15), theme: "water"), true),
            ("its due date moved", missed.DueChanged(new DateOnly(2025, 11, 20), new DateOnly(2025, 12, 16), new DateOnly(2025, 12, 15)), true),
            ("its missed deadline", missed.Missed(new DateOnly(2025, 12, 17), new DateOnly(2025, 12, 16)), false),
            ("a case closed", closed.Submitted(new DateOnly(2025, 10, 1), new DateOnly(2025, 11, 12)), true),
            ("its closing", closed.Moved("close", "closed", new DateOnly(2025, 10, 20), new DateOnly(2025, 11, 12)), true),
            // its receipt corrected into the year before: it leaves 2025 and joins 2024
            ("its receipt moved", closed.Submitted(new DateOnly(2024, 12, 30), new DateOnly(2025, 2, 10)), true),
        ];
        var (before, _) = await _app.ReportsBothWaysAsync(2025, AsOf, "MEF");
        foreach (var (name, message, shows) in steps)
        {
            var counts = _app.CacheCounts;
            await _app.DeliverAsync(message);

            var (served, cold) = await _app.ReportsBothWaysAsync(2025, AsOf, "MEF");

            Assert.True(cold == served, $"after {name}:\n{served}\n{cold}");
            // a missed deadline is kept as a flag no figure shows yet
            Assert.True(shows == (served != before), $"{name} {(shows ? "changed no figure: the test would not see a wrong patch" : "changed figures")}");
            Assert.Equal(counts.Reads, _app.CacheCounts.Reads); // caught up, not read again
            Assert.True(_app.CacheCounts.Patches > counts.Patches, $"after {name}: no patch");
            before = served;
        }
    }

    [Fact]
    public async Task Gives_the_figures_of_a_cold_read_after_an_import_that_replaces_adds_and_moves_cases()
    {
        var counts = _app.CacheCounts;
        await _app.ImportOkAsync(HistoricalFile.Of(
            // C6 answered after all, C8 received in 2024 after all, N1 new
            $"C6,information,request,{HistoricalFile.Mef},portal,,false,2025-12-01,2026-01-12,2026-01-05,granted,,false",
            $"C8,complaint,suggestion,{HistoricalFile.Fes},portal,,false,2024-12-20,2025-03-31,,,,false",
            $"N1,complaint,complaint,{HistoricalFile.Onee},phone,billing,true,2025-07-01,2025-08-12,2025-07-04,founded,,false"));

        var (served, cold) = await _app.ReportsBothWaysAsync(2025, AsOf, "CFES");

        Assert.Equal(cold, served);
        Assert.Equal(counts.Reads, _app.CacheCounts.Reads);
        Assert.True(_app.CacheCounts.Patches >= counts.Patches + 2); // 2025 and 2024
        var synthesis = JsonDocument.Parse(served.Split('\n')[0]).RootElement;
        Assert.Equal(9, synthesis.GetProperty("national").GetProperty("received").GetInt64()); // C8 gone, N1 added
        Assert.Equal(9, synthesis.GetProperty("national").GetProperty("answered").GetInt64()); // C6 and N1 answered too
        Assert.Equal(2, synthesis.GetProperty("changeFromPreviousYear").GetProperty("figures").GetProperty("received").GetInt64()); // P1 and C8
    }

    [Fact]
    public async Task Patches_the_year_in_place_once_the_reports_reading_it_end()
    {
        var cache = _app.Services.GetRequiredService<FactCache>();
        YearView held;
        using (var scope = _app.Services.CreateScope())
            held = await cache.GetAsync(scope.ServiceProvider.GetRequiredService<ReportingDbContext>(), 2025, CancellationToken.None);
        var counts = _app.CacheCounts;
        using var reading = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var unchanged = false;
        var pass = Task.Run(() => held.TryRead(f =>
        {
            var ids = f.Id[..f.Count];
            var answered = f.Answered[..f.Count];
            reading.Set();
            release.Wait(TimeSpan.FromSeconds(30));
            unchanged = f.Count == 9 && ids.AsSpan().SequenceEqual(f.Id.AsSpan(0, f.Count)) && answered.AsSpan().SequenceEqual(f.Answered.AsSpan(0, f.Count));
        }));
        Assert.True(reading.Wait(TimeSpan.FromSeconds(10)));
        // events only: an import would warm the year itself, and wait for the pass too
        await _app.DeliverAsync(new LifecycleEvents().Submitted(Dec29, Jan27));

        var report = _app.GetJsonAsync($"/api/reports/2025/synthesis?asOf={AsOf}");
        await Task.Delay(500);
        Assert.False(report.IsCompleted); // its patch waits for the pass under way
        release.Set();
        Assert.True(await pass);
        Assert.True(unchanged, "the facts changed under a pass");
        await report;

        Assert.False(held.TryRead(_ => { })); // a report of the old version starts again
        var (served, cold) = await _app.ReportsBothWaysAsync(2025, AsOf, "MEF");
        Assert.Equal(cold, served);
        Assert.Equal(counts.Reads, _app.CacheCounts.Reads);
        using (var scope = _app.Services.CreateScope())
        {
            var now = await cache.GetAsync(scope.ServiceProvider.GetRequiredService<ReportingDbContext>(), 2025, CancellationToken.None);
            Assert.Same(held.Facts, now.Facts); // the year it held, brought up to date: no copy
            Assert.Equal(10, now.Facts.Count);
        }
    }

    [Fact]
    public async Task Gives_the_figures_of_a_fresh_read_after_each_write_while_other_reports_run()
    {
        using var stop = new CancellationTokenSource();
        var others = Enumerable.Range(0, 2).Select(i => Task.Run(async () =>
        {
            var paths = new[] { $"/api/reports/2025/synthesis?asOf={AsOf}", $"/api/reports/2026/bodies/MEF?asOf={AsOf}" };
            while (!stop.IsCancellationRequested)
                await _app.GetJsonAsync(paths[i]);
        })).ToList();
        var counts = _app.CacheCounts;
        var cases = new List<LifecycleEvents>();
        for (var i = 0; i < 12; i++)
        {
            var c = new LifecycleEvents(body: i % 2 == 0 ? "MEF" : "ONEE");
            cases.Add(c);
            var received = new DateOnly(2025, 12, 1).AddDays(i * 3); // some in 2026
            object message = (i % 4) switch
            {
                3 => cases[i - 2].Submitted(new DateOnly(2026, 1, 5), new DateOnly(2026, 2, 16)), // a receipt moved to the next year
                2 => cases[i - 1].Moved("answer", "answered", received.AddDays(10), received.AddDays(40), "granted"),
                _ => c.Submitted(received, received.AddDays(40)),
            };
            await _app.DeliverAsync(message);

            foreach (var year in new[] { 2025, 2026 })
            {
                var (served, cold) = await _app.ReportsBothWaysAsync(year, AsOf, "MEF");
                Assert.True(cold == served, $"{year} after write {i}:\n{served}\n{cold}");
            }
        }
        await stop.CancelAsync();
        await Task.WhenAll(others);
        Assert.True(_app.CacheCounts.Patches >= counts.Patches + 12);
    }

    [Fact]
    public async Task Deletes_the_departures_of_versions_too_old_to_catch_up_from()
    {
        var moved = new LifecycleEvents();
        await _app.DeliverAsync(moved.Submitted(new DateOnly(2025, 10, 1), new DateOnly(2025, 11, 12)));
        await _app.DeliverAsync(moved.Submitted(new DateOnly(2024, 12, 30), new DateOnly(2025, 2, 10)));
        Assert.Equal(1, await _app.CountAsync("fact_departures", "year = 2025"));
        var (served, cold) = await _app.ReportsBothWaysAsync(2025, AsOf, "MEF");
        Assert.Equal(cold, served);
        var counts = _app.CacheCounts;

        // as if more writes than a report may catch up on had come to 2025 since
        await using (var connection = _app.OpenDatabase())
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"UPDATE fact_years SET version = version + {FactBook.VersionsKept} WHERE year = 2025";
            await command.ExecuteNonQueryAsync();
        }
        var later = new LifecycleEvents();
        await _app.DeliverAsync(later.Submitted(new DateOnly(2025, 10, 2), new DateOnly(2025, 11, 13)));
        await _app.DeliverAsync(later.Submitted(new DateOnly(2024, 12, 31), new DateOnly(2025, 2, 11)));

        var kept = Assert.Single(await _app.QueryAsync("SELECT version FROM fact_departures WHERE year = 2025")); // the first one deleted
        Assert.True((long)kept["version"]! > FactBook.VersionsKept);
        (served, cold) = await _app.ReportsBothWaysAsync(2025, AsOf, "MEF");
        Assert.Equal(cold, served);
        Assert.Equal(counts.Reads + 1, _app.CacheCounts.Reads); // too far behind to catch up: 2025 read whole
        Assert.Equal(3, JsonDocument.Parse(served.Split('\n')[0]).RootElement.GetProperty("changeFromPreviousYear")
            .GetProperty("figures").GetProperty("received").GetInt64()); // P1 and both moved cases
    }

    [Fact]
    public async Task Lets_a_report_whose_snapshot_is_older_than_the_cache_start_again_and_keeps_the_newer_year()
    {
        var cache = _app.Services.GetRequiredService<FactCache>();
        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ReportingDbContext>();
        await using var snapshot = await db.BeginSnapshotAsync(CancellationToken.None);
        Assert.Equal(9, (await cache.GetAsync(db, 2025, CancellationToken.None)).Facts.Count); // the snapshot begins here

        await _app.DeliverAsync(new LifecycleEvents().Submitted(Dec29, Jan27));
        await _app.GetJsonAsync($"/api/reports/2025/synthesis?asOf={AsOf}"); // the cache moves to the new version
        var counts = _app.CacheCounts;

        Assert.Null(await cache.GetAsync(db, 2025, orRead: false, CancellationToken.None));
        Assert.Equal(9, (await cache.GetAsync(db, 2025, orRead: true, CancellationToken.None))!.Value.Facts.Count); // as its snapshot sees it
        Assert.Equal(counts.Retries + 1, _app.CacheCounts.Retries);
        var (served, cold) = await _app.ReportsBothWaysAsync(2025, AsOf, "MEF");
        Assert.Equal(cold, served);
        Assert.Equal(10, JsonDocument.Parse(served.Split('\n')[0]).RootElement.GetProperty("national").GetProperty("received").GetInt64());
        Assert.Equal(counts.Reads + 1, _app.CacheCounts.Reads); // only the old snapshot's own read
    }

    [Fact]
    public async Task Gives_every_concurrent_report_the_figures_of_a_cold_read_once_the_writes_end()
    {
        var writes = Task.Run(async () =>
        {
            for (var i = 0; i < 15; i++)
            {
                var c = new LifecycleEvents();
                await _app.DeliverAsync(c.Submitted(new DateOnly(2025, 6, 2).AddDays(i), new DateOnly(2025, 7, 14).AddDays(i)));
                await _app.DeliverAsync(c.Moved("answer", "answered", new DateOnly(2025, 6, 20).AddDays(i), new DateOnly(2025, 7, 14).AddDays(i), "granted"));
            }
        });
        var reports = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (!writes.IsCompleted)
                await _app.GetJsonAsync($"/api/reports/2025/synthesis?asOf={AsOf}");
        })).ToList();
        await writes;
        await Task.WhenAll(reports);

        var (served, cold) = await _app.ReportsBothWaysAsync(2025, AsOf, "MEF");

        Assert.Equal(cold, served);
        Assert.Equal(24, JsonDocument.Parse(served.Split('\n')[0]).RootElement.GetProperty("national").GetProperty("received").GetInt64());
    }
}
