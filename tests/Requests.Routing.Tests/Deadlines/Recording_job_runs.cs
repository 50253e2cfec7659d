using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;
using Quartz;
using Requests.Routing.Deadlines;

namespace Requests.Routing.Tests.Deadlines;

// What GET /api/jobs shows of a job's last run comes from the listener Quartz calls around each run.
public sealed class Recording_job_runs
{
    private static readonly DateTimeOffset Fired = new(2026, 12, 14, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_run_under_way_shows_as_running_then_its_result_and_duration()
    {
        var log = new JobRunLog();
        var listener = new JobRunListener(log, NullLogger<JobRunListener>.Instance);
        var context = Context(result: new SweepResult(20, 12, 0, 3, 1, 0, 0));

        await listener.JobToBeExecuted(context);
        Assert.Equal(new JobRun(Fired, null, null, "running", null), log.Last("deadline-sweep"));
        await listener.JobWasExecuted(context, null);

        Assert.Equal(new JobRun(Fired, Fired.AddMilliseconds(250), TimeSpan.FromMilliseconds(250), "succeeded: 12 reminders, 3 missed", true),
            log.Last("deadline-sweep"));
    }

    [Fact]
    public async Task A_failed_run_shows_the_error()
    {
        var log = new JobRunLog();
        var listener = new JobRunListener(log, NullLogger<JobRunListener>.Instance);
        var context = Context(result: null);

        await listener.JobToBeExecuted(context);
        await listener.JobWasExecuted(context, new JobExecutionException(new TimeoutException("database is locked")));

        var run = log.Last("deadline-sweep")!;
        Assert.Equal((false, "failed: TimeoutException: database is locked"), (run.Succeeded, run.Result));
        Assert.Null(log.Last("daily-digest"));
    }

    private static IJobExecutionContext Context(object? result)
    {
        var detail = Substitute.For<IJobDetail>();
        detail.Key.Returns(new JobKey("deadline-sweep"));
        var context = Substitute.For<IJobExecutionContext>();
        context.JobDetail.Returns(detail);
        context.FireTimeUtc.Returns(Fired);
        context.JobRunTime.Returns(TimeSpan.FromMilliseconds(250));
        context.Result.Returns(result);
        return context;
    }
}
