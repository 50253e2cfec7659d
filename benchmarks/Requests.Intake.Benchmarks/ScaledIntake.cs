using Npgsql;

namespace Requests.Intake.Benchmarks;

/// <summary>
/// The scaled phase: intake's saturation (closed loop) with one instance on SQLite, directly and through the proxy of
/// <c>./run.sh --scaled</c> (tools/Requests.Proxy), then with one and with two instances on PostgreSQL (one fresh
/// database, as the scaled deployment shares it) through the proxy. The CPU per request counts every server process
/// of the configuration: the intakes and the proxy.
/// </summary>
internal static class ScaledIntake
{
    public static async Task<List<PhaseResult>> RunAsync(Options options, string data,
        Func<Dictionary<string, string>, Dictionary<string, string>> withSettings)
    {
        var results = new List<PhaseResult>();
        await using var vhost = options.Transport == "rabbitmq" ? await RabbitVirtualHost.CreateAsync() : null;
        if (vhost is not null)
            await vhost.BindSinkAsync("Requests.Contracts.Intake:SubmissionsStored");
        var keys = Directory.CreateDirectory(Path.Combine(data, "scaled-keys")).FullName;
        Dictionary<string, string> Settings(string provider, string database)
        {
            var settings = withSettings(new()
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Database__Provider"] = provider,
                ["ConnectionStrings__Database"] = database,
                ["RabbitMq__Transport"] = options.Transport,
                ["Intake__RateLimits__SubmissionsPerMinute"] = "100000000",
                ["Notifications__Enabled"] = "false",
                // the instances of one deployment share their keys
                ["DataProtection__KeysPath"] = keys,
                ["Intake__AccessCodeKeyFile"] = Path.Combine(keys, "intake-access-code.key"),
            });
            if (vhost is not null)
            {
                settings["RabbitMq__Host"] = RabbitVirtualHost.Host;
                settings["RabbitMq__Port"] = RabbitVirtualHost.Port;
                settings["RabbitMq__VirtualHost"] = vhost.Name;
            }
            return settings;
        }

        Console.WriteLine("\nScaled: intake on SQLite, directly and through the proxy");
        await using (var sqlite = await IntakeAsync(Settings("sqlite", $"Data Source={Path.Combine(data, "scaled.db")}"), data, "scaled-sqlite"))
        {
            results.Add(await SaturateAsync(options, "1 intake, SQLite, direct", sqlite, [sqlite]));
            await using var proxy = await ProxyAsync(data, [sqlite]);
            results.Add(await SaturateAsync(options, "1 intake, SQLite, through the proxy", proxy, [sqlite, proxy]));
        }

        var server = Environment.GetEnvironmentVariable("REQUESTS_POSTGRES")
            ?? throw new InvalidOperationException("REQUESTS_POSTGRES is not set: run through ./bench.sh, which starts PostgreSQL.");
        var name = $"bench_{Guid.NewGuid():N}";
        await ExecuteAsync(server, $"CREATE DATABASE {name}");
        try
        {
            var postgres = Settings("postgres", $"{server};Database={name}");
            Console.WriteLine("\nScaled: intake on PostgreSQL through the proxy, one instance, then two");
            await using var first = await IntakeAsync(postgres, data, "scaled-postgres-1");
            await using (var proxy = await ProxyAsync(data, [first]))
                results.Add(await SaturateAsync(options, "1 intake, PostgreSQL, through the proxy", proxy, [first, proxy]));
            await using var second = await IntakeAsync(postgres, data, "scaled-postgres-2");
            await using (var proxy = await ProxyAsync(data, [first, second]))
                results.Add(await SaturateAsync(options, "2 intakes, PostgreSQL, through the proxy", proxy, [first, second, proxy]));
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(server, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        }
        return results;
    }

    private static async Task<ServerProcess> IntakeAsync(Dictionary<string, string> settings, string data, string name)
    {
        var intake = await ServerProcess.StartAsync(Path.Combine(AppContext.BaseDirectory, "Requests.Intake.dll"), "", settings,
            Path.Combine(data, name + ".log"), "/health/ready", TimeSpan.FromSeconds(90));
        Console.WriteLine($"  {name}: pid {intake.Process.Id} on {intake.Host}");
        return intake;
    }

    private static async Task<ServerProcess> ProxyAsync(string data, IEnumerable<ServerProcess> intakes)
    {
        var proxy = await ServerProcess.StartAsync(ProxyDll(), "", new Dictionary<string, string>
        {
            ["Proxy__intake__Instances"] = string.Join(',', intakes.Select(i => $"http://{i.Host}")),
        }, Path.Combine(data, $"proxy-{Guid.NewGuid():N}.log"), "/health/ready", TimeSpan.FromSeconds(60));
        // the proxy's health checks see every instance before the load starts
        await Task.Delay(TimeSpan.FromSeconds(3));
        return proxy;
    }

    private static async Task<PhaseResult> SaturateAsync(Options options, string label, ServerProcess target, ServerProcess[] servers)
    {
        var workers = Enumerable.Range(0, options.Connections)
            .Select(_ => new LoadWorker(target.EndPoint, new FilingRequests(target.Host), collectTrackingNumbers: false))
            .ToList();
        try
        {
            await Task.WhenAll(workers.Select(w => w.ConnectAsync()));
            var cpu = new CpuMeter(() => servers[0].Process, () => servers.Skip(1).Select(s => s.Process));
            Console.WriteLine($"  {label}: warm-up {options.IntakeWarmup.TotalSeconds:0} s, saturation {options.Duration.TotalSeconds:0} s ...");
            await LoadGenerator.ClosedLoopAsync("warm-up", workers, options.IntakeWarmup, cpu);
            var result = await LoadGenerator.ClosedLoopAsync($"{label}, saturation", workers, options.Duration, cpu);
            Console.WriteLine($"    {result.PerSecond,10:N0} /s  errors {result.Errors}  (load average {LoadAverage()})");
            return result;
        }
        finally
        {
            foreach (var worker in workers)
                worker.Close();
        }
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg")[..14].Trim() : "?";

    private static string ProxyDll()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var root = output.Parent!.Parent!.Parent!.Parent!.Parent!.FullName;
        var dll = Path.Combine(root, "tools", "Requests.Proxy", "bin", output.Parent.Name, output.Name, "Requests.Proxy.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"The proxy's build is missing: {dll}", dll);
    }

    private static async Task ExecuteAsync(string server, string sql)
    {
        await using var connection = new NpgsqlConnection($"{server};Database=postgres;Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
