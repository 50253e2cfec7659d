using Quartz;
using Requests.Routing.Notices;

namespace Requests.Routing.Deadlines;

/// <summary>The deadline sweep as a Quartz job: one run at a time; "now" is the service's clock, not the scheduler's.</summary>
[DisallowConcurrentExecution]
public sealed class DeadlineSweepJob(DeadlineSweep sweep, AlertNotices notices, TimeProvider clock) : IJob
{
    public const string Name = "deadline-sweep";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Result = await sweep.RunAsync(clock.GetUtcNow(), cancellationToken);
        // the e-mails of the alerts just made, and of any a crash left behind
        await notices.WriteAsync(cancellationToken);
    }
}

/// <summary>The officers' daily digest as a Quartz job.</summary>
[DisallowConcurrentExecution]
public sealed class DailyDigestJob(DailyDigest digest, TimeProvider clock) : IJob
{
    public const string Name = "daily-digest";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Result = await digest.RunAsync(clock.GetUtcNow(), cancellationToken);
    }
}
