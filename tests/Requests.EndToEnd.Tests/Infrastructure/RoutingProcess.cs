using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Requests.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The routing service as a real process, run from its own build output (this project does not reference it:
/// two web apps in one output folder would overwrite each other's appsettings.json).
/// </summary>
public sealed class RoutingProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    public Uri Address { get; }
    public string DatabaseFile { get; }
    public string Log { get { lock (_log) return _log.ToString(); } }

    private RoutingProcess(Process process, Uri address, string databaseFile)
    {
        _process = process;
        Address = address;
        DatabaseFile = databaseFile;
    }

    public static async Task<RoutingProcess> StartAsync(string databaseFile, Broker broker)
    {
        var dll = FindBuild();
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", $"\"{dll}\"")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            Environment =
            {
                ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
                ["ConnectionStrings__Database"] = $"Data Source={databaseFile}",
                ["RabbitMq__Host"] = Broker.Host,
                ["RabbitMq__Port"] = Broker.Port.ToString(CultureInfo.InvariantCulture),
                ["RabbitMq__VirtualHost"] = broker.VirtualHost,
                ["RabbitMq__ManagementUrl"] = Broker.Management,
            },
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the routing service.");
        var routing = new RoutingProcess(process, new Uri($"http://127.0.0.1:{port}"), databaseFile);
        process.OutputDataReceived += (_, e) => routing.Append(e.Data);
        process.ErrorDataReceived += (_, e) => routing.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            // ready means migrated, seeded, and its queue bound on the broker
            await routing.WaitUntilReadyAsync();
        }
        catch
        {
            await routing.DisposeAsync();
            throw;
        }
        return routing;
    }

    /// <summary>services/Requests.Routing/bin/{configuration}/net10.0, beside this project's own output.</summary>
    private static string FindBuild()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = output.Parent!.Name;
        var root = output.Parent.Parent!.Parent!.Parent!.Parent!.FullName;
        var dll = Path.Combine(root, "services", "Requests.Routing", "bin", configuration, output.Name, "Requests.Routing.dll");
        return File.Exists(dll)
            ? dll
            : throw new FileNotFoundException($"Build the solution first (./test.sh does): {dll} is missing.", dll);
    }

    private async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"The routing service exited with code {_process.ExitCode}:\n{Log}");
            try
            {
                if ((await http.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK)
                    return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(200);
        }
        throw new TimeoutException($"The routing service was not ready within 60 s:\n{Log}");
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
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }
}
