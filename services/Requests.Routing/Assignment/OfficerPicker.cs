using Microsoft.EntityFrameworkCore;
using Requests.Domain.Deadlines;
using Requests.Domain.Lifecycle;
using Requests.Routing.Storage;

namespace Requests.Routing.Assignment;

/// <summary>Who gets a new case: among the body's designated officers not on leave on the day of receipt, the one with the
/// fewest open cases; when all are away, their substitutes the same way; when nobody is there, the head of the body. One
/// picker serves one batch of submissions (it is scoped), in the batch's transaction: it reads the directory once and the
/// leave of each day of receipt once, takes the loads once, and counts the cases it hands out itself, so a batch costs a
/// few queries, not a few per case. On SQLite the write gate and the single writer keep the loads still, and they come
/// from <see cref="OfficerLoads"/>; on PostgreSQL, where several instances of routing assign at once, the batch first
/// holds its bodies (<see cref="HoldBodiesAsync"/>) and counts their officers' open cases itself.</summary>
public sealed class OfficerPicker(RoutingDbContext db, OfficerLoads officerLoads)
{
    // the first key of the bodies' advisory locks (the second is the hash of the body's code)
    private const int BodyLocks = 17_001;

    private readonly Dictionary<DateOnly, HashSet<string>> _away = [];
    private readonly Dictionary<string, int> _handedOut = new(StringComparer.Ordinal);
    private ILookup<string, Officer>? _officers;
    private HashSet<string>? _bodies;
    private IReadOnlyDictionary<string, int>? _loads;

    /// <summary>The statuses in which an answer is still owed: those from which a case can be handed over.</summary>
    public static readonly IReadOnlyList<string> OpenStatuses = [.. Enum.GetValues<CaseStatus>()
        .Where(s => Enum.GetValues<Regime>().Any(r => CaseLifecycle.Allowed(r, s).Contains(CaseTrigger.Assign)))
        .Select(LifecycleCodes.Code)];

    /// <summary>On PostgreSQL: takes a lock on each of <paramref name="bodyCodes"/> until the transaction ends (in one
    /// order, so two batches wait for each other rather than deadlock), then counts the open cases of their officers: no
    /// other instance assigns a case of these bodies until this batch commits, so the counts stay exact. Nothing on SQLite.</summary>
    public async Task HoldBodiesAsync(IEnumerable<string> bodyCodes, CancellationToken cancellationToken)
    {
        if (db.Database.IsSqlite())
            return;
        var codes = bodyCodes.Distinct().Order(StringComparer.Ordinal).ToList();
        foreach (var code in codes)
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({BodyLocks}, hashtext({code}))", cancellationToken);
        _loads = await db.Cases
            .Where(c => codes.Contains(c.BodyCode) && c.AssignedOfficerId != null && OpenStatuses.Contains(c.Status))
            .GroupBy(c => c.AssignedOfficerId!)
            .Select(g => new { OfficerId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.OfficerId, g => g.Count, StringComparer.Ordinal, cancellationToken);
    }

    /// <summary>Whether the directory holds this body.</summary>
    public async Task<bool> KnowsAsync(string bodyCode, CancellationToken cancellationToken)
    {
        _bodies ??= (await db.Bodies.AsNoTracking().Select(b => b.Code).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        return _bodies.Contains(bodyCode);
    }

    /// <summary>The officer to assign, or null when the body has nobody at all; counted as one more open case for them.</summary>
    public async Task<Officer?> PickAsync(string bodyCode, DateOnly receivedOn, CancellationToken cancellationToken)
    {
        _officers ??= (await db.Officers.AsNoTracking().ToListAsync(cancellationToken)).ToLookup(o => o.BodyCode, StringComparer.Ordinal);
        var officers = _officers[bodyCode].ToList();
        var away = await AwayAsync(receivedOn, cancellationToken);

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
            _handedOut[picked.Id] = _handedOut.GetValueOrDefault(picked.Id) + 1;
        return picked;
    }

    /// <summary>Tells <see cref="OfficerLoads"/> of the cases handed out, once the batch is saved.</summary>
    public void Saved()
    {
        foreach (var (officerId, count) in _handedOut)
            officerLoads.Add(officerId, count);
        _handedOut.Clear();
    }

    private async Task<HashSet<string>> AwayAsync(DateOnly on, CancellationToken cancellationToken)
    {
        if (!_away.TryGetValue(on, out var away))
            _away[on] = away = (await db.OfficerLeaves.AsNoTracking().Where(l => l.StartsOn <= on && l.EndsOn >= on)
                .Select(l => l.OfficerId).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        return away;
    }

    private async Task<Officer> LeastLoadedAsync(List<Officer> candidates, CancellationToken cancellationToken)
    {
        _loads ??= await officerLoads.CurrentAsync(db, cancellationToken);
        int Load(Officer o) => _loads.GetValueOrDefault(o.Id) + _handedOut.GetValueOrDefault(o.Id);
        // ties go to the first id, so the same data always gives the same officer
        return candidates.OrderBy(Load).ThenBy(o => o.Id, StringComparer.Ordinal).First();
    }
}
