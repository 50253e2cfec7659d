using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Requests.EndToEnd.Tests.Infrastructure;
using Requests.Notifications.Delivery;
using Requests.Notifications.Templates;
using Requests.Notifications.Templates.Staff;
using Requests.Testing;
using static Requests.EndToEnd.Tests.Infrastructure.Steps;

namespace Requests.EndToEnd.Tests;

/// <summary>
/// Intake and routing as real processes under a campaign, their mail read back from the real SMTP server (maildev): an
/// escalation does not wait behind thousands of routine notices, and an officer given fifty cases in a minute gets two
/// messages, not fifty.
/// </summary>
public sealed class Notices_under_a_campaign : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("requests-campaign-").FullName;
    private static readonly HttpClient Inbox = new()
    {
        BaseAddress = new Uri(Environment.GetEnvironmentVariable("REQUESTS_MAILDEV_URL") ?? "http://127.0.0.1:1080"),
        Timeout = TimeSpan.FromSeconds(30),
    };
    private Broker _broker = null!;

    public async Task InitializeAsync() => _broker = await Broker.CreateVirtualHostAsync();

    [Fact]
    public async Task An_escalation_reaches_the_head_within_5_seconds_behind_2000_routine_notices_and_each_of_them_arrives_once()
    {
        using var maildev = new Maildev();
        var (officerEmail, headEmail) = (Maildev.NewRecipient("campaign-officer"), Maildev.NewRecipient("campaign-head"));
        var database = Path.Combine(_folder, "routing.db");
        await using var routing = await RoutingProcess.StartAsync(database, _broker, Settings(
            ("Routing__DirectoryFile", WriteDirectory(officerEmail, headEmail)),
            ("Routing__Jobs__SweepInterval", "0 0 31 2 *"), ("Routing__Jobs__DigestCron", "0 0 31 2 *")));
        await using var intake = await IntakeProcess.StartAsync(Path.Combine(_folder, "intake.db"), _broker, routing: routing, settings: Settings());
        using var admin = await SignInAsync(routing, RoutingProcess.AdminUserName, RoutingProcess.AdminPassword);
        using var staff = new HttpClient { BaseAddress = intake.Address };
        staff.DefaultRequestHeaders.Authorization = admin.DefaultRequestHeaders.Authorization;

        // a request received at the counter two months ago, registered only now: its answer is overdue
        var filed = await staff.PostAsJsonAsync("/api/staff/requests", new
        {
            bodyCode = "MEF", subject = "Marchés publics 2025", description = "Les dossiers des marchés de la direction régionale.",
            delivery = "post", urgent = false, consent = true, language = "fr", channel = "counter",
            requester = new { fullName = "Omar Idrissi", identityNumber = "BE998877", address = "12 rue Tarik, Rabat" },
            receivedOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-60).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        await maildev.WaitForAsync(officerEmail, 1);

        // a campaign's backlog of routine staff notices, queued in routing's own table
        var campaign = $"Campagne {Guid.NewGuid():N}";
        await QueueRoutineAsync(database, campaign, 2000);
        await Task.Delay(500);   // the worker is at work on them

        var clock = Stopwatch.StartNew();
        Assert.Equal(HttpStatusCode.Accepted, (await admin.PostAsync("/api/jobs/deadline-sweep/run", null)).StatusCode);
        List<MaildevMessage> escalations;
        while ((escalations = await FindAsync($"to.address={Uri.EscapeDataString(headEmail)}")).Count == 0 && clock.Elapsed < TimeSpan.FromSeconds(30))
            await Task.Delay(100);
        var reachedIn = clock.Elapsed;
        var delivered = (await FindAsync($"subject={Uri.EscapeDataString(campaign)}")).Count;

        Assert.Equal(EscalationNotice.Template, Assert.Single(escalations).Template);
        Assert.True(reachedIn < TimeSpan.FromSeconds(5), $"the escalation reached maildev after {reachedIn.TotalSeconds:F1} s");
        Assert.True(delivered < 2000, $"all {delivered} routine notices went before the escalation");

        var deadline = DateTime.UtcNow.AddMinutes(3);
        List<MaildevMessage> routine;
        while ((routine = await FindAsync($"subject={Uri.EscapeDataString(campaign)}")).Count < 2000 && DateTime.UtcNow < deadline)
            await Task.Delay(1000);
        await Task.Delay(2000);
        routine = await FindAsync($"subject={Uri.EscapeDataString(campaign)}");
        Assert.Equal(2000, routine.Count);
        Assert.Equal(2000, routine.Select(m => m.To![0].Address).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(2000, routine.Select(m => m.MessageId).Distinct().Count());
    }

    [Fact]
    public async Task Fifty_cases_assigned_to_one_officer_within_a_minute_make_at_most_two_messages_that_name_them_all()
    {
        using var maildev = new Maildev();
        var (officerEmail, headEmail) = (Maildev.NewRecipient("flooded-officer"), Maildev.NewRecipient("flooded-head"));
        // the default limit (more than 5 in a window), in a window short enough to wait for
        await using var routing = await RoutingProcess.StartAsync(Path.Combine(_folder, "routing.db"), _broker, Settings(
            ("Routing__DirectoryFile", WriteDirectory(officerEmail, headEmail)), ("Notifications__GroupWindow", "00:00:30")));
        await using var intake = await IntakeProcess.StartAsync(Path.Combine(_folder, "intake.db"), _broker, routing: routing,
            settings: Settings(("Intake__RateLimits__SubmissionsPerMinute", "1000")));
        using var citizen = new HttpClient { BaseAddress = intake.Address };

        var numbers = new List<string>();
        for (var i = 0; i < 50; i++)
        {
            var filed = await citizen.PostAsJsonAsync("/api/requests", new
            {
                bodyCode = "MEF", subject = $"Coupure d'eau {i}", description = "La coupure d'eau du quartier.", delivery = "email",
                urgent = false, consent = true, language = "fr",
                requester = new { fullName = "Amina Alaoui", identityNumber = "AB123456", email = Maildev.NewRecipient("campaign-citizen") },
            });
            Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
            numbers.Add((await filed.Content.ReadFromJsonAsync<JsonObject>())!["trackingNumber"]!.GetValue<string>());
        }

        var deadline = DateTime.UtcNow.AddSeconds(90);
        List<MaildevMessage> messages;
        var officer = $"to.address={Uri.EscapeDataString(officerEmail)}";
        while (!NamesAll(messages = await FindAsync(officer), numbers) && DateTime.UtcNow < deadline)
            await Task.Delay(1000);
        await Task.Delay(3000);   // and nothing more comes
        messages = await FindAsync(officer);

        Assert.True(NamesAll(messages, numbers), $"{messages.Count} messages name {numbers.Count(n => messages.Any(m => m.Text?.Contains(n, StringComparison.Ordinal) == true))} of the 50 cases");
        Assert.InRange(messages.Count, 1, 2);
        Assert.Contains(messages, m => m.Template == GroupedNotices.Template);
    }

    private static bool NamesAll(List<MaildevMessage> messages, List<string> numbers) =>
        numbers.All(n => messages.Any(m => m.Text?.Contains(n, StringComparison.Ordinal) == true));

    private static async Task<List<MaildevMessage>> FindAsync(string query) =>
        await Inbox.GetFromJsonAsync<List<MaildevMessage>>($"/email?{query}") ?? [];

    /// <summary>Routine notices, each to its own officer, written into routing's notifications table as its writers do.</summary>
    private static async Task QueueRoutineAsync(string database, string subject, int count)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Pooling=False;Default Timeout=30");
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var insert = NotificationStore.InsertCommand(connection, transaction);
        for (var i = 0; i < count; i++)
        {
            var to = $"campaign-{i}.{Guid.NewGuid():N}@test.example.ma";
            await NotificationStore.InsertAsync(insert, Notification.Create($"campaign:{i}:{to}", new RoutineNotice(subject), Language.French,
                to, null, DateTime.UtcNow), CancellationToken.None);
        }
        await transaction.CommitAsync();
    }

    /// <summary>A routine staff message (a digest's priority), named by the campaign so that the test finds its own.</summary>
    private sealed record RoutineNotice(string Subject) : IEmailTemplate
    {
        public string Name => DailyDigest.Template;

        public RenderedEmail Render(Language language) =>
            new(Name, language, Subject, $"<p>{Subject}</p>", Subject);
    }

    private string WriteDirectory(string officerEmail, string headEmail)
    {
        var file = Path.Combine(_folder, "directory.json");
        File.WriteAllText(file, new JsonArray(new JsonObject
        {
            ["code"] = "MEF", ["nameFr"] = "Ministère de l'Économie et des Finances", ["nameAr"] = "وزارة الاقتصاد والمالية",
            ["sector"] = "ministry", ["region"] = "Rabat-Salé-Kénitra", ["parentCode"] = null,
            ["officers"] = new JsonArray(
                new JsonObject { ["id"] = "MEF-O1", ["fullName"] = "Youssef Benali", ["email"] = officerEmail, ["role"] = "designated" },
                new JsonObject { ["id"] = "MEF-H", ["fullName"] = "Nadia Chraibi", ["email"] = headEmail, ["role"] = "head" }),
        }).ToJsonString());
        return file;
    }

    private static Dictionary<string, string> Settings(params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string> { ["Notifications__PollInterval"] = "00:00:00.200" };
        foreach (var (key, value) in more)
            settings[key] = value;
        return settings;
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
