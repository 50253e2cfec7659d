namespace Requests.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The reporting service as a real process, run from its own build output (as routing: two web apps in one output
/// folder would overwrite each other's appsettings.json).
/// </summary>
public static class ReportingProcess
{
    /// <summary>
    /// Starts reporting on <paramref name="databaseFile"/>; <paramref name="auth"/> says where it finds routing's public
    /// key (<see cref="RoutingProcess.Authority"/>, <see cref="RoutingProcess.CreateSigningKey"/>). Ready means migrated
    /// and its queues bound on the broker.
    /// </summary>
    public static Task<ServiceProcess> StartAsync(string databaseFile, Broker broker, IReadOnlyDictionary<string, string> auth)
    {
        var environment = new Dictionary<string, string>(Broker.Settings(broker))
        {
            ["ConnectionStrings__Database"] = $"Data Source={databaseFile}",
        };
        foreach (var (key, value) in auth)
            environment[key] = value;
        return ServiceProcess.StartAsync("reporting", ServiceProcess.BuildOf("Requests.Reporting"), databaseFile, environment);
    }
}
