using Microsoft.EntityFrameworkCore;
using Requests.Routing.Storage;

namespace Requests.Routing.Assignment;

/// <summary>How many open cases each officer holds, for <see cref="OfficerPicker"/>: counted from the database at most
/// every <see cref="RecountEvery"/>, and in between kept up to date with the cases the picker hands out. Counting a million
/// open cases for every batch of submissions would cost more than the assignments themselves; a case answered or handed
/// over meanwhile still counts until the next recount, which only makes the balance a few seconds late. Used on SQLite,
/// where one instance writes; on PostgreSQL the picker counts a batch's bodies itself, under their locks.</summary>
public sealed class OfficerLoads(TimeProvider clock)
{
    public static readonly TimeSpan RecountEvery = TimeSpan.FromSeconds(10);

    private readonly Lock _lock = new();
    private Dictionary<string, int> _loads = new(StringComparer.Ordinal);
    private DateTimeOffset _countedAt = DateTimeOffset.MinValue;

    /// <summary>Each officer's open cases (absent: none); recounted first when the last count is too old.</summary>
    public async Task<IReadOnlyDictionary<string, int>> CurrentAsync(RoutingDbContext db, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        lock (_lock)
        {
            if (now - _countedAt < RecountEvery && now >= _countedAt)
                return new Dictionary<string, int>(_loads, StringComparer.Ordinal);
        }
        var counted = await db.Cases
            .Where(c => c.AssignedOfficerId != null && OfficerPicker.OpenStatuses.Contains(c.Status))
            .GroupBy(c => c.AssignedOfficerId!)
            .Select(g => new { OfficerId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.OfficerId, g => g.Count, StringComparer.Ordinal, cancellationToken);
        lock (_lock)
        {
            (_loads, _countedAt) = (counted, now);
            return new Dictionary<string, int>(_loads, StringComparer.Ordinal);
        }
    }

    /// <summary>Counts <paramref name="cases"/> more open cases for the officer, once they are saved.</summary>
    public void Add(string officerId, int cases)
    {
        lock (_lock)
            _loads[officerId] = _loads.GetValueOrDefault(officerId) + cases;
    }
}
