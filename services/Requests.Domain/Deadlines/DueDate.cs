namespace Requests.Domain.Deadlines;

/// <summary>A due date, the rule table version that produced it, and how it was reached, in plain French.</summary>
public sealed record DueDate(DateOnly DueOn, string RuleVersion, IReadOnlyList<string> Explanation);
