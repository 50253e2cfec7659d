namespace Requests.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The routing service as a real process, run from its own build output (this project does not reference it:
/// two web apps in one output folder would overwrite each other's appsettings.json).
/// </summary>
public static class RoutingProcess
{
    // ready means migrated, seeded, and its queue bound on the broker
    public static Task<ServiceProcess> StartAsync(string databaseFile, Broker broker) =>
        ServiceProcess.StartAsync("routing", FindBuild(), databaseFile,
            new Dictionary<string, string>(Broker.Settings(broker)) { ["ConnectionStrings__Database"] = $"Data Source={databaseFile}" });

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
}
