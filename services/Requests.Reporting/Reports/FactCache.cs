using Microsoft.EntityFrameworkCore;
using Requests.Reporting.Storage;

namespace Requests.Reporting.Reports;

/// <summary>A year's facts as a report's snapshot sees them: read them with <see cref="TryRead"/>.</summary>
public readonly record struct YearView(YearFacts Facts, long Version)
{
    /// <summary>False when the facts have moved past <see cref="Version"/> since: the report starts again.</summary>
    public bool TryRead(Action<YearFacts> pass) => Facts.TryRead(Version, pass);
}

/// <summary>
/// Keeps the facts of the most recently reported years in memory, each tagged with the year's data version
/// (<c>fact_years</c>). A report whose snapshot shows the same version uses them; one that shows a newer version
/// reads only the facts written since (each fact carries the version of its last write) and patches them in place,
/// unless so many changed that reading the whole year again costs less. So the current year, which receives events
/// all the time, costs a pass in memory plus its latest changes, and memory holds each year once, whatever the
/// number of reports. Patches and whole reads go one at a time: two reports never read the same year twice over.
/// </summary>
public sealed class FactCache : IDisposable
{
    private const int Years = 4;

    private readonly Lock _lock = new();
    private readonly SemaphoreSlim _loader = new(1, 1);
    private readonly List<YearFacts> _years = [];
    private long _reads, _patches, _hits, _retries;

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

    /// <summary>The year's facts as the snapshot <paramref name="db"/> is in sees them.</summary>
    public async Task<YearView> GetAsync(ReportingDbContext db, int year, CancellationToken cancellationToken) =>
        (await GetAsync(db, year, orRead: true, cancellationToken))!.Value;

    /// <summary>
    /// The year's facts as the snapshot <paramref name="db"/> is in sees them; when the cache already holds a newer
    /// version (this snapshot began before a write another report has caught up on), the year read whole if
    /// <paramref name="orRead"/>, else null: a report in a newer snapshot then costs less.
    /// </summary>
    public async Task<YearView?> GetAsync(ReportingDbContext db, int year, bool orRead, CancellationToken cancellationToken)
    {
        var version = await db.FactYears.AsNoTracking().Where(y => y.Year == year).Select(y => y.Version)
            .FirstOrDefaultAsync(cancellationToken);
        if (Cached(year, version) is { } hit)
            return hit;
        await _loader.WaitAsync(cancellationToken);
        try
        {
            var cached = Find(year);
            if (cached is not null && cached.Version == version)
                return Cached(year, version) ?? new YearView(cached, version);
            if (cached is not null && cached.Version > version)
            {
                if (!orRead)
                {
                    lock (_lock)
                        _retries++;
                    return null;
                }
                // a report that began before the last write: the cache cannot go back, the year is read for it alone
                lock (_lock)
                    _reads++;
                return new YearView(await ReadAsync(db, year, version, cancellationToken), version);
            }
            if (cached is not null)
            {
                var changed = new YearFacts(year, version);
                // past about an eighth of the year, the changed rows looked up one by one cost more than the year's scan
                if (await FactScan.ReadChangedAsync(db, changed, cached.Version, version, Math.Max(1_000, cached.Count / 8), cancellationToken) is { } gone)
                {
                    await cached.PatchAsync(version, changed, gone);
                    lock (_lock)
                        _patches++;
                    return new YearView(cached, version);
                }
            }
            var facts = await ReadAsync(db, year, version, cancellationToken);
            lock (_lock)
            {
                _reads++;
                if (cached is not null)
                    _years.Remove(cached);
                _years.Add(facts);
                if (_years.Count > Years)
                    _years.RemoveAt(0);
            }
            return new YearView(facts, version);
        }
        finally
        {
            _loader.Release();
        }
    }

    private YearView? Cached(int year, long version)
    {
        lock (_lock)
        {
            var cached = _years.Find(y => y.Year == year);
            if (cached is null)
                return null;
            _years.Remove(cached);
            _years.Add(cached); // most recently used last
            if (cached.Version != version)
                return null;
            _hits++;
            return new YearView(cached, version);
        }
    }

    private YearFacts? Find(int year)
    {
        lock (_lock)
            return _years.Find(y => y.Year == year);
    }

    private static async Task<YearFacts> ReadAsync(ReportingDbContext db, int year, long version, CancellationToken cancellationToken)
    {
        var facts = new YearFacts(year, version);
        await FactScan.ReadAsync(db, facts, cancellationToken);
        return facts;
    }

    public void Dispose() => _loader.Dispose();
}
