namespace Requests.Reporting.Reports;

/// <summary>
/// A year's facts as columns of integers (a missing date is <see cref="None"/>): about 36 bytes a case, read from the
/// database once per data version of the year and kept by <see cref="FactCache"/>.
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
        Id[_count] = id;
        Body[_count] = body;
        Theme[_count] = theme;
        Codes[_count] = codes;
        Received[_count] = received;
        Due[_count] = due;
        Answered[_count] = answered;
        Closed[_count] = closed;
        _count++;
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

    private static T[] Resize<T>(T[] array, int size)
    {
        var resized = array;
        Array.Resize(ref resized, size);
        return resized;
    }
}
