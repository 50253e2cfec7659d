namespace Requests.Domain.Deadlines;

/// <summary>
/// One row of the rule table. <see cref="Extensions"/> is how many times the period can be extended, each time by
/// <see cref="ExtensionLength"/> days of the same unit; <see cref="UrgentLength"/>, when set, replaces the length
/// for an urgent request (same unit).
/// </summary>
public sealed record StepRule(Regime Regime, DeadlineStep Step, int Length, DayUnit Unit, string ClockStarts,
    int Extensions, int ExtensionLength, int? UrgentLength)
{
    public bool Extendable => Extensions > 0;
}
