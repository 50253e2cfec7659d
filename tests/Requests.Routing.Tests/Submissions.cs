using Requests.Contracts.Intake;

namespace Requests.Routing.Tests;

public static class Submissions
{
    private static int _next;

    /// <summary>An information request as intake publishes it, received on Monday 23 November 2026.</summary>
    public static RequestSubmitted Request(string bodyCode = "MEF", DateOnly? receivedOn = null)
    {
        var n = Interlocked.Increment(ref _next);
        var on = receivedOn ?? new DateOnly(2026, 11, 23);
        return new RequestSubmitted(Guid.NewGuid(), $"DAI-2026-{n:D6}", "information", "request", bodyCode,
            $"Budget execution {n}", "The quarterly execution reports.", null, false, null, null, null, null, "email",
            "fr", "portal", new DateTimeOffset(on.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero), on,
            on.AddDays(28), "2026.1", new Requester("Amina Alaoui", "AB123456", "amina@example.ma", null, null));
    }
}
