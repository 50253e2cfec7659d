using Microsoft.EntityFrameworkCore;
using Requests.Reporting.Facts;
using Requests.Reporting.Storage;
using Requests.ServiceDefaults.Calendar;
using Requests.ServiceDefaults.Data;

namespace Requests.Reporting.Reports;

/// <summary>Builds the national synthesis and the bodies' reports from one snapshot of the facts.</summary>
public sealed class ReportBuilder(ReportingDbContext db, FactCache cache, PublishedCalendar calendar)
{
    public const string Rounding =
        "Percentages and days to one decimal, rounded half away from zero, computed on unrounded values; medians of an even count are the mean of the two middle values; the 90th percentile is the nearest rank.";

    private const int Attempts = 3;

    private static readonly int[] DelayBuckets = [0, 11, 21, 31, 41, 61, 91, 181];

    public async Task<Synthesis> SynthesisAsync(int year, DateOnly asOf, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var snapshot = await db.BeginSnapshotAsync(cancellationToken);
            var lookups = await LookupsAsync(cancellationToken);
            if (await TallyAsync(year, asOf, lookups, null, attempt, cancellationToken) is not ({ } tally, { } previous))
                continue;
            return new Synthesis(year, asOf, Rounding, tally.National.ToFigures(), Breakdowns(tally, lookups),
                Rankings(tally, lookups), await OldestAsync(tally, lookups, cancellationToken), Monthly(tally),
                Distribution(tally.National), Change(tally.National, previous));
        }
    }

    /// <summary>Reads <paramref name="years"/> into the cache, as a report of each would.</summary>
    public async Task WarmAsync(IEnumerable<int> years, CancellationToken cancellationToken)
    {
        await using var snapshot = await db.BeginSnapshotAsync(cancellationToken);
        foreach (var year in years)
            await cache.GetAsync(db, year, cancellationToken);
    }

    /// <summary>
    /// The bodies and themes, and the holidays routing published as the database keeps them: another instance may
    /// have received the calendar's last message.
    /// </summary>
    private async Task<Lookups> LookupsAsync(CancellationToken cancellationToken)
    {
        await calendar.LoadAsync(db, cancellationToken);
        return await Lookups.LoadAsync(db, cancellationToken);
    }

    /// <summary>Null when no body has that code.</summary>
    public async Task<BodyReport?> BodyReportAsync(int year, DateOnly asOf, string bodyCode, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var snapshot = await db.BeginSnapshotAsync(cancellationToken);
            var lookups = await LookupsAsync(cancellationToken);
            var body = lookups.Body(bodyCode);
            if (body is null)
                return null;
            if (await TallyAsync(year, asOf, lookups, body.Id, attempt, cancellationToken) is not ({ } tally, { } previous))
                continue;
            var breakdowns = Breakdowns(tally, lookups);
            return new BodyReport(year, asOf, Rounding, body.Code, body.Name, body.Sector, body.Region, tally.National.ToFigures(),
                breakdowns, breakdowns.ByTheme, await OldestAsync(tally, lookups, cancellationToken), Monthly(tally),
                Distribution(tally.National), Change(tally.National, previous));
        }
    }

    /// <summary>
    /// The year's and the previous year's tallies (of one body, when given) from their facts in the current snapshot;
    /// null when a report in a newer snapshot already moved the cache past this one (a write came between), so that
    /// the report starts again in a new snapshot rather than read the year whole; the last attempts read it whole if
    /// they must.
    /// </summary>
    private async Task<(YearTally Year, YearTally Previous)?> TallyAsync(int year, DateOnly asOf, Lookups lookups, int? bodyId,
        int attempt, CancellationToken cancellationToken)
    {
        var orRead = attempt >= Attempts;
        if (await cache.GetAsync(db, year, orRead, cancellationToken) is not { } facts)
            return null;
        if (await cache.GetAsync(db, year - 1, orRead, cancellationToken) is not { } before)
            return null;
        var workingDays = new WorkingDays(calendar.Current);
        var tally = new YearTally(year, asOf, lookups, workingDays);
        var previous = new YearTally(year - 1, asOf.AddYears(-1), lookups, workingDays);
        return facts.TryRead(f => tally.AddAll(f, bodyId)) && before.TryRead(f => previous.AddAll(f, bodyId))
            ? (tally, previous)
            : null;
    }

    private static YearChange Change(Tally current, YearTally previous)
    {
        var before = previous.National;
        return new YearChange(previous.Year, previous.AsOf, before.ToFigures(), current.Received - before.Received,
            Tally.Round(current.ResponseRate - before.ResponseRate), Tally.Round(current.InTimeRate - before.InTimeRate),
            Tally.Round(current.AverageDays - before.AverageDays));
    }

    private static Breakdowns Breakdowns(YearTally t, Lookups lookups) => new(
        Rows(t.RegimeKinds, i => $"{FactCodes.Regimes[i / FactCodes.Kinds.Count]}/{FactCodes.Kinds[i % FactCodes.Kinds.Count]}"),
        Rows(t.Sectors, i => FactCodes.Sectors[i]),
        Rows(t.Regions, i => lookups.Regions[i]),
        Rows(t.Channels, i => FactCodes.Channels[i]),
        Rows(t.Themes, i => lookups.Themes[i]),
        Rows(t.Outcomes, i => i == 0 ? null : FactCodes.Outcomes[i]),
        Rows(t.Grounds, i => i == 0 ? null : FactCodes.Grounds[i]),
        Rows(t.Urgency, i => i == 1 ? "urgent" : "not-urgent"),
        Rows(t.Extension, i => i == 1 ? "extended" : "not-extended"));

    /// <summary>The rows that have cases, in code order (a stable order: the same data give the same report).</summary>
    private static List<Breakdown> Rows(Tally[] tallies, Func<int, string?> key)
    {
        var rows = new List<Breakdown>();
        for (var i = 0; i < tallies.Length; i++)
        {
            if (tallies[i].Received > 0 && key(i) is { } k)
                rows.Add(new Breakdown(k, tallies[i].ToFigures()));
        }
        return rows;
    }

    private static List<SectorRanking> Rankings(YearTally t, Lookups lookups)
    {
        var rankings = new List<SectorRanking>();
        for (var sector = 0; sector < FactCodes.Sectors.Count; sector++)
        {
            var ranked = Enumerable.Range(0, t.Bodies.Length)
                .Where(id => lookups.Bodies[id] is not null && lookups.BodySector[id] == sector && t.Bodies[id].Received > 0)
                .OrderByDescending(id => t.Bodies[id].ResponseRate)
                .ThenByDescending(id => t.Bodies[id].InTimeRate ?? -1)
                .ThenBy(id => t.Bodies[id].AverageDays ?? decimal.MaxValue)
                .ThenBy(id => lookups.Bodies[id]!.Code, StringComparer.Ordinal)
                .Select((id, i) => new RankedBody(i + 1, lookups.Bodies[id]!.Code, lookups.Bodies[id]!.Name,
                    lookups.Bodies[id]!.Region, t.Bodies[id].ToFigures()))
                .ToList();
            if (ranked.Count > 0)
                rankings.Add(new SectorRanking(FactCodes.Sectors[sector], ranked));
        }
        return rankings;
    }

    private async Task<List<OpenCase>> OldestAsync(YearTally t, Lookups lookups, CancellationToken cancellationToken)
    {
        var ids = t.Oldest.Select(o => o.Id).ToList();
        var names = await db.Facts.AsNoTracking().Where(f => ids.Contains(f.Id))
            .Select(f => new { f.Id, f.CaseId, f.TrackingNumber }).ToDictionaryAsync(f => f.Id, cancellationToken);
        return [.. t.Oldest.Select(o => new OpenCase(names[o.Id].CaseId, names[o.Id].TrackingNumber,
            lookups.Bodies[o.BodyId]?.Code ?? "", DateOnly.FromDayNumber(o.Received),
            o.Due is { } due ? DateOnly.FromDayNumber(due) : null, t.AsOf.DayNumber - o.Received))];
    }

    private static List<MonthVolume> Monthly(YearTally t) =>
        [.. Enumerable.Range(0, 12).Select(m => new MonthVolume(m + 1, t.ReceivedByMonth[m], t.AnsweredByMonth[m]))];

    private static List<DelayBucket> Distribution(Tally national) =>
        [.. DelayBuckets.Select((from, i) => i + 1 < DelayBuckets.Length
            ? new DelayBucket(from, DelayBuckets[i + 1] - 1, national.CountBetween(from, DelayBuckets[i + 1] - 1))
            : new DelayBucket(from, null, national.CountBetween(from, int.MaxValue - 1)))];
}
