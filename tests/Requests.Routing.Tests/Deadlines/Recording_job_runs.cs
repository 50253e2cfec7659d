using Hangfire.States;
using Hangfire.Storage.Monitoring;
using Requests.Routing.Deadlines;

namespace Requests.Routing.Tests.Deadlines;

// What GET /api/jobs shows of a job's last run comes from the states Hangfire keeps of the job, the newest first.
public sealed class Recording_job_runs
{
    private static readonly DateTime Fired = new(2026, 12, 14, 9, 0, 0, DateTimeKind.Utc);
    private static readonly DateTimeOffset FiredAt = new(Fired);

    [Fact]
    public void A_run_under_way_shows_as_running_then_its_result_and_duration()
    {
        var running = DeadlineJobs.LastRun([Processing, Enqueued]);
        var ended = DeadlineJobs.LastRun([State(new SucceededState("12 reminders, 3 missed", 5, 250), Fired.AddMilliseconds(250)),
            Processing, Enqueued]);

        Assert.Equal(new JobRun(FiredAt, null, null, "running", null), running);
        Assert.Equal(new JobRun(FiredAt, FiredAt.AddMilliseconds(250), TimeSpan.FromMilliseconds(250), "succeeded: 12 reminders, 3 missed", true),
            ended);
    }

    [Fact]
    public void A_failed_run_shows_the_error()
    {
        var run = DeadlineJobs.LastRun([State(new FailedState(new TimeoutException("database is locked")), Fired.AddSeconds(2)),
            Processing, Enqueued])!;

        Assert.Equal((false, "failed: TimeoutException: database is locked"), (run.Succeeded, run.Result));
        Assert.Equal(TimeSpan.FromSeconds(2), run.Duration);
        Assert.Null(DeadlineJobs.LastRun([]));
    }

    [Fact]
    public void A_run_not_started_yet_shows_its_state()
    {
        Assert.Equal(new JobRun(null, null, null, "enqueued", null), DeadlineJobs.LastRun([Enqueued]));
    }

    // the worker's state while it runs the job (Hangfire makes it itself: its constructor is internal)
    private static StateHistoryDto Processing => new() { StateName = ProcessingState.StateName, CreatedAt = Fired, Data = new Dictionary<string, string>() };

    private static StateHistoryDto Enqueued => State(new EnqueuedState(), Fired.AddMilliseconds(-5));

    private static StateHistoryDto State(IState state, DateTime at) =>
        new() { StateName = state.Name, Reason = state.Reason, CreatedAt = at, Data = state.SerializeData() };
}
