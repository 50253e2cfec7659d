using Hangfire;
using Hangfire.Common;
using Hangfire.Dashboard;
using Hangfire.States;
using Hangfire.Storage;
using Hangfire.Storage.Monitoring;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Requests.Routing.Calendar;
using Requests.ServiceDefaults.Auth;

namespace Requests.Routing.Deadlines;

/// <summary>The last run of a job: when (on the wall clock), how long, and what came of it.</summary>
public sealed record JobRun(DateTimeOffset? StartedAt, DateTimeOffset? EndedAt, TimeSpan? Duration, string Result, bool? Succeeded);

// GET /api/jobs, POST /api/jobs/{name}/run and the Hangfire dashboard at /hangfire.
public static partial class DeadlineJobs
{
    /// <summary>A job as the administrators see it; times are the scheduler's (the wall clock).</summary>
    public sealed record JobView(string Name, string Description, string Schedule, DateTimeOffset? LastRunStartedAt,
        DateTimeOffset? LastRunEndedAt, string? LastResult, bool? LastSucceeded, DateTimeOffset? NextRunAt);

    /// <summary>The endpoints, the dashboard, and the recurring jobs registered (or updated) with their crons.</summary>
    public static WebApplication MapJobs(this WebApplication app)
    {
        var jobs = app.MapGroup("/api/jobs").WithTags("Jobs").RequireAuthorization(StaffPolicies.Admin);
        jobs.MapGet("/", List);
        jobs.MapPost("/{name}/run", Run);
        if (app.Services.GetService<JobStorage>() is not { } storage)
            return app;

        var options = app.Services.GetRequiredService<IOptions<DeadlineJobOptions>>().Value;
        var recurring = app.Services.GetRequiredService<IRecurringJobManager>();
        var morocco = new RecurringJobOptions { TimeZone = CalendarStore.Morocco };
        recurring.AddOrUpdate<DeadlineSweepJob>(DeadlineSweepJob.Name, job => job.RunAsync(CancellationToken.None), options.SweepInterval, morocco);
        recurring.AddOrUpdate<DailyDigestJob>(DailyDigestJob.Name, job => job.RunAsync(CancellationToken.None), options.DigestCron, morocco);

        // staff sign-in decides (the policy); administrators act on the jobs, the ministry only reads them
        app.MapHangfireDashboardWithAuthorizationPolicy(StaffPolicies.Oversight, "/hangfire", new DashboardOptions
        {
            IsReadOnlyFunc = context => !context.GetHttpContext().User.IsInRole(StaffRoles.Admin),
            DisplayStorageConnectionString = false,
            AppPath = null,
        }, storage);
        return app;
    }

    /// <summary>Each job with its schedule, its last run and result, and its next run.</summary>
    private static List<JobView> List(IServiceProvider services, IOptions<DeadlineJobOptions> options)
    {
        var storage = services.GetService<JobStorage>();
        using var connection = storage?.GetConnection();
        var monitoring = storage?.GetMonitoringApi();
        return [.. All.Select(job =>
        {
            var recurring = connection?.GetRecurringJobs([job.Name]).FirstOrDefault(j => !j.Removed);
            var last = recurring?.LastJobId is { } id ? LastRun(monitoring!.JobDetails(id)?.History ?? []) : null;
            var schedule = recurring is null
                ? Schedule(job.Name == DeadlineSweepJob.Name ? options.Value.SweepInterval : options.Value.DigestCron, CalendarStore.Morocco.Id)
                    + (storage is null ? " (disabled)" : " (removed until the next start)")
                : Schedule(recurring.Cron, recurring.TimeZoneId);
            return new JobView(job.Name, job.Description, schedule, last?.StartedAt, last?.EndedAt, last?.Result,
                last?.Succeeded, Utc(recurring?.NextExecution));
        })];
    }

    /// <summary>Runs a job now, beside its schedule (a run already under way finishes first): 202, then see GET /api/jobs.</summary>
    private static Results<Accepted, ProblemHttpResult> Run(string name, IServiceProvider services)
    {
        if (!All.Any(j => j.Name == name))
            return TypedResults.Problem($"There is no job '{name}': the jobs are {string.Join(", ", All.Select(j => j.Name))}.",
                statusCode: StatusCodes.Status404NotFound, title: "Unknown job");
        if (services.GetService<JobStorage>() is null)
            return TypedResults.Problem("The jobs are disabled on this instance (Routing:Jobs:Enabled).",
                statusCode: StatusCodes.Status409Conflict, title: "Jobs disabled");
        if (services.GetRequiredService<IRecurringJobManagerV2>().TriggerJob(name) is null)
            return TypedResults.Problem($"The job '{name}' was removed (from the dashboard); the service schedules it again at its next start.",
                statusCode: StatusCodes.Status409Conflict, title: "Job not scheduled");
        return TypedResults.Accepted("/api/jobs");
    }

    /// <summary>A job's last run from its states in Hangfire's storage, the newest first.</summary>
    public static JobRun? LastRun(IList<StateHistoryDto> history)
    {
        if (history.Count == 0)
            return null;
        var state = history[0];
        var started = Utc(history.FirstOrDefault(s => s.StateName == ProcessingState.StateName)?.CreatedAt);
        var ended = Utc(state.CreatedAt);
        if (state.StateName == ProcessingState.StateName)
            return new JobRun(started, null, null, "running", null);
        if (state.StateName == SucceededState.StateName)
            return new JobRun(started, ended, ended - started,
                $"succeeded: {SerializationHelper.Deserialize<string>(state.Data.TryGetValue("Result", out var result) ? result : null)}", true);
        if (state.StateName == FailedState.StateName)
            return new JobRun(started, ended, ended - started,
                $"failed: {state.Data["ExceptionType"].Split('.')[^1]}: {state.Data["ExceptionMessage"]}", false);
        return new JobRun(null, null, null, state.StateName.ToLowerInvariant(), null); // enqueued, scheduled, deleted
    }

    private static string Schedule(string cron, string timeZone) => $"cron {cron} ({timeZone})";

    private static DateTimeOffset? Utc(DateTime? at) => at is { } time ? new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)) : null;
}
