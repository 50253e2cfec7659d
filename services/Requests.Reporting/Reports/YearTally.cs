using Requests.Reporting.Facts;

namespace Requests.Reporting.Reports;

/// <summary>
/// Every figure of a year's report from one pass over the year's facts. Each case is counted once in its body's
/// tally and once in the tally of its cell (regime, kind, channel, outcome, ground, urgency, extension, answered or
/// not); the nation, sectors and regions are then the sums of their bodies, and the other breakdowns the sums of
/// their cells. Sums of counts and of delay histograms are exact: no figure averages other figures.
/// </summary>
public sealed class YearTally
{
    private const int AnsweredBit = 1 << 18;

    private readonly int _asOf;
    private readonly Lookups _lookups;
    private readonly WorkingDays _workingDays;
    private readonly Dictionary<int, Tally> _cells = [];
    private readonly Tally _noBody = new();
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

    /// <summary>Adds every case of <paramref name="facts"/> (of one body only, when given), then sums the groups.</summary>
    public void AddAll(YearFacts facts, int? bodyId)
    {
        var days = new DayIndex(Year, _workingDays);
        Tally? cell = null;
        var cellKey = -1;
        for (var i = 0; i < facts.Count; i++)
        {
            var body = facts.Body[i];
            if (bodyId is { } only && body != only)
                continue;
            var received = facts.Received[i];
            if (received > _asOf)
                continue;
            var answered = facts.Answered[i];
            var due = facts.Due[i];
            var isAnswered = answered <= _asOf;
            var isOpen = !isAnswered && facts.Closed[i] > _asOf;
            var state = isAnswered
                ? new CaseState(true, answered <= due, false, false, Math.Max(0, answered - received),
                    Math.Max(0, days.WorkingDaysBetween(received, answered)))
                : new CaseState(false, false, isOpen, isOpen && due < _asOf, 0, 0);

            ((uint)body < (uint)Bodies.Length ? Bodies[body] : _noBody).Add(state);
            var codes = facts.Codes[i];
            var key = (codes & 0xFFFF) | (codes & (FactCodes.Urgent | FactCodes.Extended)) | (isAnswered ? AnsweredBit : 0);
            if (key != cellKey)
            {
                cellKey = key;
                if (!_cells.TryGetValue(key, out cell))
                    _cells[key] = cell = new Tally();
            }
            cell!.Add(state);
            // themes classify complaints (Decree 2.17.265); a request's theme is not a breakdown
            var theme = facts.Theme[i];
            if (theme > 0 && FactCodes.Regime(codes) == 1 && theme < _lookups.ThemeSlot.Length)
                Themes[_lookups.ThemeSlot[theme]].Add(state);

            ReceivedByMonth[days.MonthOf(received)]++;
            if (isAnswered)
            {
                if (days.MonthOf(answered) is var month and >= 0)
                    AnsweredByMonth[month]++;
            }
            else if (isOpen)
                KeepIfOldest(received, facts.Id[i], body, due == YearFacts.None ? null : due);
        }
        SumGroups();
    }

    private void SumGroups()
    {
        National.Merge(_noBody);
        for (var body = 0; body < Bodies.Length; body++)
        {
            if (Bodies[body].Received == 0)
                continue;
            National.Merge(Bodies[body]);
            Sectors[_lookups.BodySector[body]].Merge(Bodies[body]);
            if (_lookups.Regions.Count > 0)
                Regions[_lookups.BodyRegion[body]].Merge(Bodies[body]);
        }
        foreach (var (key, cell) in _cells)
        {
            RegimeKinds[FactCodes.Regime(key) * FactCodes.Kinds.Count + FactCodes.Kind(key)].Merge(cell);
            Channels[FactCodes.Channel(key) % FactCodes.Channels.Count].Merge(cell);
            Urgency[FactCodes.Has(key, FactCodes.Urgent) ? 1 : 0].Merge(cell);
            Extension[FactCodes.Has(key, FactCodes.Extended) ? 1 : 0].Merge(cell);
            if ((key & AnsweredBit) == 0)
                continue;
            // outcomes and grounds count answered cases only
            Outcomes[FactCodes.Outcome(key) % FactCodes.Outcomes.Count].Merge(cell);
            var ground = FactCodes.Ground(key);
            if (ground > 0 && ground < Grounds.Length)
                Grounds[ground].Merge(cell);
        }
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

    /// <summary>
    /// Month and working-day lookups by day number for the year and the three after it (late answers), so that each
    /// case costs a few array reads; other days go through the calendar.
    /// </summary>
    private sealed class DayIndex
    {
        private const int Span = 4 * 366;
        private readonly int _first;
        private readonly int[] _month = new int[Span];
        private readonly int[] _working = new int[Span];
        private readonly WorkingDays _calendar;

        public DayIndex(int year, WorkingDays calendar)
        {
            _calendar = calendar;
            _first = new DateOnly(year, 1, 1).DayNumber;
            for (var i = 0; i < Span; i++)
            {
                var day = DateOnly.FromDayNumber(_first + i);
                _month[i] = day.Year == year ? day.Month - 1 : -1;
                // working days in (first, first + i]
                _working[i] = calendar.Between(_first, _first + i);
            }
        }

        public int MonthOf(int day) => (uint)(day - _first) < Span ? _month[day - _first] : -1;

        public int WorkingDaysBetween(int from, int to) =>
            (uint)(from - _first) < Span && (uint)(to - _first) < Span
                ? _working[to - _first] - _working[from - _first]
                : _calendar.Between(from, to);
    }

    private static Tally[] Tallies(int count)
    {
        var tallies = new Tally[count];
        for (var i = 0; i < count; i++)
            tallies[i] = new Tally();
        return tallies;
    }
}
