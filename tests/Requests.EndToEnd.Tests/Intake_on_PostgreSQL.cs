using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Requests.EndToEnd.Tests.Infrastructure;

namespace Requests.EndToEnd.Tests;

/// <summary>
/// The same intake, configured for PostgreSQL (the database for when one machine is outgrown): the migrations
/// create the schema, receipts are group-committed and published, and cases are read back.
/// </summary>
public sealed class Intake_on_PostgreSQL : IAsyncLifetime
{
    private static string Server => Environment.GetEnvironmentVariable("REQUESTS_POSTGRES") ?? "Host=127.0.0.1;Port=5442;Username=postgres";

    private readonly string _database = $"intake_e2e_{Guid.NewGuid():N}";
    private readonly string _folder = Directory.CreateTempSubdirectory("requests-pg-").FullName;
    private Broker _broker = null!;
    private SubmissionRecorder _recorder = null!;

    public async Task InitializeAsync()
    {
        _broker = await Broker.CreateVirtualHostAsync();
        _recorder = await SubmissionRecorder.StartAsync(_broker, Path.Combine(_folder, "recorder.db"));
    }

    [Fact]
    public async Task Receipts_are_stored_published_and_read_back()
    {
        await using var intake = await IntakeProcess.StartAsync($"{Server};Database={_database}", _broker);
        using var http = new HttpClient { BaseAddress = intake.Address };

        var receipts = await Filing.FileManyAsync(http, 100);

        Assert.Equal(100, receipts.Select(r => r.TrackingNumber).Distinct().Count());
        var handled = await _recorder.WaitForAsync(100, TimeSpan.FromSeconds(60));
        Assert.Equal(receipts.Select(r => r.CaseId).Order(), handled.Select(h => h.CaseId).Order());

        var first = receipts[0];
        using var lookup = new HttpRequestMessage(HttpMethod.Get, $"/api/cases/{first.TrackingNumber}");
        lookup.Headers.Add("X-Access-Code", first.AccessCode);
        var view = await (await http.SendAsync(lookup)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(first.TrackingNumber, view.GetProperty("trackingNumber").GetString());
        Assert.Equal(first.DueDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            view.GetProperty("dueDate").GetString());

        using var wrongCode = new HttpRequestMessage(HttpMethod.Get, $"/api/cases/{first.TrackingNumber}");
        wrongCode.Headers.Add("X-Access-Code", "AAAAA-AAAAA");
        Assert.Equal(HttpStatusCode.NotFound, (await http.SendAsync(wrongCode)).StatusCode);
    }

    [Fact]
    public async Task A_control_character_is_refused_alone_and_never_fails_the_others_filed_with_it()
    {
        await using var intake = await IntakeProcess.StartAsync($"{Server};Database={_database}", _broker);
        using var http = new HttpClient { BaseAddress = intake.Address };
        var nul = JsonSerializer.SerializeToNode(Filing.InformationRequest(0))!;
        nul["subject"] = "Budget\u0000 2025";

        // filed together, so that they share group commits
        var good = Enumerable.Range(1, 40).Select(n => http.PostAsJsonAsync("/api/requests", Filing.InformationRequest(n))).ToList();
        var bad = http.PostAsJsonAsync("/api/requests", nul);
        var answers = await Task.WhenAll(good.Append(bad));

        Assert.All(answers[..^1], a => Assert.Equal(HttpStatusCode.Created, a.StatusCode));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, answers[^1].StatusCode);
        var problem = await answers[^1].Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["subject"], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.Equal(40, (await _recorder.WaitForAsync(40, TimeSpan.FromSeconds(60))).Count);
    }

    public async Task DisposeAsync()
    {
        await _recorder.DisposeAsync();
        await _broker.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection($"{Server};Database=postgres");
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
        Directory.Delete(_folder, recursive: true);
    }
}
