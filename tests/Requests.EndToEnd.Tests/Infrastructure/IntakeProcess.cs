namespace Requests.EndToEnd.Tests.Infrastructure;

/// <summary>The intake service as a real process, run from this project's output (it references intake).</summary>
public static class IntakeProcess
{
    /// <param name="database">A SQLite file, or a PostgreSQL connection string (<c>Host=...</c>).</param>
    /// <param name="routing">The routing service whose staff tokens intake then accepts.</param>
    /// <param name="reporting">The reporting service whose figures the public pages show.</param>
    public static Task<ServiceProcess> StartAsync(string database, Broker broker, bool relay = true,
        ushort? brokerPort = null, bool waitUntilReady = true, ServiceProcess? routing = null,
        IReadOnlyDictionary<string, string>? settings = null, ServiceProcess? reporting = null)
    {
        var postgres = database.StartsWith("Host=", StringComparison.Ordinal);
        var environment = new Dictionary<string, string>(Broker.Settings(broker, brokerPort))
        {
            ["Database__Provider"] = postgres ? "postgres" : "sqlite",
            ["ConnectionStrings__Database"] = postgres ? database : $"Data Source={database}",
            ["Outbox__Enabled"] = relay ? "true" : "false",
            ["Intake__RateLimits__SubmissionsPerMinute"] = "1000000",
        };
        if (reporting is not null)
            environment["Services__Reporting"] = reporting.Address.ToString();
        foreach (var (key, value) in (routing is null ? [] : RoutingProcess.Authority(routing)).Concat(settings ?? new Dictionary<string, string>()))
            environment[key] = value;
        return ServiceProcess.StartAsync("intake", Path.Combine(AppContext.BaseDirectory, "Requests.Intake.dll"),
            database, environment, waitUntilReady ? "/health/ready" : "/health/live");
    }
}
