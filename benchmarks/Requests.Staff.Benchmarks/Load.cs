using System.Diagnostics;
using System.Net;

namespace Requests.Staff.Benchmarks;

/// <summary>What one measurement came to: latencies of the 2xx answers, in milliseconds, and the other answers apart.</summary>
internal sealed record Figures(string Name, int Clients, TimeSpan Elapsed, double[] Ms, int Errors, string? FirstError,
    double? RoutingCpuMs, double? StaffCpuMs)
{
    public int Requests => Ms.Length + Errors;
    public double PerSecond => Requests / Elapsed.TotalSeconds;
    public double? P(double percentile) => Ms.Length == 0 ? null : Ms[Math.Clamp((int)Math.Ceiling(percentile / 100 * Ms.Length) - 1, 0, Ms.Length - 1)];

    /// <summary>The target: every answer a success and p95 under 100 ms.</summary>
    public bool Met => Errors == 0 && Ms.Length > 0 && P(95) < 100;
}

/// <summary>
/// A closed loop: each client (its own connection, its own session) sends the next request as soon as the answer to
/// the last one is read in full (or after a pause, when a think time is given). Redirects are not followed: a redirect to the sign-in page is an error, like a 404.
/// </summary>
internal static class Load
{
    public static HttpClient Client(Uri address, CookieContainer? cookies = null) =>
        new(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = cookies is not null,
            CookieContainer = cookies ?? new CookieContainer(),
            MaxConnectionsPerServer = 1,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        })
        { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };

    public static async Task<Figures> RunAsync(string name, IReadOnlyList<HttpClient> clients, string path, TimeSpan duration,
        TimeSpan think, ServerProcess routing, ServerProcess? staff)
    {
        var routingCpu = routing.Cpu();
        var staffCpu = staff?.Cpu();
        var clock = Stopwatch.StartNew();
        var runs = await Task.WhenAll(clients.Select(c => Task.Run(() => LoopAsync(c, path, clock, duration, think))));
        var elapsed = clock.Elapsed;
        var ms = runs.SelectMany(r => r.Ms).Order().ToArray();
        var errors = runs.Sum(r => r.Errors);
        var requests = Math.Max(1, ms.Length + errors);
        return new Figures(name, clients.Count, elapsed, ms, errors, runs.Select(r => r.FirstError).FirstOrDefault(e => e is not null),
            (routing.Cpu() - routingCpu).TotalMilliseconds / requests, staff is null ? null : (staff.Cpu() - staffCpu!.Value).TotalMilliseconds / requests);
    }

    private static async Task<(List<double> Ms, int Errors, string? FirstError)> LoopAsync(HttpClient client, string path,
        Stopwatch clock, TimeSpan duration, TimeSpan think)
    {
        var ms = new List<double>(4096);
        var errors = 0;
        string? firstError = null;
        var uri = new Uri(path, UriKind.Relative);
        while (clock.Elapsed < duration)
        {
            // a person reads the page before the next: from none to twice the think time (its mean), so that the
            // clients do not all send at the same instant
            if (think > TimeSpan.Zero)
                await Task.Delay(think * 2 * Random.Shared.NextDouble());
            var start = Stopwatch.GetTimestamp();
            try
            {
                using var response = await client.GetAsync(uri, HttpCompletionOption.ResponseContentRead);
                var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                if (response.IsSuccessStatusCode)
                {
                    ms.Add(elapsed);
                    continue;
                }
                errors++;
                firstError ??= $"{(int)response.StatusCode} {response.ReasonPhrase}{(response.Headers.Location is { } to ? $" -> {to}" : "")}";
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                errors++;
                firstError ??= ex.Message;
            }
        }
        return (ms, errors, firstError);
    }
}
