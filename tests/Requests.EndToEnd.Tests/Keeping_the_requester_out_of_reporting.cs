using System.Net.Http.Json;
using System.Text.Json;
using Requests.EndToEnd.Tests.Infrastructure;
using static Requests.EndToEnd.Tests.Infrastructure.Steps;

namespace Requests.EndToEnd.Tests;

/// <summary>
/// Reporting keeps no personal data, and receives none: with reporting stopped, the messages a filing causes wait in
/// its queues on the real broker, and none of them names the requester or repeats their words.
/// </summary>
public sealed class Keeping_the_requester_out_of_reporting : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("requests-e2e-").FullName;
    private Broker _broker = null!;

    public async Task InitializeAsync() => _broker = await Broker.CreateVirtualHostAsync();

    [Fact]
    public async Task No_message_in_reportings_queues_carries_the_requesters_identity()
    {
        var publicKey = RoutingProcess.CreateSigningKey(Path.Combine(_folder, "routing.db"));
        List<string> queues;
        await using (await ReportingProcess.StartAsync(Path.Combine(_folder, "reporting.db"), _broker, publicKey))
            queues = [.. (await _broker.QueuesAsync()).Select(q => q.Name)]; // reporting's alone: nothing else has started
        await using var routing = await RoutingProcess.StartAsync(Path.Combine(_folder, "routing.db"), _broker);
        await using var intake = await IntakeProcess.StartAsync(Path.Combine(_folder, "intake.db"), _broker, routing: routing);
        using var citizen = new HttpClient { BaseAddress = intake.Address };
        string[] personal = ["ZT987654", "Zineb Temoin", "zineb.temoin@example.ma", "+212611223344", "7 rue Temoin", "Lampadaires eteints", "depuis trois mois"];

        var response = await citizen.PostAsJsonAsync("/api/complaints", new
        {
            kind = "complaint", bodyCode = "MEF", subject = personal[5], description = $"Ma rue est sombre {personal[6]}.", theme = "roads",
            requester = new { fullName = personal[1], identityNumber = personal[0], email = personal[2], phone = personal[3], address = personal[4] },
            consent = true, language = "fr",
        });
        var receipt = (await response.Content.ReadFromJsonAsync<Receipt>(JsonSerializerOptions.Web))!;

        // the case reaches reporting's queues (the test reads what lands there), with its theme and dates only
        var waiting = await EventuallyAsync(async () =>
        {
            var bodies = new List<string>();
            foreach (var queue in (await _broker.QueuesAsync()).Select(q => q.Name).Where(q => queues.Any(r => q.StartsWith(r, StringComparison.Ordinal))))
                bodies.AddRange(await _broker.PeekAsync(queue));
            return bodies;
        }, bodies => bodies.Any(b => b.Contains(receipt.CaseId.ToString(), StringComparison.Ordinal) && b.Contains("\"roads\"", StringComparison.Ordinal)), routing);
        foreach (var text in personal)
        {
            var leak = waiting.FirstOrDefault(body => body.Contains(text, StringComparison.OrdinalIgnoreCase));
            Assert.True(leak is null, $"'{text}' reached reporting in {leak}");
        }
        Assert.Contains("record-opening", queues);
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
