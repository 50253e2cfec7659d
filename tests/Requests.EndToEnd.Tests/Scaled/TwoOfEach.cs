using Npgsql;
using Requests.EndToEnd.Tests.Infrastructure;

namespace Requests.EndToEnd.Tests.Scaled;

/// <summary>The tests of several instances share one running system; they run one class at a time.</summary>
[CollectionDefinition(Name)]
public sealed class SharedInstances : ICollectionFixture<TwoOfEach>
{
    public const string Name = "two instances of each service";
}

/// <summary>
/// Two instances each of routing, intake and the staff workspace as separate processes, as on two machines: each
/// instance has a home folder of its own (where per-machine keys would go), and the settings name the keys they share
/// (routing's signing key, intake's access-code key and key ring, the workspace's key ring). Each service's pair works
/// on one PostgreSQL database and competes for its queues, quorum queues on the three-node RabbitMQ cluster of
/// <c>infra/rabbitmq-cluster.sh</c>. Routing's deadline jobs run on both instances.
/// </summary>
public sealed class TwoOfEach : IAsyncLifetime
{
    public static string Server => Environment.GetEnvironmentVariable("REQUESTS_POSTGRES") ?? "Host=127.0.0.1;Port=5442;Username=postgres";

    private readonly string _suffix = Guid.NewGuid().ToString("N")[..12];
    private readonly string _folder = Directory.CreateTempSubdirectory("requests-scaled-").FullName;

    public BrokerCluster Broker { get; private set; } = null!;
    public ServiceProcess RoutingA { get; private set; } = null!;
    public ServiceProcess RoutingB { get; private set; } = null!;
    public ServiceProcess IntakeA { get; private set; } = null!;
    public ServiceProcess IntakeB { get; private set; } = null!;
    public ServiceProcess StaffA { get; private set; } = null!;
    public ServiceProcess StaffB { get; private set; } = null!;

    public string RoutingDatabase => $"{Server};Database=routing_{_suffix}";
    public string IntakeDatabase => $"{Server};Database=intake_{_suffix}";

    public async Task InitializeAsync()
    {
        Broker = await BrokerCluster.CreateVirtualHostAsync();
        var keys = Directory.CreateDirectory(Path.Combine(_folder, "shared")).FullName;
        Dictionary<string, string> Machine(string name, params (string Key, string Value)[] settings)
        {
            var home = Directory.CreateDirectory(Path.Combine(_folder, name)).FullName;
            var all = Broker.Settings();
            foreach (var (key, value) in settings)
                all[key] = value;
            all["HOME"] = home;
            return all;
        }
        Dictionary<string, string> Routing(string name) => Machine(name,
            ("Auth__SigningKeyFile", Path.Combine(keys, "routing-signing-key.pem")),
            // the test stands for the proxy in front, which says who the client is
            ("ForwardedHeaders__KnownProxies__0", "127.0.0.1"),
            // every notice its own e-mail, none held to be grouped, so that each is counted as itself
            ("Notifications__GroupLimit", "0"));
        Dictionary<string, string> Intake(string name, ServiceProcess routing) => Machine(name,
            ("Auth__Authority", routing.Address.ToString()),
            ("Intake__AccessCodeKeyFile", Path.Combine(keys, "intake-access-code.key")),
            ("DataProtection__KeysPath", Path.Combine(keys, "intake-keys")));
        Dictionary<string, string> Staff(string name) => Machine(name,
            ("DataProtection__KeysPath", Path.Combine(keys, "staff-keys")),
            ("Staff__SecureCookies", "false"));

        // the first of each creates its database and schema, the second joins it
        RoutingA = await RoutingProcess.StartAsync(RoutingDatabase, null, Routing("routing-a"));
        var routingB = RoutingProcess.StartAsync(RoutingDatabase, null, Routing("routing-b"));
        IntakeA = await IntakeProcess.StartAsync(IntakeDatabase, null, settings: Intake("intake-a", RoutingA));
        RoutingB = await routingB;
        IntakeB = await IntakeProcess.StartAsync(IntakeDatabase, null, settings: Intake("intake-b", RoutingB));
        var staffA = StaffProcess.StartAsync(RoutingA, IntakeA, settings: Staff("staff-a"));
        StaffB = await StaffProcess.StartAsync(RoutingB, IntakeB, settings: Staff("staff-b"));
        StaffA = await staffA;
    }

    public IReadOnlyList<ServiceProcess> Intakes => [IntakeA, IntakeB];

    public IReadOnlyList<ServiceProcess> Routings => [RoutingA, RoutingB];

    /// <summary>The logs of every instance, for a failure's message.</summary>
    public string Logs => string.Join("\n", new[] { RoutingA, RoutingB, IntakeA, IntakeB }.Select(s => s.Log));

    /// <summary>Runs <paramref name="sql"/> on routing's or intake's database and returns its single value.</summary>
    public static async Task<T> ScalarAsync<T>(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The rows of <paramref name="sql"/>, each as its columns.</summary>
    public static async Task<List<object[]>> RowsAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<object[]>();
        while (await reader.ReadAsync())
        {
            var row = new object[reader.FieldCount];
            reader.GetValues(row);
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>Waits until <paramref name="sql"/> on <paramref name="database"/> returns <paramref name="expected"/>, for 60 s at most.</summary>
    public async Task WaitForAsync(string database, string sql, long expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        long value;
        while ((value = await ScalarAsync<long>(database, sql)) != expected)
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"{sql}: {value}, not {expected}, after 60 s.\n{Logs}");
            await Task.Delay(250);
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var service in new[] { StaffA, StaffB, IntakeA, IntakeB, RoutingA, RoutingB })
            if (service is not null)
                await service.DisposeAsync();
        if (Broker is not null)
            await Broker.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection($"{Server};Database=postgres");
        await connection.OpenAsync();
        foreach (var database in new[] { $"routing_{_suffix}", $"intake_{_suffix}" })
        {
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
        Directory.Delete(_folder, recursive: true);
    }
}
