using System.Runtime.CompilerServices;

namespace Requests.Reporting.Reports;

/// <summary>
/// A year's facts as columns of integers (a missing date is <see cref="None"/>): about 36 bytes a case, read from the
/// database once and kept by <see cref="FactCache"/>, then brought to a later data version of the year by
/// <see cref="Patched"/>. Never changed once handed out: a patch makes a new copy, so a report in progress keeps
/// the version it started with.
/// </summary>
public sealed class YearFacts
{
    public const int None = int.MaxValue;

    private int _count;

    public YearFacts(int year, long version)
    {
        Year = year;
        Version = version;
    }

    public int Year { get; }
    public long Version { get; }
    public int Count => _count;
    public long[] Id { get; private set; } = new long[1024];
    public int[] Body { get; private set; } = new int[1024];
    public int[] Theme { get; private set; } = new int[1024];
    public int[] Codes { get; private set; } = new int[1024];
    public int[] Received { get; private set; } = new int[1024];
    public int[] Due { get; private set; } = new int[1024];
    public int[] Answered { get; private set; } = new int[1024];
    public int[] Closed { get; private set; } = new int[1024];

    public void Add(long id, int body, int theme, int codes, int received, int due, int answered, int closed)
    {
        if (_count == Id.Length)
            Grow(_count * 2);
        Set(_count++, id, body, theme, codes, received, due, answered, closed);
    }

    /// <summary>
    /// A copy at <paramref name="version"/>: each of <paramref name="changed"/> replaces the case with its id or is
    /// added, and each of <paramref name="gone"/> that is not among them is removed (moved out of the year).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public YearFacts Patched(long version, YearFacts changed, IReadOnlyCollection<long> gone)
    {
        // new arrays, room for every change to be added: this year stays as it is
        var size = _count + changed.Count;
        var copy = new YearFacts(Year, version)
        {
            _count = _count, Id = Copy(Id, size), Body = Copy(Body, size), Theme = Copy(Theme, size), Codes = Copy(Codes, size),
            Received = Copy(Received, size), Due = Copy(Due, size), Answered = Copy(Answered, size), Closed = Copy(Closed, size),
        };

        // where each touched id is now (-1: not in the year), found in one pass over the ids
        var at = new Dictionary<long, int>(changed.Count + gone.Count);
        for (var j = 0; j < changed.Count; j++)
            at[changed.Id[j]] = -1;
        foreach (var id in gone)
            at[id] = -1;
        if (at.Count > 0)
            Locate(copy.Id, _count, at);
        for (var j = 0; j < changed.Count; j++)
        {
            var i = at[changed.Id[j]];
            if (i < 0)
            {
                copy.Add(changed.Id[j], changed.Body[j], changed.Theme[j], changed.Codes[j], changed.Received[j], changed.Due[j],
                    changed.Answered[j], changed.Closed[j]);
                continue;
            }
            copy.Set(i, changed.Id[j], changed.Body[j], changed.Theme[j], changed.Codes[j], changed.Received[j], changed.Due[j],
                changed.Answered[j], changed.Closed[j]);
            at[changed.Id[j]] = -2; // kept
        }
        // the removed, from the last position down, each replaced by the last case
        var removed = gone.Distinct().Select(id => at[id]).Where(i => i >= 0).OrderDescending().ToList();
        foreach (var i in removed)
        {
            var last = copy._count - 1;
            copy.Set(i, copy.Id[last], copy.Body[last], copy.Theme[last], copy.Codes[last], copy.Received[last], copy.Due[last],
                copy.Answered[last], copy.Closed[last]);
            copy._count--;
        }
        return copy; // the spare room is at most the changes: not worth another copy

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

    /// <summary>Drops the spare room once the year is read.</summary>
    public void Trim() => Grow(_count);

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

    private T[] Copy<T>(T[] array, int size)
    {
        var copy = new T[Math.Max(size, 1)];
        Array.Copy(array, copy, _count);
        return copy;
    }

    private static T[] Resize<T>(T[] array, int size)
    {
        var resized = array;
        Array.Resize(ref resized, size);
        return resized;
    }
}
