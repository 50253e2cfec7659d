namespace Requests.Routing.Deadlines;

/// <summary>The settings of the deadline jobs (<c>Routing:Jobs</c>).</summary>
public sealed class DeadlineJobOptions
{
    public const string Section = "Routing:Jobs";

    /// <summary>Off in tests of the HTTP layer that must not see a sweep run on its own; the sweep itself stays callable.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the sweep looks for alerts that have fallen due: a cron expression (every minute).</summary>
    public string SweepInterval { get; set; } = "* * * * *";

    /// <summary>When the officers' digest is prepared: a cron expression read in Africa/Casablanca time.</summary>
    public string DigestCron { get; set; } = "0 7 * * *";

    /// <summary>Cases handled per transaction by the sweep.</summary>
    public int SweepBatchSize { get; set; } = 1000;
}
