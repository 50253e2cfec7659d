using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;

namespace Requests.Intake.Benchmarks;

/// <summary>One connection of the load generator and what it saw. Not thread-safe: one request at a time.</summary>
internal sealed class LoadWorker(IPEndPoint server, FilingRequests requests, bool collectTrackingNumbers)
{
    private static ReadOnlySpan<byte> TrackingField => "\"trackingNumber\":\""u8;

    private readonly byte[] _request = new byte[2048];
    private HttpConnection? _connection;

    /// <summary>Stopwatch ticks from the scheduled (open loop) or actual (closed loop) send to the full response.</summary>
    public List<long> Latencies { get; } = new(64 * 1024);

    /// <summary>Stopwatch ticks from the actual send to the full response (differs from latency in open loop).</summary>
    public List<long> ServiceTimes { get; } = new(64 * 1024);

    /// <summary>For each of <see cref="Latencies"/>: when the request was due or sent (Stopwatch ticks).</summary>
    public List<long> Scheduled { get; } = new(64 * 1024);

    public long Created { get; private set; }
    public long Errors { get; private set; }
    public Dictionary<string, long> ErrorKinds { get; } = [];
    public string? FirstError { get; private set; }

    /// <summary>Every 201 this worker ever received (all phases), by tracking number.</summary>
    public List<string> TrackingNumbers { get; } = [];

    /// <summary>For each of <see cref="TrackingNumbers"/>: when its request was due (Stopwatch ticks).</summary>
    public List<long> DueAt { get; } = [];

    public long AllCreated { get; private set; }
    public long AllErrors { get; private set; }

    public void BeginPhase()
    {
        Latencies.Clear();
        ServiceTimes.Clear();
        Scheduled.Clear();
        Created = Errors = 0;
        ErrorKinds.Clear();
        FirstError = null;
    }

    public async Task ConnectAsync()
    {
        _connection ??= await HttpConnection.OpenAsync(server);
    }

    public async ValueTask SendAsync(long scheduled)
    {
        var length = requests.Write(_request);
        var sent = Stopwatch.GetTimestamp();
        try
        {
            _connection ??= await HttpConnection.OpenAsync(server);
            var status = await _connection.ExchangeAsync(_request.AsMemory(0, length));
            var done = Stopwatch.GetTimestamp();
            Latencies.Add(done - scheduled);
            ServiceTimes.Add(done - sent);
            Scheduled.Add(scheduled);
            if (status == 201)
            {
                Created++;
                AllCreated++;
                if (collectTrackingNumbers)
                {
                    TrackingNumbers.Add(ReadTrackingNumber(_connection.Body));
                    DueAt.Add(scheduled);
                }
            }
            else
            {
                Fail($"HTTP {status}", $"HTTP {status}: {Encoding.UTF8.GetString(_connection.Body[..Math.Min(300, _connection.BodyLength)])}");
            }
            if (_connection.Closed)
                Drop();
        }
        catch (Exception ex) when (ex is IOException or SocketException)
        {
            Fail(ex.GetType().Name, ex.Message);
            Drop();
        }
    }

    private void Fail(string kind, string detail)
    {
        Errors++;
        AllErrors++;
        ErrorKinds[kind] = ErrorKinds.GetValueOrDefault(kind) + 1;
        FirstError ??= detail;
    }

    private void Drop()
    {
        _connection?.Dispose();
        _connection = null;
    }

    private static string ReadTrackingNumber(ReadOnlySpan<byte> body)
    {
        var at = body.IndexOf(TrackingField);
        if (at < 0)
            return "(none)";
        var rest = body[(at + TrackingField.Length)..];
        return Encoding.UTF8.GetString(rest[..rest.IndexOf((byte)'"')]);
    }

    public void Close() => Drop();
}

/// <summary>A phase's figures: throughput, latency percentiles, errors and where the CPU went.</summary>
internal sealed record PhaseResult(
    string Name, string Connections, long Completed, long Created, long Errors, TimeSpan Elapsed,
    double[] LatencyMs, double[]? ServiceMs, string? ErrorSummary, CpuUse? Cpu, string? Unit = null)
{
    public double PerSecond => Created / Elapsed.TotalSeconds;

    public static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
}

internal static class LoadGenerator
{
    /// <summary>Every connection sends its next request as soon as the last one is answered, for <paramref name="duration"/>.</summary>
    public static async Task<PhaseResult> ClosedLoopAsync(string name, IReadOnlyList<LoadWorker> workers, TimeSpan duration,
        CpuMeter cpu)
    {
        foreach (var worker in workers)
            worker.BeginPhase();
        var before = cpu.Take();
        var start = Stopwatch.GetTimestamp();
        var stop = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        await Task.WhenAll(workers.Select(worker => Task.Run(async () =>
        {
            while (Stopwatch.GetTimestamp() < stop)
                await worker.SendAsync(Stopwatch.GetTimestamp());
        })));
        var elapsed = Stopwatch.GetElapsedTime(start);
        return Collect(name, workers.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), workers, elapsed,
            openLoop: false, cpu.Since(before));
    }

    /// <summary>
    /// Open loop: requests are due on a fixed schedule (<paramref name="rate"/> a second) whether or not earlier ones were
    /// answered; a free connection takes the next due request, and latency counts from when it was due, so queueing
    /// behind a slow server is measured instead of hidden (no coordinated omission).
    /// </summary>
    public static async Task<PhaseResult> OpenLoopAsync(string name, IReadOnlyList<LoadWorker> workers, double rate,
        TimeSpan duration, CpuMeter cpu)
    {
        foreach (var worker in workers)
            worker.BeginPhase();
        var due = Channel.CreateUnbounded<long>(new UnboundedChannelOptions
        {
            SingleWriter = true,
            // the scheduler thread itself starts the send: no thread-pool hop between "due" and "sent"
            AllowSynchronousContinuations = true,
        });
        var total = (long)(rate * duration.TotalSeconds);
        var before = cpu.Take();
        var start = Stopwatch.GetTimestamp() + Stopwatch.Frequency / 100;
        var senders = workers.Select(worker => Task.Run(async () =>
        {
            await foreach (var scheduled in due.Reader.ReadAllAsync())
                await worker.SendAsync(scheduled);
        })).ToArray();
        var ticksPerRequest = Stopwatch.Frequency / rate;
        var scheduler = new Thread(() =>
        {
            long issued = 0;
            while (issued < total)
            {
                var now = Stopwatch.GetTimestamp();
                while (issued < total)
                {
                    var at = start + (long)(issued * ticksPerRequest);
                    if (at > now)
                        break;
                    due.Writer.TryWrite(at);
                    issued++;
                }
                if (issued < total)
                    Thread.Sleep(1);
            }
            due.Writer.Complete();
        })
        { IsBackground = true, Priority = ThreadPriority.AboveNormal, Name = "open-loop scheduler" };
        scheduler.Start();
        await Task.WhenAll(senders);
        var elapsed = Stopwatch.GetElapsedTime(start);
        return Collect(name, workers.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), workers, elapsed,
            openLoop: true, cpu.Since(before));
    }

    private static PhaseResult Collect(string name, string connections, IReadOnlyList<LoadWorker> workers, TimeSpan elapsed,
        bool openLoop, CpuUse cpu)
    {
        var latencies = Sorted(workers.SelectMany(w => w.Latencies));
        var service = openLoop ? Sorted(workers.SelectMany(w => w.ServiceTimes)) : null;
        var created = workers.Sum(w => w.Created);
        var errors = workers.Sum(w => w.Errors);
        string? summary = null;
        if (errors > 0)
        {
            var kinds = workers.SelectMany(w => w.ErrorKinds).GroupBy(k => k.Key)
                .Select(g => $"{g.Key} x{g.Sum(k => k.Value)}");
            summary = $"{string.Join(", ", kinds)}; first: {workers.Select(w => w.FirstError).First(e => e is not null)}";
        }
        return new PhaseResult(name, connections, latencies.Length, created, errors, elapsed, latencies, service, summary,
            cpu with { Requests = latencies.Length });
    }

    private static double[] Sorted(IEnumerable<long> ticks)
    {
        var ms = ticks.Select(t => t * 1000.0 / Stopwatch.Frequency).ToArray();
        Array.Sort(ms);
        return ms;
    }
}
