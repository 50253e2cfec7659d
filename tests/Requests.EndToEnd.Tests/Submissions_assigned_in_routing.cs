using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Requests.EndToEnd.Tests.Infrastructure;

namespace Requests.EndToEnd.Tests;

/// <summary>Intake and routing as real processes over a real RabbitMQ: what a citizen files reaches an officer.</summary>
public sealed class Submissions_assigned_in_routing : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("requests-e2e-").FullName;
    private Broker _broker = null!;

    public async Task InitializeAsync() => _broker = await Broker.CreateVirtualHostAsync();

    [Fact]
    public async Task A_request_filed_in_intake_is_assigned_to_the_bodys_officer_in_routing()
    {
        // routing first: its queue must exist before intake publishes, as in production
        await using var routing = await RoutingProcess.StartAsync(Path.Combine(_folder, "routing.db"), _broker);
        await using var intake = await IntakeProcess.StartAsync(Path.Combine(_folder, "intake.db"), _broker);
        using var http = new HttpClient { BaseAddress = intake.Address };

        var receipt = await Filing.FileAsync(http, 1);

        // a fresh directory: MEF's two officers have no cases, the tie goes to the first
        var row = await WaitForAsync(routing,
            $"SELECT status, assigned_officer_id, due_on FROM cases WHERE id = '{receipt.CaseId}'");
        Assert.Equal("assigned", row[0]);
        Assert.Equal("MEF-O1", row[1]);
        Assert.Equal(receipt.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), row[2]);
        // and routing's own relay has published the opening, with its officer, to the broker
        await WaitForAsync(routing,
            "SELECT message_type FROM outbox_messages WHERE message_type LIKE '%CasesOpened' AND body LIKE '%\"officerId\":\"MEF-O1\"%' AND sent_at IS NOT NULL");

        // which intake turns into a step the citizen sees
        var deadline = DateTime.UtcNow.AddSeconds(30);
        JsonElement view;
        do
        {
            await Task.Delay(100);
            using var lookup = new HttpRequestMessage(HttpMethod.Get, $"/api/cases/{receipt.TrackingNumber}");
            lookup.Headers.Add("X-Access-Code", receipt.AccessCode);
            view = await (await http.SendAsync(lookup)).Content.ReadFromJsonAsync<JsonElement>();
        }
        while (view.GetProperty("status").GetString() != "assigned" && DateTime.UtcNow < deadline);
        Assert.Equal("assigned", view.GetProperty("status").GetString());
        Assert.Equal(["received", "assigned"], view.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("kind").GetString()));
    }

    private static async Task<object?[]> WaitForAsync(ServiceProcess routing, string sql)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            await using (var connection = new SqliteConnection($"Data Source={routing.Database};Pooling=False"))
            {
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                command.CommandText = sql;
                await using var reader = await command.ExecuteReaderAsync();
                if (await reader.ReadAsync())
                    return [.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetValue)];
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"Routing never answered \"{sql}\":\n{routing.Log}");
    }

    public async Task DisposeAsync()
    {
        await _broker.DisposeAsync();
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
