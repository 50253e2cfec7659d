using System.Globalization;

namespace Requests.Routing.Benchmarks;

/// <summary>The table every phase adds its measurements to, printed at the end of the run, and the targets' verdicts.</summary>
internal sealed class Report
{
    private readonly List<(string Phase, string Name, long Rows, TimeSpan Elapsed, TimeSpan? Cpu)> _rows = [];
    private readonly List<(string Text, bool Met)> _verdicts = [];
    private readonly List<string> _notes = [];

    public bool Failed { get; private set; }

    /// <param name="cpu">The CPU time this process spent meanwhile, when measured: what is left is waiting (disk, other processes).</param>
    public void Add(string phase, string name, long rows, TimeSpan elapsed, TimeSpan? cpu = null)
    {
        _rows.Add((phase, name, rows, elapsed, cpu));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {name,-58} {rows,9:N0} rows {elapsed.TotalMilliseconds,9:N1} ms {PerSecond(rows, elapsed),12:N0} rows/s{(cpu is { } c ? $"  cpu {c.TotalMilliseconds:N0} ms" : "")}"));
    }

    public void Verdict(string text, bool met)
    {
        _verdicts.Add((text, met));
        Failed |= !met;
    }

    public void Note(string text) => _notes.Add(text);

    public void Fail(string text)
    {
        _notes.Add(text);
        Failed = true;
    }

    public void Print()
    {
        const string format = "{0,-6} {1,-58} {2,10} {3,10} {4,12} {5,8}";
        Console.WriteLine();
        var header = string.Format(CultureInfo.InvariantCulture, format, "phase", "measurement", "rows", "ms", "rows/s", "cpu ms");
        Console.WriteLine(header);
        Console.WriteLine(new string('-', header.Length));
        foreach (var (phase, name, rows, elapsed, cpu) in _rows)
            Console.WriteLine(string.Format(CultureInfo.InvariantCulture, format, phase, name, rows.ToString("N0", CultureInfo.InvariantCulture),
                elapsed.TotalMilliseconds.ToString("N1", CultureInfo.InvariantCulture), PerSecond(rows, elapsed).ToString("N0", CultureInfo.InvariantCulture),
                cpu?.TotalMilliseconds.ToString("N0", CultureInfo.InvariantCulture) ?? ""));
        Console.WriteLine("cpu ms: CPU time of this process during the measurement; the rest of the wall time is spent waiting (disk, other processes).");
        foreach (var note in _notes)
            Console.WriteLine($"  note: {note}");
        Console.WriteLine();
        foreach (var (text, met) in _verdicts)
            Console.WriteLine($"RESULT: {text} -> target {(met ? "met" : "NOT met")}");
    }

    private static double PerSecond(long rows, TimeSpan elapsed) => elapsed > TimeSpan.Zero ? rows / elapsed.TotalSeconds : 0;
}
