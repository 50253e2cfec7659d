using Microsoft.EntityFrameworkCore;
using Requests.Reporting.Storage;

namespace Requests.Reporting.Reports;

/// <summary>
/// Keeps the facts of the most recently reported years in memory, each tagged with the year's data version
/// (<c>fact_years</c>). A report whose snapshot shows the same version uses them; one that shows a newer version
/// reads only the facts written since (each fact carries the version of its last write) and patches them into a
/// copy, unless so many changed that reading the whole year again costs less. So the current year, which receives
/// events all the time, costs a pass in memory plus its latest changes, not a scan of millions of rows.
/// </summary>
public sealed class FactCache
{
    private const int Years = 4;

    private readonly Lock _lock = new();
    private readonly List<YearFacts> _years = [];

    /// <summary>
    /// Years read whole, caught up on, used as they were; and years asked for in a snapshot older than the cache's.
    /// </summary>
    public (long Reads, long Patches, long Hits, long Retries) Counts
    {
        get
        {
            lock (_lock)
                return (_reads, _patches, _hits, _retries);
        }
    }

    private long _reads, _patches, _hits, _retries;

    /// <summary>The year's facts as the snapshot <paramref name="db"/> is in sees them.</summary>
    public async Task<YearFacts> GetAsync(ReportingDbContext db, int year, CancellationToken cancellationToken) =>
        (await GetAsync(db, year, orRead: true, cancellationToken))!;

    /// <summary>
    /// The year's facts as the snapshot <paramref name="db"/> is in sees them; when the cache already holds a newer
    /// version (this snapshot began before a write another report has caught up on), the year read whole if
    /// <paramref name="orRead"/>, else null: a report in a newer snapshot then costs less.
    /// </summary>
    public async Task<YearFacts?> GetAsync(ReportingDbContext db, int year, bool orRead, CancellationToken cancellationToken)
    {
        var version = await db.FactYears.AsNoTracking().Where(y => y.Year == year).Select(y => y.Version)
            .FirstOrDefaultAsync(cancellationToken);
        YearFacts? cached;
        lock (_lock)
        {
            cached = _years.Find(y => y.Year == year);
            if (cached is not null)
            {
                _years.Remove(cached);
                _years.Add(cached); // most recently used last
                if (cached.Version == version)
                {
                    _hits++;
                    return cached;
                }
            }
        }
        if (cached is not null && cached.Version > version && !orRead)
        {
            lock (_lock)
                _retries++;
            return null;
        }
        YearFacts? facts = null;
        // a cached year older than the snapshot catches up; one newer (a report that began before the last write)
        // cannot go back, and the year is read whole for that report
        if (cached is not null && cached.Version < version)
        {
            var changed = new YearFacts(year, version);
            // past about an eighth of the year, the changed rows looked up one by one cost more than the year's scan
            if (await FactScan.ReadChangedAsync(db, changed, cached.Version, Math.Max(1_000, cached.Count / 8), cancellationToken) is { } gone)
                facts = cached.Patched(version, changed, gone);
        }
        var patched = facts is not null;
        if (facts is null)
        {
            facts = new YearFacts(year, version);
            await FactScan.ReadAsync(db, facts, cancellationToken);
        }
        lock (_lock)
        {
            if (patched)
                _patches++;
            else
                _reads++;
            var current = _years.Find(y => y.Year == year);
            if (current is null || current.Version < version)
            {
                if (current is not null)
                    _years.Remove(current);
                _years.Add(facts);
                if (_years.Count > Years)
                    _years.RemoveAt(0);
            }
        }
        return facts;
    }
}
