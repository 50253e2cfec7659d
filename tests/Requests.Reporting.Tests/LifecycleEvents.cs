using Requests.Contracts.Routing;

namespace Requests.Reporting.Tests;

/// <summary>Routing's and intake's events about one case, as they reach reporting.</summary>
public sealed class LifecycleEvents(string regime = "information", string kind = "request", string body = "MEF")
{
    public Guid CaseId { get; } = Guid.NewGuid();

    public string TrackingNumber { get; } = $"DAI-2026-{Random.Shared.Next(100_000, 999_999)}";

    private int _sequence;

    /// <summary>Routing's opening of the case, left for a person to route, in a message of its own.</summary>
    public CasesOpened Submitted(DateOnly receivedOn, DateOnly dueOn, string channel = "portal", string? theme = null,
        bool urgent = false) => new([Opened(receivedOn, dueOn, channel, theme, urgent)]);

    public CaseOpened Opened(DateOnly receivedOn, DateOnly dueOn, string channel = "portal", string? theme = null, bool urgent = false) =>
        new(CaseId, TrackingNumber, regime, kind, body, channel, theme, urgent, At(receivedOn), receivedOn, dueOn);

    /// <summary>The opening with its officer, given the case on <paramref name="on"/>: its due date counts from then.</summary>
    public CasesOpened Assigned(DateOnly receivedOn, DateOnly on, DateOnly dueOn) =>
        new([Opened(receivedOn, dueOn) with { OfficerId = $"{body}-O1", AssignedAt = At(on) }]);

    /// <summary>The next move; <paramref name="sequence"/> to send one out of order.</summary>
    public CaseMoved Moved(string trigger, string toStatus, DateOnly on, DateOnly dueOn, string? outcome = null,
        string? ground = null, int? sequence = null, string? redirectedTo = null) =>
        new(CaseId, TrackingNumber, sequence ?? (_sequence += 2), regime, kind, body, trigger, "accepted", toStatus, At(on), on,
            "officer", "officer", "MEF-O1", dueOn, null, outcome, ground, RedirectedTo: redirectedTo);

    public DueDateChanged DueChanged(DateOnly on, DateOnly dueOn, DateOnly previous) =>
        new(CaseId, TrackingNumber, "answer", dueOn, previous, "holiday corrected", At(on));

    public DeadlineMissed Missed(DateOnly on, DateOnly dueOn) => new(CaseId, TrackingNumber, body, "answer", dueOn, null, null, At(on));

    private static DateTimeOffset At(DateOnly day) => new(day.ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(1));
}
