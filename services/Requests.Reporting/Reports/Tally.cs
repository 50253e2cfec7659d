namespace Requests.Reporting.Reports;

/// <summary>
/// Counts for one set of cases, filled one case at a time in a single pass. Delays are small whole numbers of
/// days, so they are kept as a histogram: exact medians and percentiles without storing or sorting the values.
/// </summary>
public sealed class Tally
{
    private readonly Histogram _days = new();
    private readonly Histogram _working = new();

    public long Received { get; private set; }
    public long Answered { get; private set; }
    public long InTime { get; private set; }
    public long Open { get; private set; }
    public long OpenOverdue { get; private set; }

    public void Add(in CaseState state)
    {
        Received++;
        if (state.Answered)
        {
            Answered++;
            if (state.InTime)
                InTime++;
            _days.Add(state.Days);
            _working.Add(state.WorkingDays);
        }
        else if (state.Open)
        {
            Open++;
            if (state.Overdue)
                OpenOverdue++;
        }
    }

    /// <summary>
    /// Adds another set's counts: exact, since the counts and histograms of disjoint sets of cases add up (a
    /// sector is the sum of its bodies' cases, not an average of their figures).
    /// </summary>
    public void Merge(Tally other)
    {
        Received += other.Received;
        Answered += other.Answered;
        InTime += other.InTime;
        Open += other.Open;
        OpenOverdue += other.OpenOverdue;
        _days.Merge(other._days);
        _working.Merge(other._working);
    }

    /// <summary>Unrounded: answered / received, in percent.</summary>
    public decimal? ResponseRate => Received == 0 ? null : Answered * 100m / Received;

    public decimal? InTimeRate => Answered == 0 ? null : InTime * 100m / Answered;

    public decimal? AverageDays => _days.Average;

    /// <summary>Count of answered delays in [from, to] calendar days.</summary>
    public long CountBetween(int from, int to) => _days.CountBetween(from, to);

    public Figures ToFigures() => new(Received, Answered, Round(ResponseRate), InTime, Round(InTimeRate), Open, OpenOverdue,
        _days.ToDelays(), _working.ToDelays());

    public static decimal? Round(decimal? value) =>
        value is { } v ? Math.Round(v, 1, MidpointRounding.AwayFromZero) + 0.0m : null; // + 0.0m: always one decimal shown

    private sealed class Histogram
    {
        private long[] _counts = new long[64];
        private long _count;
        private long _sum;

        public void Add(int value)
        {
            if (value >= _counts.Length)
                Array.Resize(ref _counts, Math.Max(value + 1, _counts.Length * 2));
            _counts[value]++;
            _count++;
            _sum += value;
        }

        public decimal? Average => _count == 0 ? null : (decimal)_sum / _count;

        public void Merge(Histogram other)
        {
            if (other._count == 0)
                return;
            if (other._counts.Length > _counts.Length)
                Array.Resize(ref _counts, other._counts.Length);
            for (var v = 0; v < other._counts.Length; v++)
                _counts[v] += other._counts[v];
            _count += other._count;
            _sum += other._sum;
        }

        public long CountBetween(int from, int to)
        {
            long count = 0;
            for (var v = Math.Max(0, from); v <= Math.Min(to, _counts.Length - 1); v++)
                count += _counts[v];
            return count;
        }

        public Delays ToDelays()
        {
            if (_count == 0)
                return new Delays(null, null, null, null, null);
            // the values of ranks r (1-based) read off the cumulative counts
            var median = _count % 2 == 1
                ? ValueAtRank((_count + 1) / 2)
                : (ValueAtRank(_count / 2) + ValueAtRank(_count / 2 + 1)) / 2m;
            var p90 = ValueAtRank((long)Math.Ceiling(_count * 0.9m));
            return new Delays(Round(Average), Round(median), p90, ValueAtRank(1), ValueAtRank(_count));
        }

        private int ValueAtRank(long rank)
        {
            long seen = 0;
            for (var v = 0; v < _counts.Length; v++)
            {
                seen += _counts[v];
                if (seen >= rank)
                    return v;
            }
            throw new InvalidOperationException("Rank beyond the count.");
        }
    }
}

/// <summary>One case as a report sees it at its as-of date.</summary>
public readonly record struct CaseState(bool Answered, bool InTime, bool Open, bool Overdue, int Days, int WorkingDays);
