using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Requests.Harness;

/// <summary>
/// A service as a Release process of its own on a fixed loopback port, its output appended to a log file; it can be
/// killed with SIGKILL and started again on the same port and database.
/// </summary>
internal sealed class Service(string name, string dll, int port, IReadOnlyDictionary<string, string> environment, string log)
{
    // a service on a loaded machine (two cores shared with the load and the other services) may take minutes to start
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(300);

    private Process? _process;

    public string Name { get; } = name;
    public Uri Address { get; } = new($"http://127.0.0.1:{port}");
    public int Pid => _process?.Id ?? 0;
    public bool Running => _process is { HasExited: false };

    /// <summary>A web app's build, services/{project}/bin/{configuration}/net10.0, beside this program's output.</summary>
    public static string BuildOf(string project)
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var root = output.Parent!.Parent!.Parent!.Parent!.Parent!.FullName;
        var dll = Path.Combine(root, "services", project, "bin", output.Parent.Name, output.Name, project + ".dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"{project}'s build is missing: {dll}", dll);
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Starts the process and waits until <c>/health/ready</c> answers 200.</summary>
    public async Task StartAsync()
    {
        var start = new ProcessStartInfo("/bin/sh") { WorkingDirectory = Path.GetDirectoryName(dll)!, UseShellExecute = false };
        // exec: the pid held is the service itself, which kill -9 then reaches
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"exec dotnet '{dll}' >> '{log}' 2>&1");
        start.Environment["ASPNETCORE_URLS"] = Address.ToString();
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in environment)
            start.Environment[key] = value;
        _process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {Name}.");
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < StartTimeout)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"{Name} exited with code {_process.ExitCode}:\n{Tail()}");
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
        throw new TimeoutException($"{Name} did not answer /health/ready within {StartTimeout.TotalSeconds:0} s:\n{Tail()}");
    }

    /// <summary><c>kill -9</c>: no shutdown, no flush, as a power cut.</summary>
    public async Task KillAsync()
    {
        if (_process is not { HasExited: false } process)
            return;
        process.Kill();
        await process.WaitForExitAsync();
    }

    /// <summary>SIGTERM, then SIGKILL after 20 s.</summary>
    public async Task StopAsync()
    {
        if (_process is not { HasExited: false } process)
            return;
        using (var term = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]))
            await term!.WaitForExitAsync();
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            await process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
    }

    public string Tail() => File.Exists(log) ? string.Join('\n', File.ReadLines(log).TakeLast(30)) : "(no log)";
}
