using System.Collections.ObjectModel;
using Requests.Domain.Deadlines;

namespace Requests.Domain.Lifecycle;

/// <summary>
/// The case lifecycle: which move is legal from which status, per regime. An illegal move is a false, not an
/// exception, so the HTTP layer can answer 409 and the deadline sweep can use a move as its compare-and-set
/// (a second <see cref="CaseTrigger.MissDeadline"/> on the same case finds it already missed and does nothing).
/// Dates and contents (one extension, before the deadline; recourse within its window) are in <see cref="CaseRules"/>.
/// </summary>
public static partial class CaseLifecycle
{
    private static readonly int Statuses = Enum.GetValues<CaseStatus>().Length;
    private static readonly int Triggers = Enum.GetValues<CaseTrigger>().Length;
    private static readonly Transition[] Rows = Table();
    private static readonly sbyte[] Targets = Index(Rows);
    private static readonly ReadOnlyCollection<CaseTrigger>[] Moves = AllowedByStatus();

    /// <summary>The table's rows that apply to a regime, in the table's order.</summary>
    public static IReadOnlyList<Transition> Transitions(Regime regime) => [.. Rows.Where(r => r.AppliesTo(regime))];

    /// <summary>The status a move leads to; false, with <paramref name="to"/> = <paramref name="from"/>, when the move is illegal.</summary>
    public static bool TryFire(Regime regime, CaseStatus from, CaseTrigger trigger, out CaseStatus to)
    {
        int i = Slot(regime, from, trigger);
        int target = i < 0 ? -1 : Targets[i];
        to = target < 0 ? from : (CaseStatus)target;
        return target >= 0;
    }

    /// <summary>The moves the table allows from a status, in the table's order: the actions to offer.</summary>
    public static IReadOnlyList<CaseTrigger> Allowed(Regime regime, CaseStatus from)
    {
        int i = Slot(regime, from, 0);
        return i < 0 ? [] : Moves[i / Triggers];
    }

    private static int Slot(Regime regime, CaseStatus from, CaseTrigger trigger) =>
        Enum.IsDefined(regime) && (uint)from < (uint)Statuses && (uint)trigger < (uint)Triggers
            ? ((((int)regime * Statuses) + (int)from) * Triggers) + (int)trigger
            : -1;

    private static sbyte[] Index(Transition[] rows)
    {
        var targets = new sbyte[Enum.GetValues<Regime>().Length * Statuses * Triggers];
        Array.Fill(targets, (sbyte)-1);
        foreach (var regime in Enum.GetValues<Regime>())
        {
            foreach (var row in rows.Where(r => r.AppliesTo(regime)))
            {
                int i = Slot(regime, row.From, row.Trigger);
                // two rows for one move would make the table say two things: refuse to load rather than pick one
                targets[i] = targets[i] < 0 ? (sbyte)row.To : throw new InvalidOperationException(
                    $"The lifecycle table has two rows for {row.Trigger} from {row.From} ({regime}).");
            }
        }

        return targets;
    }

    private static ReadOnlyCollection<CaseTrigger>[] AllowedByStatus()
    {
        var moves = new ReadOnlyCollection<CaseTrigger>[Enum.GetValues<Regime>().Length * Statuses];
        foreach (var regime in Enum.GetValues<Regime>())
        {
            foreach (var status in Enum.GetValues<CaseStatus>())
            {
                moves[Slot(regime, status, 0) / Triggers] = Rows
                    .Where(r => r.AppliesTo(regime) && r.From == status).Select(r => r.Trigger).ToList().AsReadOnly();
            }
        }

        return moves;
    }
}
