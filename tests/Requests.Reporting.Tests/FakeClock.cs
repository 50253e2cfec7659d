namespace Requests.Reporting.Tests;

/// <summary>A clock that stands still until told otherwise; timers still run on real time.</summary>
public sealed class FakeClock(DateTimeOffset now) : TimeProvider
{
    private DateTimeOffset _now = now;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Set(DateTimeOffset now) => _now = now;
}
