using System.Security.Cryptography;

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
    /// Starts routing on <paramref name="database"/>, a SQLite file (its signing key beside it) or a PostgreSQL
    /// connection string (<c>Host=...</c>, the signing key in <paramref name="settings"/>), with an administrator
    /// account. Ready means migrated, seeded, and its queue bound on the broker (without <paramref name="broker"/>, the
    /// broker's settings are in <paramref name="settings"/>).
    /// </summary>
    public static Task<ServiceProcess> StartAsync(string database, Broker? broker,
        IReadOnlyDictionary<string, string>? settings = null)
    {
        var postgres = database.StartsWith("Host=", StringComparison.Ordinal);
        var environment = new Dictionary<string, string>(broker is null ? [] : Broker.Settings(broker))
        {
            ["Database__Provider"] = postgres ? "postgres" : "sqlite",
            ["ConnectionStrings__Database"] = postgres ? database : $"Data Source={database}",
            ["Routing__Admin__UserName"] = AdminUserName,
            ["Routing__Admin__Password"] = AdminPassword,
        };
        if (!postgres)
            environment["Auth__SigningKeyFile"] = SigningKeyFile(database);
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            environment[key] = value;
        return ServiceProcess.StartAsync("routing", ServiceProcess.BuildOf("Requests.Routing"), database, environment);
    }

    /// <summary>The settings that make another service check routing's tokens with the keys routing publishes.</summary>
    public static Dictionary<string, string> Authority(ServiceProcess routing) => new() { ["Auth__Authority"] = routing.Address.ToString() };

    /// <summary>
    /// Writes the signing key routing will use with <paramref name="databaseFile"/>, for a service that starts before
    /// routing: returns the settings that give that service the public key as a file.
    /// </summary>
    public static Dictionary<string, string> CreateSigningKey(string databaseFile)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        File.WriteAllText(SigningKeyFile(databaseFile), key.ExportPkcs8PrivateKeyPem());
        var publicKey = Path.ChangeExtension(SigningKeyFile(databaseFile), ".public.pem");
        File.WriteAllText(publicKey, key.ExportSubjectPublicKeyInfoPem());
        return new() { ["Auth__PublicKeyFile"] = publicKey };
    }

    private static string SigningKeyFile(string databaseFile) =>
        Path.Combine(Path.GetDirectoryName(databaseFile)!, "routing-signing-key.pem");
}
