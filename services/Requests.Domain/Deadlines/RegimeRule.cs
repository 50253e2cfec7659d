namespace Requests.Domain.Deadlines;

/// <summary>A regime's rows: its legal text, whether a redirection restarts the clock, and its steps.</summary>
public sealed record RegimeRule(Regime Regime, string Law, bool RedirectionRestartsClock,
    IReadOnlyList<StepRule> Steps);
