using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Requests.Staff.Benchmarks;

/// <summary>A service under test, in a process of its own (output to a log file), stopped with SIGTERM.</summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private ServerProcess(Process process, Uri address, string log)
    {
        Process = process;
        Address = address;
        Log = log;
    }

    public Process Process { get; }
    public Uri Address { get; }
    public string Log { get; }

    /// <summary>A web app's Release build, services/{project}/bin/{configuration}/net10.0, beside this program's output.</summary>
    public static string BuildOf(string project)
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var root = output.Parent!.Parent!.Parent!.Parent!.Parent!.FullName;
        var dll = Path.Combine(root, "services", project, "bin", output.Parent.Name, output.Name, project + ".dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"{project}'s build is missing: {dll}", dll);
    }

    /// <summary>Starts <c>dotnet <paramref name="dll"/></c> on a free port and waits until <c>/health/ready</c> answers 200.</summary>
    public static async Task<ServerProcess> StartAsync(string dll, IDictionary<string, string> environment, string log)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("/bin/sh") { WorkingDirectory = Path.GetDirectoryName(dll)!, UseShellExecute = false };
        // exec: the pid we hold is the server itself, and its output goes to a file, not through this process
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"exec dotnet '{dll}' > '{log}' 2>&1");
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        foreach (var (key, value) in environment)
            start.Environment[key] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {dll}.");
        var server = new ServerProcess(process, new Uri($"http://127.0.0.1:{port}"), log);
        try
        {
            await server.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
        return server;
    }

    private async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (Process.HasExited)
                throw new InvalidOperationException($"The server exited with code {Process.ExitCode}; see {Log}:\n{Tail()}");
            try
            {
                using var response = await http.GetAsync(new Uri("/health/ready", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                    return;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"The server did not answer /health/ready within {timeout.TotalSeconds} s; see {Log}:\n{Tail()}");
    }

    public string Tail() => File.Exists(Log) ? string.Join('\n', File.ReadLines(Log).TakeLast(30)) : "(no log)";

    /// <summary>The CPU time the server has used so far.</summary>
    public TimeSpan Cpu()
    {
        Process.Refresh();
        return Process.HasExited ? TimeSpan.Zero : Process.TotalProcessorTime;
    }

    public async ValueTask DisposeAsync()
    {
        if (!Process.HasExited)
        {
            using (var kill = Process.Start("kill", ["-TERM", Process.Id.ToString(CultureInfo.InvariantCulture)]))
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
        Process.Dispose();
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
