using Hangfire;
using Requests.Routing.Notices;

namespace Requests.Routing.Deadlines;

/// <summary>The deadline sweep as a Hangfire job: one run at a time, no retry (the next minute's run is the retry); "now"
/// is the service's clock, not the scheduler's. What it returns is the run's result in Hangfire's storage.</summary>
[AutomaticRetry(Attempts = 0)]
[DisableConcurrentExecution(timeoutInSeconds: 60)]
public sealed class DeadlineSweepJob(DeadlineSweep sweep, AlertNotices notices, TimeProvider clock)
{
    public const string Name = "deadline-sweep";

    public async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        var result = await sweep.RunAsync(clock.GetUtcNow(), cancellationToken);
        // the e-mails of the alerts just made, and of any a crash left behind
        await notices.WriteAsync(cancellationToken);
        return result.ToString();
    }
}

/// <summary>The officers' daily digest as a Hangfire job; a second run the same day adds nothing.</summary>
[AutomaticRetry(Attempts = 0)]
[DisableConcurrentExecution(timeoutInSeconds: 60)]
public sealed class DailyDigestJob(DailyDigest digest, TimeProvider clock)
{
    public const string Name = "daily-digest";

    public async Task<string> RunAsync(CancellationToken cancellationToken) =>
        (await digest.RunAsync(clock.GetUtcNow(), cancellationToken)).ToString();
}
