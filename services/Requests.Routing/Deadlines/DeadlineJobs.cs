using Quartz;
using Requests.Routing.Calendar;

namespace Requests.Routing.Deadlines;

/// <summary>The recurring jobs that enforce deadlines (Quartz.NET, in-memory store), and the administrators' view of them.</summary>
public static partial class DeadlineJobs
{
    /// <summary>Every job, as the administrators' view lists them.</summary>
    public static readonly IReadOnlyList<(string Name, string Description)> All =
    [
        (DeadlineSweepJob.Name, "Reminds the officers 5 and 1 working days before each deadline, and declares a passed deadline missed, escalating it to the head of the body."),
        (DailyDigestJob.Name, "Prepares each officer's morning digest: their cases due within 5 working days, and those overdue."),
    ];

    /// <summary>
    /// The scheduler's name. A named scheduler holds its clock as its own (a keyed registration) instead of replacing
    /// the service's TimeProvider, so it keeps the wall clock even where the service runs on a fake one.
    /// </summary>
    public const string SchedulerName = "routing-jobs";

    public static WebApplicationBuilder AddDeadlineJobs(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(DeadlineJobOptions.Section);
        builder.Services.Configure<DeadlineJobOptions>(section);
        builder.Services.AddScoped<DeadlineSweep>();
        builder.Services.AddScoped<Notices.AlertNotices>();
        builder.Services.AddScoped<DailyDigest>();
        builder.Services.AddSingleton<JobRunLog>();
        var options = section.Get<DeadlineJobOptions>() ?? new DeadlineJobOptions();
        if (!options.Enabled)
            return builder;

        builder.Services.AddQuartz(SchedulerName, quartz =>
        {
            // the scheduler keeps real time whatever TimeProvider the service has (a fake one in tests): the jobs
            // read the service's clock for the legal "today", the triggers fire on the wall clock
            quartz.UseTimeProvider(TimeProvider.System);
            quartz.UseInMemoryStore();
            quartz.AddJobListener<JobRunListener>();
            quartz.ScheduleJob<DeadlineSweepJob>(
                trigger => trigger.WithIdentity(DeadlineSweepJob.Name)
                    // the first run one interval after start, not during it: startup stays quick and predictable
                    .StartAt(TimeProvider.System.GetUtcNow() + options.SweepInterval)
                    .WithSimpleSchedule(options.SweepInterval),
                job => job.WithIdentity(DeadlineSweepJob.Name).WithDescription(Description(DeadlineSweepJob.Name)));
            quartz.ScheduleJob<DailyDigestJob>(
                trigger => trigger.WithIdentity(DailyDigestJob.Name)
                    .WithCronSchedule(options.DigestCron, cron => cron.InTimeZone(CalendarStore.Morocco)),
                job => job.WithIdentity(DailyDigestJob.Name).WithDescription(Description(DailyDigestJob.Name)));
        });
        builder.Services.AddQuartzHostedService(hosted => hosted.WaitForJobsToComplete = true);
        return builder;
    }

    private static string Description(string job) => All.First(j => j.Name == job).Description;
}
