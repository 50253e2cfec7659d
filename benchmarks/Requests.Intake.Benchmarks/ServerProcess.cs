using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Requests.Intake.Benchmarks;

/// <summary>A server under test, in a process of its own (output to a log file), stopped with SIGTERM.</summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    public const string InlineCompletions = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";

    private ServerProcess(Process process, IPEndPoint endPoint, string log)
    {
        Process = process;
        EndPoint = endPoint;
        Log = log;
    }

    public Process Process { get; }
    public IPEndPoint EndPoint { get; }
    public string Log { get; }
    public string Host => $"127.0.0.1:{EndPoint.Port}";

    /// <summary>Starts <c>dotnet <paramref name="dll"/></c> and waits until <paramref name="readyPath"/> answers 200.</summary>
    public static async Task<ServerProcess> StartAsync(string dll, string arguments, IDictionary<string, string> environment,
        string log, string readyPath, TimeSpan timeout)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("/bin/sh")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            UseShellExecute = false,
        };
        // exec: the pid we hold is the server itself, and its output goes to a file, not through this process
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"exec dotnet '{dll}' {arguments} > '{log}' 2>&1");
        start.Environment.Remove(InlineCompletions);
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        foreach (var (key, value) in environment)
            start.Environment[key] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {dll}.");
        var server = new ServerProcess(process, new IPEndPoint(IPAddress.Loopback, port), log);
        try
        {
            await server.WaitUntilReadyAsync(readyPath, timeout);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
        return server;
    }

    private async Task WaitUntilReadyAsync(string path, TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://{Host}"), Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (Process.HasExited)
                throw new InvalidOperationException($"The server exited with code {Process.ExitCode}; see {Log}:\n{Tail()}");
            try
            {
                using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
                if (response.IsSuccessStatusCode)
                    return;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"The server did not answer {path} within {timeout.TotalSeconds} s; see {Log}:\n{Tail()}");
    }

    public string Tail() => File.Exists(Log) ? string.Join('\n', File.ReadLines(Log).TakeLast(30)) : "(no log)";

    /// <summary>SIGTERM (a graceful stop, as a service manager would), then SIGKILL after a while.</summary>
    public async Task StopAsync()
    {
        if (Process.HasExited)
            return;
        using (var kill = Process.Start("kill", ["-TERM", Process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            await kill!.WaitForExitAsync();
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            await Process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            Process.Kill(entireProcessTree: true);
            await Process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
