using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Requests.EndToEnd.Tests.Infrastructure;
using Requests.Testing;

namespace Requests.EndToEnd.Tests;

/// <summary>
/// The SMTP server (maildev) stopped with the project's own script while intake's receipts and routing's assignment
/// notices fall due, then started again: every message arrives, and arrives once.
/// </summary>
public sealed class Delivering_through_an_SMTP_outage : IAsyncLifetime
{
    private const int Filings = 4;
    private readonly string _folder = Directory.CreateTempSubdirectory("requests-outage-").FullName;
    private Broker _broker = null!;

    public async Task InitializeAsync() => _broker = await Broker.CreateVirtualHostAsync();

    [Fact]
    public async Task Every_notice_due_while_the_server_is_down_is_delivered_exactly_once_after_it_comes_back()
    {
        using var maildev = new Maildev();
        var officerEmail = Maildev.NewRecipient("outage-officer");
        var citizens = Enumerable.Range(1, Filings).Select(i => Maildev.NewRecipient($"outage-citizen-{i}")).ToList();
        var settings = new Dictionary<string, string>
        {
            ["Notifications__PollInterval"] = "00:00:00.200",
            ["Notifications__Retries__0"] = "00:00:01",
            ["Smtp__Timeout"] = "00:00:05",
            // each new case its own message to the officer, however fast they come
            ["Notifications__GroupLimit"] = "0",
        };
        var directory = Path.Combine(_folder, "directory.json");
        await File.WriteAllTextAsync(directory, new JsonArray(new JsonObject
        {
            ["code"] = "MEF", ["nameFr"] = "Ministère de l'Économie et des Finances", ["nameAr"] = "وزارة الاقتصاد والمالية",
            ["sector"] = "ministry", ["region"] = "Rabat-Salé-Kénitra", ["parentCode"] = null,
            ["officers"] = new JsonArray(
                new JsonObject { ["id"] = "MEF-O1", ["fullName"] = "Youssef Benali", ["email"] = officerEmail, ["role"] = "designated" }),
        }).ToJsonString());
        await using var routing = await RoutingProcess.StartAsync(Path.Combine(_folder, "routing.db"), _broker,
            new Dictionary<string, string>(settings) { ["Routing__DirectoryFile"] = directory });
        await using var intake = await IntakeProcess.StartAsync(Path.Combine(_folder, "intake.db"), _broker, routing: routing,
            settings: settings);
        using var citizen = new HttpClient { BaseAddress = intake.Address };

        await Maildev.RunScriptAsync("stop");
        try
        {
            foreach (var (email, n) in citizens.Select((e, i) => (e, i)))
            {
                var filed = await citizen.PostAsJsonAsync("/api/requests", new
                {
                    bodyCode = "MEF", subject = $"Rapport {n}", description = "Le rapport annuel.", delivery = "email", urgent = false,
                    requester = new { fullName = "Amina Alaoui", identityNumber = "AB123456", email }, consent = true, language = "fr",
                });
                Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
            }
            // the workers try, fail and back off while the server is down
            await Task.Delay(TimeSpan.FromSeconds(4));
        }
        finally
        {
            await Maildev.RunScriptAsync("start");
        }

        foreach (var email in citizens)
        {
            var received = await maildev.WaitForAsync(email, 1);
            var receipt = Assert.Single(received);
            Assert.Equal("receipt", receipt.Template);
        }
        var assigned = await maildev.WaitForAsync(officerEmail, Filings);
        Assert.Equal(Filings, assigned.Count);
        Assert.All(assigned, m => Assert.Equal("case-assigned", m.Template));
        Assert.Equal(Filings, assigned.Select(m => m.MessageId).Distinct().Count());

        // and nothing more later: no retry sends a second copy
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(Filings, (await maildev.MessagesToAsync(officerEmail)).Count);
        foreach (var email in citizens)
            Assert.Single(await maildev.MessagesToAsync(email));
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
