using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Requests.EndToEnd.Tests.Infrastructure;

/// <summary>A service as a real process of its own, on a free loopback port, which a test can kill abruptly.</summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _name;
    private readonly StringBuilder _log = new();

    public Uri Address { get; }

    /// <summary>The SQLite file or PostgreSQL connection string the service was given.</summary>
    public string Database { get; }

    public string Log { get { lock (_log) return _log.ToString(); } }

    private ServiceProcess(string name, Process process, Uri address, string database)
    {
        _name = name;
        _process = process;
        Address = address;
        Database = database;
    }

    /// <summary>Starts <paramref name="dll"/> and waits until <paramref name="readyPath"/> answers 200.</summary>
    public static async Task<ServiceProcess> StartAsync(string name, string dll, string database,
        IReadOnlyDictionary<string, string> environment, string readyPath = "/health/ready")
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", $"\"{dll}\"")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        // the test run's own SMTP server, never the default port another run may own
        if (Environment.GetEnvironmentVariable("REQUESTS_SMTP_PORT") is { Length: > 0 } smtpPort)
            start.Environment["Smtp__Port"] = smtpPort;
        foreach (var (key, value) in environment)
            start.Environment[key] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start the {name} service.");
        var service = new ServiceProcess(name, process, new Uri($"http://127.0.0.1:{port}"), database);
        process.OutputDataReceived += (_, e) => service.Append(e.Data);
        process.ErrorDataReceived += (_, e) => service.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await service.WaitUntilAnsweringAsync(readyPath);
        }
        catch
        {
            await service.DisposeAsync();
            throw;
        }
        return service;
    }

    /// <summary>
    /// A web app's own build output, services/{project}/bin/{configuration}/net10.0, beside this project's output (this
    /// project does not reference them: two web apps in one output folder would overwrite each other's appsettings.json).
    /// </summary>
    public static string BuildOf(string project)
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = output.Parent!.Name;
        var root = output.Parent.Parent!.Parent!.Parent!.Parent!.FullName;
        var dll = Path.Combine(root, "services", project, "bin", configuration, output.Name, project + ".dll");
        return File.Exists(dll)
            ? dll
            : throw new FileNotFoundException($"Build the solution first (./test.sh does): {dll} is missing.", dll);
    }

    /// <summary>Kills the process on the spot: no shutdown, no flushing, like a power cut for the service.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    private async Task WaitUntilAnsweringAsync(string path)
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(2) };
        // two minutes: on a shared machine under load, a service with its broker and database takes a while
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"The {_name} service exited with code {_process.ExitCode}:\n{Log}");
            try
            {
                if ((await http.GetAsync(path)).StatusCode == HttpStatusCode.OK)
                    return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(200);
        }
        throw new TimeoutException($"The {_name} service did not answer {path} within 120 s:\n{Log}");
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_log) _log.AppendLine(line);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }
}
