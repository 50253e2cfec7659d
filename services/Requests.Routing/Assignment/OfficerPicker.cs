using Microsoft.EntityFrameworkCore;
using Requests.Domain.Deadlines;
using Requests.Domain.Lifecycle;
using Requests.Routing.Storage;

namespace Requests.Routing.Assignment;

/// <summary>
/// Who gets a new case: among the body's designated officers not on leave on the day of receipt, the one with the
/// fewest open cases; when all are away, their substitutes the same way; when nobody is there, the head of the body.
/// One picker serves one batch of submissions (it is scoped), under the write gate: it reads each body's officers,
/// leave and loads once, and counts the cases it hands out itself, so a batch costs a few queries, not a few per case.
/// </summary>
public sealed class OfficerPicker(RoutingDbContext db)
{
    private readonly Dictionary<string, List<Officer>> _officers = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Body, DateOnly On), HashSet<string>> _away = [];
    private readonly Dictionary<string, int> _loads = new(StringComparer.Ordinal);

    /// <summary>The statuses in which an answer is still owed: those from which a case can be handed over.</summary>
    public static readonly IReadOnlyList<string> OpenStatuses = [.. Enum.GetValues<CaseStatus>()
        .Where(s => Enum.GetValues<Regime>().Any(r => CaseLifecycle.Allowed(r, s).Contains(CaseTrigger.Assign)))
        .Select(LifecycleCodes.Code)];

    /// <summary>The officer to assign, or null when the body has nobody at all; counted as one more open case for them.</summary>
    public async Task<Officer?> PickAsync(string bodyCode, DateOnly receivedOn, CancellationToken cancellationToken)
    {
        var officers = await OfficersAsync(bodyCode, cancellationToken);
        var away = await AwayAsync(bodyCode, receivedOn, officers, cancellationToken);

        var designated = officers.Where(o => o.Role == OfficerRoles.Designated).ToList();
        var candidates = designated.Where(o => !away.Contains(o.Id)).ToList();
        if (candidates.Count == 0)
        {
            var standsInFor = designated.Select(o => o.Id).ToHashSet(StringComparer.Ordinal);
            candidates = [.. officers.Where(o => o.Role == OfficerRoles.Substitute && !away.Contains(o.Id)
                && (o.SubstituteOf is null || standsInFor.Contains(o.SubstituteOf)))];
        }
        var picked = candidates.Count == 0
            ? officers.Where(o => o.Role == OfficerRoles.Head).MinBy(o => o.Id, StringComparer.Ordinal)
            : await LeastLoadedAsync(candidates, cancellationToken);
        if (picked is not null)
            _loads[picked.Id] = _loads.GetValueOrDefault(picked.Id) + 1;
        return picked;
    }

    private async Task<List<Officer>> OfficersAsync(string bodyCode, CancellationToken cancellationToken)
    {
        if (!_officers.TryGetValue(bodyCode, out var officers))
        {
            officers = await db.Officers.AsNoTracking().Where(o => o.BodyCode == bodyCode).ToListAsync(cancellationToken);
            _officers[bodyCode] = officers;
        }
        return officers;
    }

    private async Task<HashSet<string>> AwayAsync(string bodyCode, DateOnly on, List<Officer> officers,
        CancellationToken cancellationToken)
    {
        if (!_away.TryGetValue((bodyCode, on), out var away))
        {
            var ids = officers.Select(o => o.Id).ToList();
            away = (await db.OfficerLeaves
                    .Where(l => ids.Contains(l.OfficerId) && l.StartsOn <= on && l.EndsOn >= on)
                    .Select(l => l.OfficerId)
                    .ToListAsync(cancellationToken))
                .ToHashSet(StringComparer.Ordinal);
            _away[(bodyCode, on)] = away;
        }
        return away;
    }

    private async Task<Officer> LeastLoadedAsync(List<Officer> candidates, CancellationToken cancellationToken)
    {
        var unknown = candidates.Select(o => o.Id).Where(id => !_loads.ContainsKey(id)).ToList();
        if (unknown.Count > 0)
        {
            var open = await db.Cases
                .Where(c => c.AssignedOfficerId != null && unknown.Contains(c.AssignedOfficerId) && OpenStatuses.Contains(c.Status))
                .GroupBy(c => c.AssignedOfficerId!)
                .Select(g => new { OfficerId = g.Key, Count = g.Count() })
                .ToDictionaryAsync(g => g.OfficerId, g => g.Count, StringComparer.Ordinal, cancellationToken);
            foreach (var id in unknown)
                _loads[id] = open.GetValueOrDefault(id);
        }
        // ties go to the first id, so the same data always gives the same officer
        return candidates
            .OrderBy(o => _loads[o.Id])
            .ThenBy(o => o.Id, StringComparer.Ordinal)
            .First();
    }
}
