using Microsoft.EntityFrameworkCore;
using Requests.Reporting.Storage;

namespace Requests.Reporting.Reports;

/// <summary>
/// Keeps the facts of the most recently reported years in memory, each tagged with the year's data version
/// (<c>fact_years</c>): a report whose snapshot shows the same version uses them; any write to the year makes the
/// next report read the year again. Reports of past years, whose facts rarely change, then cost one pass in memory.
/// </summary>
public sealed class FactCache
{
    private const int Years = 4;

    private readonly Lock _lock = new();
    private readonly List<YearFacts> _years = [];

    /// <summary>The year's facts as the snapshot <paramref name="db"/> is in sees them.</summary>
    public async Task<YearFacts> GetAsync(ReportingDbContext db, int year, CancellationToken cancellationToken)
    {
        var version = await db.FactYears.AsNoTracking().Where(y => y.Year == year).Select(y => y.Version)
            .FirstOrDefaultAsync(cancellationToken);
        lock (_lock)
        {
            var cached = _years.Find(y => y.Year == year && y.Version == version);
            if (cached is not null)
            {
                _years.Remove(cached);
                _years.Add(cached); // most recently used last
                return cached;
            }
        }
        var facts = new YearFacts(year, version);
        await FactScan.ReadAsync(db, facts, cancellationToken);
        lock (_lock)
        {
            _years.RemoveAll(y => y.Year == year);
            _years.Add(facts);
            if (_years.Count > Years)
                _years.RemoveAt(0);
        }
        return facts;
    }
}
