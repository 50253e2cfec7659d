using Requests.Reporting.Facts;

namespace Requests.Reporting.Reports;

/// <summary>
/// Every figure of a year's report, filled in one pass over the year's facts: each case is added once to the
/// nation and to each of its groups (regime and kind, sector, region, body...). No figure averages other figures.
/// </summary>
public sealed class YearTally
{
    private readonly int _asOf;
    private readonly Lookups _lookups;
    private readonly WorkingDays _workingDays;
    private readonly List<(int Received, long Id, int BodyId, int? Due)> _oldest = [];

    public YearTally(int year, DateOnly asOf, Lookups lookups, WorkingDays workingDays)
    {
        Year = year;
        AsOf = asOf;
        _asOf = asOf.DayNumber;
        _lookups = lookups;
        _workingDays = workingDays;
        Bodies = Tallies(lookups.Bodies.Length);
        Regions = Tallies(lookups.Regions.Count);
        Themes = Tallies(lookups.Themes.Length);
    }

    public int Year { get; }
    public DateOnly AsOf { get; }
    public Tally National { get; } = new();
    public Tally[] RegimeKinds { get; } = Tallies(FactCodes.Regimes.Count * FactCodes.Kinds.Count);
    public Tally[] Sectors { get; } = Tallies(FactCodes.Sectors.Count);
    public Tally[] Regions { get; }
    public Tally[] Bodies { get; }
    public Tally[] Channels { get; } = Tallies(FactCodes.Channels.Count);
    public Tally[] Themes { get; }
    public Tally[] Outcomes { get; } = Tallies(FactCodes.Outcomes.Count);
    public Tally[] Grounds { get; } = Tallies(FactCodes.Grounds.Count);
    public Tally[] Urgency { get; } = Tallies(2);
    public Tally[] Extension { get; } = Tallies(2);
    public long[] ReceivedByMonth { get; } = new long[12];
    public long[] AnsweredByMonth { get; } = new long[12];

    /// <summary>The ten oldest open cases (receipt day, then fact id), as fact ids.</summary>
    public IReadOnlyList<(int Received, long Id, int BodyId, int? Due)> Oldest => _oldest;

    public void Add(long id, int bodyId, int themeId, int codes, int received, int? due, int? answered, int? closed)
    {
        if (received > _asOf)
            return;
        var isAnswered = answered is { } a && a <= _asOf;
        var isOpen = !isAnswered && !(closed is { } c && c <= _asOf);
        var state = isAnswered
            ? new CaseState(true, due is null || answered!.Value <= due, false, false,
                Math.Max(0, answered!.Value - received), Math.Max(0, _workingDays.Between(received, answered.Value)))
            : new CaseState(false, false, isOpen, isOpen && due < _asOf, 0, 0);

        National.Add(state);
        var regime = FactCodes.Regime(codes);
        RegimeKinds[regime * FactCodes.Kinds.Count + FactCodes.Kind(codes)].Add(state);
        if ((uint)bodyId < (uint)Bodies.Length)
        {
            Bodies[bodyId].Add(state);
            Sectors[_lookups.BodySector[bodyId]].Add(state);
            if (_lookups.Regions.Count > 0)
                Regions[_lookups.BodyRegion[bodyId]].Add(state);
        }
        Channels[FactCodes.Channel(codes) % FactCodes.Channels.Count].Add(state);
        // themes classify complaints (Decree 2.17.265); a request's theme is not a breakdown
        if (regime == 1 && themeId > 0 && themeId < Themes.Length)
            Themes[themeId].Add(state);
        Urgency[FactCodes.Has(codes, FactCodes.Urgent) ? 1 : 0].Add(state);
        Extension[FactCodes.Has(codes, FactCodes.Extended) ? 1 : 0].Add(state);

        var month = DateOnly.FromDayNumber(received);
        ReceivedByMonth[month.Month - 1]++;
        if (isAnswered)
        {
            Outcomes[FactCodes.Outcome(codes) % FactCodes.Outcomes.Count].Add(state);
            var ground = FactCodes.Ground(codes);
            if (ground > 0 && ground < Grounds.Length)
                Grounds[ground].Add(state);
            var answeredOn = DateOnly.FromDayNumber(answered!.Value);
            if (answeredOn.Year == Year)
                AnsweredByMonth[answeredOn.Month - 1]++;
        }
        else if (isOpen)
            KeepIfOldest(received, id, bodyId, due);
    }

    private void KeepIfOldest(int received, long id, int bodyId, int? due)
    {
        if (_oldest.Count == 10 && (received, id).CompareTo((_oldest[9].Received, _oldest[9].Id)) >= 0)
            return;
        var at = _oldest.FindIndex(o => (received, id).CompareTo((o.Received, o.Id)) < 0);
        _oldest.Insert(at < 0 ? _oldest.Count : at, (received, id, bodyId, due));
        if (_oldest.Count > 10)
            _oldest.RemoveAt(10);
    }

    private static Tally[] Tallies(int count)
    {
        var tallies = new Tally[count];
        for (var i = 0; i < count; i++)
            tallies[i] = new Tally();
        return tallies;
    }
}
