using Hangfire;
using Hangfire.States;
using Hangfire.Storage;
using Hangfire.Storage.SQLite;
using Microsoft.Extensions.DependencyInjection;
using static Requests.Routing.Tests.Deadlines.Sweeps;

namespace Requests.Routing.Tests.Deadlines;

// A real Hangfire server on its SQLite storage, beside routing's database: the jobs it holds and what a run does.
public sealed class Running_the_jobs_on_Hangfire
{
    [Fact]
    public async Task The_recurring_jobs_are_registered_with_their_cron_in_Casablanca_time()
    {
        await using var app = new RoutingApp { RunsJobs = true, OnSchedule = true };

        var storage = app.Services.GetRequiredService<JobStorage>();
        using var connection = storage.GetConnection();
        var jobs = connection.GetRecurringJobs(["deadline-sweep", "daily-digest"]).ToDictionary(j => j.Id);

        Assert.IsType<SQLiteStorage>(storage);
        Assert.True(File.Exists(Path.ChangeExtension(app.DatabaseFile, ".hangfire.db")));
        Assert.Equal(("* * * * *", "Africa/Casablanca"), (jobs["deadline-sweep"].Cron, jobs["deadline-sweep"].TimeZoneId));
        Assert.Equal(("0 7 * * *", "Africa/Casablanca"), (jobs["daily-digest"].Cron, jobs["daily-digest"].TimeZoneId));
        Assert.Equal(nameof(Requests.Routing.Deadlines.DeadlineSweepJob), jobs["deadline-sweep"].Job.Type.Name);
        // 07:00 in Casablanca is 06:00 UTC in winter (UTC+1)
        var nextDigest = TimeZoneInfo.ConvertTimeFromUtc(jobs["daily-digest"].NextExecution!.Value, TimeZoneInfo.FindSystemTimeZoneById("Africa/Casablanca"));
        Assert.Equal(new TimeSpan(7, 0, 0), nextDigest.TimeOfDay);
    }

    [Fact]
    public async Task Triggering_the_sweep_job_runs_the_sweep_as_of_the_apps_clock()
    {
        await using var app = new RoutingApp { RunsJobs = true };
        await app.ConsumeAsync(Submissions.Request(receivedOn: new DateOnly(2026, 11, 23)));
        app.Clock.Set(Local(2026, 12, 14)); // the first reminder of the case, due Mon 21 Dec, falls due

        var id = app.Services.GetRequiredService<IRecurringJobManagerV2>().TriggerJob("deadline-sweep");

        var state = await SettledAsync(app.Services.GetRequiredService<JobStorage>(), id);
        Assert.Equal(SucceededState.StateName, state.Name);
        Assert.Equal("\"1 reminder, 0 missed\"", state.Data["Result"]);
        Assert.Equal(1, await app.CountAsync("outbox_messages", "message_type LIKE '%.DeadlineApproaching'"));
    }

    /// <summary>The job's state once it has succeeded or failed (within 10 s).</summary>
    internal static async Task<StateData> SettledAsync(JobStorage storage, string id)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            using (var connection = storage.GetConnection())
            {
                if (connection.GetStateData(id) is { Name: "Succeeded" or "Failed" } state)
                    return state;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"The job {id} did not finish within 10 s.");
    }
}
