namespace Requests.Domain.Deadlines;

/// <summary>
/// A deadline to compute. <see cref="StartsOn"/> is day zero: the day of receipt for the answer, the starting
/// event's date for a recourse step. <see cref="Extended"/> means the one extension allowed was announced.
/// </summary>
public sealed record DeadlineQuery(Regime Regime, DeadlineStep Step, DateOnly StartsOn, bool Urgent = false,
    bool Extended = false, IReadOnlyList<Pause>? Pauses = null);
