using Requests.Domain.Deadlines;

namespace Requests.Domain.Lifecycle;

/// <summary>One row of the lifecycle table; <see cref="Only"/> is null when the move exists in both regimes.</summary>
public sealed record Transition(CaseStatus From, CaseTrigger Trigger, CaseStatus To, Regime? Only = null)
{
    public bool AppliesTo(Regime regime) => Only is null || Only == regime;
}
