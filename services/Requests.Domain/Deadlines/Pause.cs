namespace Requests.Domain.Deadlines;

/// <summary>
/// A clarification pause, both days included: the clock stops on <see cref="From"/> and runs again the day after
/// <see cref="To"/>. The paused days after day zero are added back in the deadline's own unit: for a working-day
/// deadline the working days of the pause (its weekends and holidays were not counted anyway), for a
/// calendar-day deadline all its days. This is exactly "the clock stops", also when a pause runs past the date the
/// deadline would otherwise have ended. A pause must begin on or before the due date as it stands (the clock
/// cannot stop once it has run out); pauses must not overlap.
/// </summary>
public sealed record Pause(DateOnly From, DateOnly To);
