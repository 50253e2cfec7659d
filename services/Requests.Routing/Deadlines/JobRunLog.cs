using System.Collections.Concurrent;
using Quartz;

namespace Requests.Routing.Deadlines;

/// <summary>The last run of a job: when (on the scheduler's clock), how long, and what came of it.</summary>
public sealed record JobRun(DateTimeOffset StartedAt, DateTimeOffset? EndedAt, TimeSpan? Duration, string Result, bool? Succeeded);

/// <summary>Each job's last run, kept in memory for the administrators' view (<c>GET /api/jobs</c>).</summary>
public sealed class JobRunLog
{
    private readonly ConcurrentDictionary<string, JobRun> _runs = new(StringComparer.Ordinal);

    public JobRun? Last(string job) => _runs.GetValueOrDefault(job);

    public void Started(string job, DateTimeOffset at) => _runs[job] = new JobRun(at, null, null, "running", null);

    public void Ended(string job, DateTimeOffset startedAt, TimeSpan duration, bool succeeded, string result) =>
        _runs[job] = new JobRun(startedAt, startedAt + duration, duration, result, succeeded);
}

/// <summary>Writes every job's start and end into the <see cref="JobRunLog"/>.</summary>
public sealed class JobRunListener(JobRunLog log, ILogger<JobRunListener> logger) : IJobListener
{
    public string Name => "job-run-log";

    public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        log.Started(context.JobDetail.Key.Name, context.FireTimeUtc);
        return ValueTask.CompletedTask;
    }

    public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var job = context.JobDetail.Key.Name;
        if (jobException is null)
        {
            log.Ended(job, context.FireTimeUtc, context.JobRunTime, true, $"succeeded: {context.Result}");
            return ValueTask.CompletedTask;
        }
        var error = jobException.InnerException ?? jobException;
        logger.LogError(error, "Job {Job} failed", job);
        log.Ended(job, context.FireTimeUtc, context.JobRunTime, false, $"failed: {error.GetType().Name}: {error.Message}");
        return ValueTask.CompletedTask;
    }
}
