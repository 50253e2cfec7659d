namespace Requests.Notifications.Delivery;

/// <summary>The <c>Notifications</c> settings section: how the worker sends and retries.</summary>
public sealed class DeliveryOptions
{
    public const string Section = "Notifications";

    /// <summary>Off to keep notifications pending, for instance while the mail relay is being replaced.</summary>
    public bool Enabled { get; set; } = true;
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);
    /// <summary>What a round claims: small enough that a notice of the law written meanwhile waits little for the next round.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>SMTP connections sending at once; one recipient's messages always go over the same one, in order.</summary>
    public int Connections { get; set; } = 4;

    /// <summary>
    /// An officer's notices about one case each (new case, reminder, overdue) go one by one while they come no faster
    /// than <see cref="GroupLimit"/> in <see cref="GroupWindow"/> (one every 2 minutes by default); one that comes sooner
    /// after the last is held, with every other that follows, until its window ends, and they go as one message.
    /// A limit of 0 turns grouping off.
    /// </summary>
    public int GroupLimit { get; set; } = 5;
    public TimeSpan GroupWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The officers' application, whose queue a grouped message links to.</summary>
    public string StaffUrl { get; set; } = "http://127.0.0.1:5081";

    /// <summary>
    /// The wait after each failed attempt, the last repeated: by default 5 s, 30 s, 2 min, 10 min, then every 30 min.
    /// Given in settings as a list, e.g. <c>Notifications:Retries:0 = 00:00:05</c>.
    /// </summary>
    public IList<TimeSpan>? Retries { get; set; }

    /// <summary>After this many failed attempts (about two days by default) a notification is marked failed.</summary>
    public int MaxAttempts { get; set; } = 100;

    /// <summary>
    /// How long a claimed notification is left to its sender before another worker may try it: longer than an SMTP
    /// send can take (<c>Smtp:Timeout</c>), so that two workers never send it at once.
    /// </summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);

    private static readonly TimeSpan[] DefaultRetries =
        [TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(30)];

    /// <summary>The wait after the <paramref name="attempts"/>-th failed attempt (from 1).</summary>
    public TimeSpan RetryAfter(int attempts)
    {
        var retries = Retries is { Count: > 0 } ? Retries : DefaultRetries;
        return retries[Math.Clamp(attempts - 1, 0, retries.Count - 1)];
    }
}
