namespace Requests.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The routing service as a real process, run from its own build output (this project does not reference it:
/// two web apps in one output folder would overwrite each other's appsettings.json).
/// </summary>
public static class RoutingProcess
{
    public const string AdminUserName = "admin";
    public const string AdminPassword = "an administrator's long passphrase";

    /// <summary>
    /// Starts routing on <paramref name="databaseFile"/>, with an administrator account and the Data Protection key
    /// ring in <paramref name="keysFolder"/> (give intake the same folder and it accepts routing's tokens).
    /// Ready means migrated, seeded, and its queue bound on the broker.
    /// </summary>
    public static Task<ServiceProcess> StartAsync(string databaseFile, Broker broker, string? keysFolder = null,
        IReadOnlyDictionary<string, string>? settings = null)
    {
        var environment = new Dictionary<string, string>(Broker.Settings(broker))
        {
            ["ConnectionStrings__Database"] = $"Data Source={databaseFile}",
            ["Routing__Admin__UserName"] = AdminUserName,
            ["Routing__Admin__Password"] = AdminPassword,
            ["DataProtection__KeysPath"] = keysFolder ?? Path.Combine(Path.GetDirectoryName(databaseFile)!, "keys"),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            environment[key] = value;
        return ServiceProcess.StartAsync("routing", FindBuild(), databaseFile, environment);
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
}
