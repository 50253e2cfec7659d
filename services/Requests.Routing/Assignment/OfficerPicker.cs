using Microsoft.EntityFrameworkCore;
using Requests.Domain.Deadlines;
using Requests.Domain.Lifecycle;
using Requests.Routing.Storage;

namespace Requests.Routing.Assignment;

/// <summary>
/// Who gets a new case: among the body's designated officers not on leave on the day of receipt, the one with the
/// fewest open cases; when all are away, their substitutes the same way; when nobody is there, the head of the body.
/// </summary>
public sealed class OfficerPicker(RoutingDbContext db)
{
    /// <summary>The statuses in which an answer is still owed: those from which a case can be handed over.</summary>
    public static readonly IReadOnlyList<string> OpenStatuses = [.. Enum.GetValues<CaseStatus>()
        .Where(s => Enum.GetValues<Regime>().Any(r => CaseLifecycle.Allowed(r, s).Contains(CaseTrigger.Assign)))
        .Select(LifecycleCodes.Code)];

    /// <summary>The officer to assign, or null when the body has nobody at all.</summary>
    public async Task<Officer?> PickAsync(string bodyCode, DateOnly receivedOn, CancellationToken cancellationToken)
    {
        var officers = await db.Officers.Where(o => o.BodyCode == bodyCode).ToListAsync(cancellationToken);
        var ids = officers.Select(o => o.Id).ToList();
        var away = (await db.OfficerLeaves
                .Where(l => ids.Contains(l.OfficerId) && l.StartsOn <= receivedOn && l.EndsOn >= receivedOn)
                .Select(l => l.OfficerId)
                .ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);

        var designated = officers.Where(o => o.Role == OfficerRoles.Designated).ToList();
        var candidates = designated.Where(o => !away.Contains(o.Id)).ToList();
        if (candidates.Count == 0)
        {
            var standsInFor = designated.Select(o => o.Id).ToHashSet(StringComparer.Ordinal);
            candidates = [.. officers.Where(o => o.Role == OfficerRoles.Substitute && !away.Contains(o.Id)
                && (o.SubstituteOf is null || standsInFor.Contains(o.SubstituteOf)))];
        }
        if (candidates.Count == 0)
            return officers.Where(o => o.Role == OfficerRoles.Head).MinBy(o => o.Id, StringComparer.Ordinal);
        return await LeastLoadedAsync(candidates, cancellationToken);
    }

    private async Task<Officer> LeastLoadedAsync(List<Officer> candidates, CancellationToken cancellationToken)
    {
        var ids = candidates.Select(o => o.Id).ToList();
        var open = await db.Cases
            .Where(c => c.AssignedOfficerId != null && ids.Contains(c.AssignedOfficerId) && OpenStatuses.Contains(c.Status))
            .GroupBy(c => c.AssignedOfficerId!)
            .Select(g => new { OfficerId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.OfficerId, g => g.Count, StringComparer.Ordinal, cancellationToken);
        // ties go to the first id, so the same data always gives the same officer
        return candidates
            .OrderBy(o => open.GetValueOrDefault(o.Id))
            .ThenBy(o => o.Id, StringComparer.Ordinal)
            .First();
    }
}
