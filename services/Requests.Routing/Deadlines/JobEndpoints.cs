using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Quartz;
using Requests.Routing.Calendar;
using Requests.ServiceDefaults.Auth;

namespace Requests.Routing.Deadlines;

// GET /api/jobs and POST /api/jobs/{name}/run, for administrators.
public static partial class DeadlineJobs
{
    /// <summary>A job as the administrators see it; times are the scheduler's (the wall clock).</summary>
    public sealed record JobView(string Name, string Description, string Schedule, DateTimeOffset? LastRunStartedAt,
        DateTimeOffset? LastRunEndedAt, string? LastResult, bool? LastSucceeded, DateTimeOffset? NextRunAt);

    public static WebApplication MapJobs(this WebApplication app)
    {
        var jobs = app.MapGroup("/api/jobs").WithTags("Jobs").RequireAuthorization(StaffPolicies.Admin);
        jobs.MapGet("/", ListAsync);
        jobs.MapPost("/{name}/run", RunAsync);
        return app;
    }

    /// <summary>Each job with its schedule, its last run and result, and its next run.</summary>
    private static async Task<List<JobView>> ListAsync(IServiceProvider services, JobRunLog log,
        IOptions<DeadlineJobOptions> options, CancellationToken cancellationToken)
    {
        var scheduler = await SchedulerAsync(services, cancellationToken);
        var views = new List<JobView>();
        foreach (var (name, description) in All)
        {
            var triggers = scheduler is null ? [] : await scheduler.GetTriggersOfJob(new JobKey(name), cancellationToken);
            var schedule = triggers.Count == 0 ? Configured(name, options.Value) : string.Join("; ", triggers.Select(Describe));
            var next = triggers.Select(t => t.NextFireTimeUtc).Where(t => t is not null).Min();
            var last = log.Last(name);
            views.Add(new JobView(name, description, schedule, last?.StartedAt, last?.EndedAt, last?.Result, last?.Succeeded, next));
        }
        return views;
    }

    /// <summary>Runs a job now, beside its schedule (a sweep already running finishes first): 202, then see GET /api/jobs.</summary>
    private static async Task<Results<Accepted, ProblemHttpResult>> RunAsync(string name, IServiceProvider services,
        CancellationToken cancellationToken)
    {
        if (!All.Any(j => j.Name == name))
            return TypedResults.Problem($"There is no job '{name}': the jobs are {string.Join(", ", All.Select(j => j.Name))}.",
                statusCode: StatusCodes.Status404NotFound, title: "Unknown job");
        if (await SchedulerAsync(services, cancellationToken) is not { } scheduler)
            return TypedResults.Problem("The jobs are disabled on this instance (Routing:Jobs:Enabled).",
                statusCode: StatusCodes.Status409Conflict, title: "Jobs disabled");
        await scheduler.TriggerJob(new JobKey(name), cancellationToken);
        return TypedResults.Accepted("/api/jobs");
    }

    private static async Task<IScheduler?> SchedulerAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetKeyedService<ISchedulerFactory>(SchedulerName) is { } factory ? await factory.GetScheduler(cancellationToken) : null;

    private static string Describe(ITrigger trigger) => trigger switch
    {
        ICronTrigger cron => $"cron {cron.CronExpressionString} ({cron.TimeZone.Id})",
        ISimpleTrigger simple => $"every {simple.RepeatInterval:c}",
        _ => trigger.GetType().Name,
    };

    private static string Configured(string name, DeadlineJobOptions options) =>
        (name == DeadlineSweepJob.Name ? $"every {options.SweepInterval:c}" : $"cron {options.DigestCron} ({CalendarStore.Morocco.Id})")
        + (options.Enabled ? "" : " (disabled)");
}
