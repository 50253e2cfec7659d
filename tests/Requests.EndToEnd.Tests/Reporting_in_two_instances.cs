using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MassTransit;
using Npgsql;
using Requests.Contracts.Routing;
using Requests.EndToEnd.Tests.Infrastructure;
using Requests.ServiceDefaults.Auth;
using Requests.Testing;

namespace Requests.EndToEnd.Tests;

/// <summary>
/// Two reporting processes on one PostgreSQL database, competing for the messages of the same queues on a real
/// RabbitMQ, each keeping its own years in memory: after the same events they answer the same report, byte for byte,
/// also when the events arrived while both were answering reports.
/// </summary>
public sealed class Reporting_in_two_instances : IAsyncLifetime
{
    private const string AsOf = "2026-03-01";

    private static string Server => Environment.GetEnvironmentVariable("REQUESTS_POSTGRES") ?? "Host=127.0.0.1;Port=5442;Username=postgres";

    private readonly string _database = $"reporting_e2e_{Guid.NewGuid():N}";
    private readonly string _folder = Directory.CreateTempSubdirectory("requests-reporting-").FullName;
    private readonly TestSigningKey _key = new();
    private Broker _broker = null!;
    private IBusControl _routing = null!;
    private int _published;

    public async Task InitializeAsync()
    {
        _broker = await Broker.CreateVirtualHostAsync();
        // stands for routing: publishes its events with confirms
        _routing = Bus.Factory.CreateUsingRabbitMq(cfg =>
            cfg.Host(Broker.Host, Broker.Port, _broker.VirtualHost, h =>
            {
                h.Username("guest");
                h.Password("guest");
                h.PublisherConfirmation = true;
            }));
        await _routing.StartAsync(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);
    }

    [Fact]
    public async Task Give_the_same_figures_after_the_same_events_also_when_they_arrive_during_reports()
    {
        await using var first = await StartAsync("reporting-1");
        await using var second = await StartAsync("reporting-2"); // after the first: one of them migrates the database
        using var one = Ministry(first);
        using var two = Ministry(second);
        Assert.Equal(2, await ConsumersAsync("record-move"));

        await PublishAsync(new BodyDirectoryPublished(1, [
            new DirectoryBody("MEF", "Ministère de l'Économie et des Finances", "وزارة الاقتصاد والمالية", "ministry", "Rabat-Salé-Kénitra", null),
            new DirectoryBody("ONEE", "Office national de l'électricité et de l'eau potable", "المكتب الوطني للكهرباء والماء الصالح للشرب", "public-establishment", "Casablanca-Settat", null),
        ], DateTimeOffset.UtcNow));
        await WaitUntilHandledAsync();

        // reports of both years on both instances from now on, while each case is received and assigned (100 in 2025,
        // 20 in January 2026)
        var cases = Enumerable.Range(0, 120).Select(i => new Case(i)).ToList();
        using var stop = new CancellationTokenSource();
        var reading = new[] { one, two }.SelectMany(client => new[] { 2025, 2026 }.Select(year => ReadWhileAsync(client, year, stop.Token))).ToList();
        foreach (var c in cases)
        {
            await PublishAsync(c.Opened(c.ReceivedOn));
            await PublishAsync(c.Assigned());
        }
        await WaitUntilHandledAsync();
        await AssertSameAsync(one, two, received2025: 100, received2026: 20);

        // then, while both still answer reports: answers, extensions, closings, routing's calendar corrected (1 April
        // a working day: only one instance takes the message) and ten receipts moved from January back to December
        await PublishAsync(new CalendarPublished(2, [new CalendarCorrection(1, new DateOnly(2025, 4, 1), new DateOnly(2025, 4, 5), true,
            "observed", DateTimeOffset.UtcNow)], DateTimeOffset.UtcNow));
        foreach (var c in cases)
        {
            if (c.Number % 3 == 0)
                await PublishAsync(c.Moved("extend", "extended", c.ReceivedOn.AddDays(20)));
            if (c.Number % 3 != 2)
                await PublishAsync(c.Moved("answer", "answered", c.ReceivedOn.AddDays(5 + c.Number % 40), "granted"));
            else if (c.Number % 2 == 0)
                await PublishAsync(c.Moved("close", "closed", c.ReceivedOn.AddDays(3)));
            if (c.Number >= 110)
                await PublishAsync(c.Opened(new DateOnly(2025, 12, 31)));
        }
        await WaitUntilHandledAsync();
        await stop.CancelAsync();
        Assert.All(await Task.WhenAll(reading), n => Assert.True(n > 0));

        await AssertSameAsync(one, two, received2025: 110, received2026: 10);
    }

    /// <summary>The synthesis of each year and MEF's report from both instances: the same bytes, the expected counts.</summary>
    private static async Task AssertSameAsync(HttpClient one, HttpClient two, int received2025, int received2026)
    {
        foreach (var path in new[] { $"/api/reports/2025/synthesis?asOf={AsOf}", $"/api/reports/2026/synthesis?asOf={AsOf}",
                     $"/api/reports/2025/bodies/MEF?asOf={AsOf}", $"/api/reports/2025/synthesis?asOf=2025-12-31" })
        {
            // each instance twice: the second from memory
            var first = await GetAsync(one, path);
            var second = await GetAsync(two, path);
            Assert.Equal(first, await GetAsync(one, path));
            Assert.True(first == second, $"{path}:\n{first}\n{second}");
            Assert.Equal(second, await GetAsync(two, path));
        }
        Assert.Equal(received2025, await ReceivedAsync(one, 2025));
        Assert.Equal(received2026, await ReceivedAsync(two, 2026));
    }

    private static async Task<long> ReceivedAsync(HttpClient client, int year) =>
        JsonDocument.Parse(await GetAsync(client, $"/api/reports/{year}/synthesis?asOf={AsOf}")).RootElement
            .GetProperty("national").GetProperty("received").GetInt64();

    private static async Task<string> GetAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        var body = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {body}");
        return body;
    }

    /// <summary>Reports of <paramref name="year"/> one after the other until stopped; how many were answered.</summary>
    private static async Task<int> ReadWhileAsync(HttpClient client, int year, CancellationToken stop)
    {
        var count = 0;
        while (!stop.IsCancellationRequested)
        {
            await GetAsync(client, count % 2 == 0 ? $"/api/reports/{year}/synthesis?asOf={AsOf}" : $"/api/reports/{year}/bodies/ONEE?asOf={AsOf}");
            count++;
        }
        return count;
    }

    private async Task<ServiceProcess> StartAsync(string name)
    {
        var environment = new Dictionary<string, string>(Broker.Settings(_broker))
        {
            ["Database__Provider"] = "postgres",
            ["ConnectionStrings__Database"] = $"{Server};Database={_database}",
            ["Auth__PublicKeyFile"] = _key.WritePublicKey(Path.Combine(_folder, "staff-key.pem")),
        };
        return await ServiceProcess.StartAsync(name, ServiceProcess.BuildOf("Requests.Reporting"), environment["ConnectionStrings__Database"], environment);
    }

    private HttpClient Ministry(ServiceProcess reporting)
    {
        var client = new HttpClient { BaseAddress = reporting.Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            _key.StaffToken(StaffRoles.Ministry, [], DateTimeOffset.UtcNow));
        return client;
    }

    private async Task PublishAsync<T>(T message) where T : class
    {
        await _routing.Publish(message);
        _published++;
    }

    /// <summary>Until every message published is in the inbox (each message type has one consumer in reporting).</summary>
    private async Task WaitUntilHandledAsync()
    {
        await using var connection = new NpgsqlConnection($"{Server};Database={_database}");
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT COUNT(*) FROM inbox_messages", connection);
        var deadline = DateTime.UtcNow.AddSeconds(90);
        long handled;
        while ((handled = (long)(await count.ExecuteScalarAsync())!) < _published)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{handled} of {_published} messages handled");
            await Task.Delay(200);
        }
    }

    private async Task<int> ConsumersAsync(string queue)
    {
        using var api = new HttpClient { BaseAddress = new Uri(Broker.Management) };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.ASCII.GetBytes("guest:guest")));
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var info = await api.GetFromJsonAsync<JsonElement>($"/api/queues/{Uri.EscapeDataString(_broker.VirtualHost)}/{queue}");
            var consumers = info.TryGetProperty("consumers", out var n) ? n.GetInt32() : 0;
            if (consumers >= 2 || DateTime.UtcNow > deadline)
                return consumers;
            await Task.Delay(500);
        }
    }

    /// <summary>One case's events as routing publishes them: MEF's or ONEE's, received in 2025 or January 2026.</summary>
    private sealed class Case(int number)
    {
        private int _sequence;

        public int Number { get; } = number;
        public Guid Id { get; } = Guid.NewGuid();
        public string Body => Number % 2 == 0 ? "MEF" : "ONEE";
        public string Regime => Number % 5 == 0 ? "complaint" : "information";
        public DateOnly ReceivedOn => Number < 100 ? new DateOnly(2025, 1, 2).AddDays(Number * 3) : new DateOnly(2026, 1, 2).AddDays(Number - 100);
        public DateOnly DueOn => ReceivedOn.AddDays(30);
        private string Tracking => $"DAI-{ReceivedOn.Year}-{Number + 1:000000}";

        public CasesOpened Opened(DateOnly receivedOn) => new([Opening(receivedOn)]);

        public CasesOpened Assigned() => new([Opening(ReceivedOn) with { OfficerId = $"{Body}-O1", AssignedAt = At(ReceivedOn) }]);

        private CaseOpened Opening(DateOnly receivedOn) => new(Id, Tracking, Regime, Regime == "complaint" ? "complaint" : "request", Body,
            Number % 4 == 0 ? "email" : "portal", Regime == "complaint" ? "water" : null, Number % 7 == 0, At(receivedOn), receivedOn, receivedOn.AddDays(30));

        public CaseMoved Moved(string trigger, string toStatus, DateOnly on, string? outcome = null) =>
            new(Id, Tracking, _sequence += 2, Regime, Regime == "complaint" ? "complaint" : "request", Body, trigger, "accepted", toStatus,
                At(on), on, "officer", "officer", $"{Body}-O1", trigger == "extend" ? DueOn.AddDays(30) : DueOn, null, outcome, null);

        private static DateTimeOffset At(DateOnly day) => new(day.ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(1));
    }

    public async Task DisposeAsync()
    {
        await _routing.StopAsync();
        await _broker.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection($"{Server};Database=postgres");
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // the processes may still hold their files for a moment; the temp folder is cleaned eventually
        }
    }
}
