using System.Runtime.CompilerServices;

namespace Requests.Reporting.Reports;

/// <summary>
/// A year's facts as columns of integers (a missing date is <see cref="None"/>): about 36 bytes a case, read from the
/// database once and kept by <see cref="FactCache"/>, then brought to a later data version of the year in place by
/// <see cref="PatchAsync"/>. A report reads them in <see cref="TryRead"/>: a patch waits until the passes under way
/// end, and a pass that would start during a patch, or at a version the facts have left, is refused (the report
/// starts again in a newer snapshot). So the year is never copied, and a pass sees one version from start to end.
/// </summary>
public sealed class YearFacts
{
    public const int None = int.MaxValue;

    private readonly Lock _gate = new();
    private int _readers;
    private bool _patching;
    private TaskCompletionSource? _drained;
    private int _count;

    public YearFacts(int year, long version)
    {
        Year = year;
        Version = version;
    }

    public int Year { get; }
    public long Version { get; private set; }
    public int Count => _count;
    public long[] Id { get; private set; } = new long[1024];
    public int[] Body { get; private set; } = new int[1024];
    public int[] Theme { get; private set; } = new int[1024];
    public int[] Codes { get; private set; } = new int[1024];
    public int[] Received { get; private set; } = new int[1024];
    public int[] Due { get; private set; } = new int[1024];
    public int[] Answered { get; private set; } = new int[1024];
    public int[] Closed { get; private set; } = new int[1024];

    /// <summary>Adds a case while the year is read, before anyone else sees it.</summary>
    public void Add(long id, int body, int theme, int codes, int received, int due, int answered, int closed)
    {
        if (_count == Id.Length)
            Grow(_count * 2);
        Set(_count++, id, body, theme, codes, received, due, answered, closed);
    }

    /// <summary>
    /// Runs <paramref name="pass"/> over the facts if they are at <paramref name="version"/> and no patch is under way;
    /// false otherwise. No patch begins until the pass ends.
    /// </summary>
    public bool TryRead(long version, Action<YearFacts> pass)
    {
        ArgumentNullException.ThrowIfNull(pass);
        lock (_gate)
        {
            if (_patching || Version != version)
                return false;
            _readers++;
        }
        try
        {
            pass(this);
        }
        finally
        {
            lock (_gate)
            {
                if (--_readers == 0)
                    _drained?.TrySetResult();
            }
        }
        return true;
    }

    /// <summary>
    /// Brings the facts to <paramref name="version"/> in place: each of <paramref name="changed"/> replaces the case with
    /// its id or is added, and each of <paramref name="gone"/> that is not among them is removed (moved out of the
    /// year). One patch at a time (the cache's loader): the positions are found while reports still read, then the
    /// changes wait for the passes under way and are written with none running.
    /// </summary>
    public async Task PatchAsync(long version, YearFacts changed, IReadOnlyCollection<long> gone)
    {
        ArgumentNullException.ThrowIfNull(changed);
        ArgumentNullException.ThrowIfNull(gone);
        var at = new Dictionary<long, int>(changed.Count + gone.Count);
        for (var j = 0; j < changed.Count; j++)
            at[changed.Id[j]] = -1;
        foreach (var id in gone)
            at[id] = -1;
        if (at.Count > 0)
            Locate(Id, _count, at);

        Task drained;
        lock (_gate)
        {
            _patching = true;
            drained = _readers == 0 ? Task.CompletedTask : (_drained = new(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
        }
        await drained;
        try
        {
            Apply(changed, gone, at);
        }
        finally
        {
            lock (_gate)
            {
                Version = version;
                _patching = false;
                _drained = null;
            }
        }
    }

    private void Apply(YearFacts changed, IReadOnlyCollection<long> gone, Dictionary<long, int> at)
    {
        var added = 0;
        for (var j = 0; j < changed.Count; j++)
            added += at[changed.Id[j]] < 0 ? 1 : 0;
        // room for a sixteenth more at a time: a live year grows by a few cases between reports
        if (_count + added > Id.Length)
            Grow(Math.Max(_count + added, Id.Length + Id.Length / 16));
        for (var j = 0; j < changed.Count; j++)
        {
            var i = at[changed.Id[j]];
            if (i < 0)
                i = _count++;
            else
                at[changed.Id[j]] = -2; // kept
            Set(i, changed.Id[j], changed.Body[j], changed.Theme[j], changed.Codes[j], changed.Received[j], changed.Due[j],
                changed.Answered[j], changed.Closed[j]);
        }
        // the removed, from the last position down, each replaced by the last case
        foreach (var i in gone.Distinct().Select(id => at[id]).Where(i => i >= 0).OrderDescending())
        {
            var last = --_count;
            Set(i, Id[last], Body[last], Theme[last], Codes[last], Received[last], Due[last], Answered[last], Closed[last]);
        }
    }

    /// <summary>
    /// Finds the positions of the ids in <paramref name="at"/>: a mark per id in their range (ids are dense) spares a
    /// hash lookup for nearly every one of the millions of cases that did not change.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // the first patch runs once: no slow first tier for its loop
    private static void Locate(long[] ids, int count, Dictionary<long, int> at)
    {
        var min = at.Keys.Min();
        var range = at.Keys.Max() - min + 1;
        if (range > 1 << 26)
        {
            for (var i = 0; i < count; i++)
            {
                if (at.ContainsKey(ids[i]))
                    at[ids[i]] = i;
            }
            return;
        }
        var marks = new bool[range];
        foreach (var id in at.Keys)
            marks[id - min] = true;
        for (var i = 0; i < count; i++)
        {
            var offset = (ulong)(ids[i] - min);
            if (offset < (ulong)marks.Length && marks[offset])
                at[ids[i]] = i;
        }
    }

    private void Set(int i, long id, int body, int theme, int codes, int received, int due, int answered, int closed)
    {
        Id[i] = id;
        Body[i] = body;
        Theme[i] = theme;
        Codes[i] = codes;
        Received[i] = received;
        Due[i] = due;
        Answered[i] = answered;
        Closed[i] = closed;
    }

    /// <summary>Once the year is read: drops the spare room of the reading but a little for the cases still to come.</summary>
    public void Trim() => Grow(_count + Math.Max(64, _count / 64));

    private void Grow(int size)
    {
        Id = Resize(Id, size);
        Body = Resize(Body, size);
        Theme = Resize(Theme, size);
        Codes = Resize(Codes, size);
        Received = Resize(Received, size);
        Due = Resize(Due, size);
        Answered = Resize(Answered, size);
        Closed = Resize(Closed, size);
    }

    private static T[] Resize<T>(T[] array, int size)
    {
        var resized = array;
        Array.Resize(ref resized, size);
        return resized;
    }
}
