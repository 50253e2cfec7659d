using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Requests.EndToEnd.Tests.Infrastructure;

/// <summary>The intake service as a real process of its own, which a test can kill abruptly (SIGKILL).</summary>
public sealed class IntakeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    public Uri Address { get; }
    public string Log { get { lock (_log) return _log.ToString(); } }

    private IntakeProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    /// <param name="database">A SQLite file, or a PostgreSQL connection string (<c>Host=...</c>).</param>
    public static async Task<IntakeProcess> StartAsync(string database, Broker broker, bool relay = true,
        ushort? brokerPort = null, bool waitUntilReady = true)
    {
        var postgres = database.StartsWith("Host=", StringComparison.Ordinal);
        var port = FreePort();
        var dll = Path.Combine(AppContext.BaseDirectory, "Requests.Intake.dll");
        var start = new ProcessStartInfo("dotnet", $"\"{dll}\"")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            Environment =
            {
                ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
                ["Database__Provider"] = postgres ? "postgres" : "sqlite",
                ["ConnectionStrings__Database"] = postgres ? database : $"Data Source={database}",
                ["RabbitMq__Host"] = Broker.Host,
                ["RabbitMq__Port"] = (brokerPort ?? Broker.Port).ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["RabbitMq__VirtualHost"] = broker.VirtualHost,
                ["RabbitMq__ManagementUrl"] = Broker.Management,
                ["Outbox__Enabled"] = relay ? "true" : "false",
                ["Intake__RateLimits__SubmissionsPerMinute"] = "1000000",
            },
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the intake service.");
        var intake = new IntakeProcess(process, new Uri($"http://127.0.0.1:{port}"));
        process.OutputDataReceived += (_, e) => intake.Append(e.Data);
        process.ErrorDataReceived += (_, e) => intake.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await intake.WaitUntilAnsweringAsync(waitUntilReady ? "/health/ready" : "/health/live");
        }
        catch
        {
            await intake.DisposeAsync();
            throw;
        }
        return intake;
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
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"The intake service exited with code {_process.ExitCode}:\n{Log}");
            try
            {
                if ((await http.GetAsync(path)).StatusCode == HttpStatusCode.OK)
                    return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(200);
        }
        throw new TimeoutException($"The intake service did not answer {path} within 60 s:\n{Log}");
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
