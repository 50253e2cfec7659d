using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Requests.EndToEnd.Tests.Infrastructure;
using Requests.Testing;

namespace Requests.EndToEnd.Tests.Scaled;

/// <summary>
/// The deadline jobs scheduled and run on both routing instances, and each run now on both at once, again and again:
/// every reminder, escalation, notice of a missed deadline and digest is recorded once and reaches its recipient once.
/// </summary>
[Collection(SharedInstances.Name)]
public sealed class Running_the_deadline_jobs_on_two_instances(TwoOfEach system)
{
    private static readonly string[] Officers = ["MI-O1", "MI-O2", "MI-S1", "MI-H"];

    [Fact]
    public async Task Each_reminder_escalation_and_digest_goes_out_once()
    {
        using var admin = await Steps.SignInAsync(system.RoutingA, RoutingProcess.AdminUserName, RoutingProcess.AdminPassword);
        // the body's staff get addresses no other test writes to
        var emails = new Dictionary<string, string>();
        foreach (var id in Officers)
        {
            var officer = (await admin.GetFromJsonAsync<JsonObject>($"/api/directory/officers/{id}"))!;
            emails[id] = Maildev.NewRecipient(id.ToLowerInvariant());
            var changed = await admin.PutAsJsonAsync($"/api/directory/officers/{id}", new
            {
                id, bodyCode = "MI", fullName = (string?)officer["fullName"], email = emails[id], role = (string?)officer["role"],
                substituteOf = (string?)officer["substituteOf"], language = (string?)officer["language"],
            });
            Assert.True(changed.IsSuccessStatusCode, await changed.Content.ReadAsStringAsync());
        }

        // two requests whose answer was due long ago, two due within a few days; registered by staff with the token of
        // the other routing instance
        using var intake = new HttpClient { BaseAddress = system.IntakeB.Address };
        intake.DefaultRequestHeaders.Authorization = admin.DefaultRequestHeaders.Authorization;
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var soon = await ReceivedOnDueWithinAsync(intake, today);
        var requesters = new List<string>();
        var cases = new List<Guid>();
        foreach (var receivedOn in new[] { today.AddDays(-90), today.AddDays(-91), soon, soon })
        {
            var requester = Maildev.NewRecipient("requester");
            requesters.Add(requester);
            var filed = await intake.PostAsJsonAsync("/api/staff/requests", StaffFiling(receivedOn, requester));
            Assert.True(filed.StatusCode == HttpStatusCode.Created, await filed.Content.ReadAsStringAsync());
            cases.Add((await filed.Content.ReadFromJsonAsync<Receipt>(JsonSerializerOptions.Web))!.CaseId);
        }
        var ours = $"case_id IN ({string.Join(", ", cases.Select(c => $"'{c}'"))})";
        await system.WaitForAsync(system.RoutingDatabase,
            $"SELECT count(*) FROM cases WHERE {ours.Replace("case_id", "id", StringComparison.Ordinal)} AND assigned_officer_id IS NOT NULL", 4);

        // every job run now on both instances at once, three times over, beside their own schedule
        for (var round = 0; round < 3; round++)
            await Task.WhenAll(system.Routings.SelectMany(routing => new[] { "deadline-sweep", "daily-digest" }.Select(async job =>
            {
                using var http = new HttpClient { BaseAddress = routing.Address };
                http.DefaultRequestHeaders.Authorization = admin.DefaultRequestHeaders.Authorization;
                Assert.Equal(HttpStatusCode.Accepted, (await http.PostAsync($"/api/jobs/{job}/run", null)).StatusCode);
            })));

        await system.WaitForAsync(system.RoutingDatabase,
            $"SELECT count(*) FROM cases WHERE {ours.Replace("case_id", "id", StringComparison.Ordinal)} AND status = 'deadline-missed'", 2);
        var staff = string.Join(", ", emails.Values.Select(e => $"'{e}'"));
        // the digests of the two officers with cases, and every notice of our cases, sent
        await system.WaitForAsync(system.RoutingDatabase,
            $"SELECT count(*) FROM notifications WHERE template = 'daily-digest' AND recipient IN ({staff}) AND status = 'sent'", 2);
        await system.WaitForAsync(system.RoutingDatabase,
            $"SELECT count(*) FROM notifications WHERE {ours} AND status NOT IN ('sent', 'postal', 'grouped')", 0);
        await Task.Delay(TimeSpan.FromSeconds(5)); // time for any second copy to arrive

        var recorded = await TwoOfEach.RowsAsync(system.RoutingDatabase, $"""
            SELECT template, recipient, coalesce(case_id, ''), count(*) FROM notifications
            WHERE ({ours} OR recipient IN ({staff})) AND template IN ('deadline-reminder', 'overdue', 'escalation', 'deadline-missed', 'daily-digest')
            GROUP BY template, recipient, case_id
            """);
        Assert.All(recorded, r => Assert.Equal(1L, (long)r[3]));
        // each move of the sweep (a reminder, a missed deadline) on each case once
        Assert.All(await TwoOfEach.RowsAsync(system.RoutingDatabase,
            $"SELECT case_id, action, count(*) FROM case_audit_entries WHERE {ours} AND actor = 'deadline-sweep' GROUP BY case_id, action"),
            r => Assert.Equal(1L, (long)r[2]));
        int Recorded(string template) => recorded.Count(r => (string)r[0] == template);
        Assert.Equal(2, Recorded("deadline-missed"));
        Assert.Equal(2, Recorded("escalation"));
        Assert.Equal(2, Recorded("daily-digest"));
        Assert.True(Recorded("deadline-reminder") >= 2, $"{Recorded("deadline-reminder")} reminders");

        // in the inbox: each e-mail once, and each of the templates above as often as it was recorded
        // the inbox read once (it holds every e-mail of the run)
        using var inbox = new HttpClient { BaseAddress = new Uri(Environment.GetEnvironmentVariable("REQUESTS_MAILDEV_URL")!), Timeout = TimeSpan.FromMinutes(2) };
        var ourRecipients = emails.Values.Concat(requesters).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var received = ((await inbox.GetFromJsonAsync<List<MaildevMessage>>("/email")) ?? [])
            .Where(m => m.To?.Count > 0 && ourRecipients.Contains(m.To[0].Address)).ToList();
        Assert.All(received.GroupBy(m => (m.To![0].Address, m.Template, m.Subject, m.Text)), g => Assert.Single(g));
        foreach (var template in new[] { "deadline-missed", "escalation", "daily-digest", "deadline-reminder", "overdue" })
            Assert.Equal(Recorded(template), received.Count(m => m.Template == template));
        Assert.Single(received, m => m.Template == "daily-digest" && m.To![0].Address == emails["MI-O1"]);
        Assert.Single(received, m => m.Template == "daily-digest" && m.To![0].Address == emails["MI-O2"]);
    }

    /// <summary>A day of receipt whose answer is due two to five days after <paramref name="today"/>: its reminder is due.</summary>
    private static async Task<DateOnly> ReceivedOnDueWithinAsync(HttpClient intake, DateOnly today)
    {
        for (var receivedOn = today.AddDays(-20); receivedOn > today.AddDays(-60); receivedOn = receivedOn.AddDays(-1))
        {
            var answer = await intake.GetFromJsonAsync<JsonElement>(
                $"/api/deadlines?regime=information&receivedOn={receivedOn:yyyy-MM-dd}");
            var due = DateOnly.Parse(answer.GetProperty("dueOn").GetString()!, CultureInfo.InvariantCulture);
            if (due >= today.AddDays(2) && due <= today.AddDays(5))
                return receivedOn;
        }
        throw new InvalidOperationException("No day of receipt gives an answer due within five days.");
    }

    private static object StaffFiling(DateOnly receivedOn, string email) => new
    {
        bodyCode = "MI",
        subject = "Procurement files",
        description = "The 2025 procurement files of the regional office.",
        delivery = "email",
        urgent = false,
        requester = new { fullName = "Omar Idrissi", identityNumber = "BE998877", email },
        consent = true,
        language = "fr",
        channel = "counter",
        receivedOn = receivedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };
}
