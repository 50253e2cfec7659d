using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Requests.Contracts.Intake;
using Requests.Contracts.Routing;
using Requests.Routing.Tests.Cases;
using Requests.Routing.Tests.Deadlines;
using Requests.ServiceDefaults.Auth;

namespace Requests.Routing.Tests.Notices;

// Notifications are recorded in the transaction of what causes them (sending is off here: see the maildev tests in
// Requests.EndToEnd.Tests). A request received on Monday 23 November 2026 is due on Monday 21 December.
public sealed class Recording_the_notices_of_a_case : IDisposable
{
    private readonly RoutingApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task The_officer_is_told_of_the_new_case_and_the_requester_s_address_is_kept()
    {
        var request = Submissions.Request();
        await _app.ConsumeAsync(request);
        await _app.ConsumeAsync(request); // the same submission again: nothing more

        var notices = await NoticesAsync(request.CaseId);
        var assigned = Assert.Single(notices);
        Assert.Equal(("case-assigned", "youssef.benali@mef.gov.ma", "pending", "fr"),
            (assigned["template"], assigned["recipient"], assigned["status"], assigned["language"]));
        Assert.Contains(request.TrackingNumber, (string)assigned["subject"]!, StringComparison.Ordinal);
        var row = await _app.CaseRowAsync(request.CaseId);
        Assert.Equal(("Amina Alaoui", "amina@example.ma"), (row["requester_name"], row["requester_email"]));
    }

    [Fact]
    public async Task An_extension_tells_the_requester_in_their_language_with_both_due_dates_once()
    {
        var request = Submissions.Request() with { Language = "ar" };
        await _app.ConsumeAsync(request);
        var officer = await _app.TodayIsAsync(CaseTesting.Monday.AddDays(7), StaffRoles.Officer, "MEF-O1");

        await officer.MovedAsync(request.CaseId, "accept");
        await officer.MovedAsync(request.CaseId, "extend", new { reasons = "Les documents sont dispersés." });
        Assert.Equal(HttpStatusCode.Conflict, (await officer.MoveAsync(request.CaseId, "extend", new { reasons = "Encore." })).StatusCode);

        var extension = Assert.Single(await NoticesAsync(request.CaseId, "extension"));
        Assert.Equal(("amina@example.ma", "ar", "pending"), (extension["recipient"], extension["language"], extension["status"]));
        // 21 December, then 20 more working days: Thursday 21 January 2027 (1, 11 and 14 January are days off)
        Assert.Contains("الاثنين 21 دجنبر 2026", (string)extension["text"]!, StringComparison.Ordinal);
        Assert.Contains("الخميس 21 يناير 2027", (string)extension["subject"]!, StringComparison.Ordinal);
        Assert.Contains("Les documents sont dispersés.", (string)extension["text"]!, StringComparison.Ordinal);
        Assert.Equal($"{request.CaseId:D}:3:extension:amina@example.ma", extension["idempotency_key"]);

        // intake is told, for the citizen's timeline, in the same transaction
        var told = Assert.Single(await _app.MessagesAsync<CitizenNoticeUpdated>(), m => m.Template == "extension");
        Assert.Equal((request.CaseId, "pending", extension["idempotency_key"]), (told.CaseId, told.Status, (object?)told.NoticeKey));
    }

    [Fact]
    public async Task A_refusal_tells_its_ground_and_the_last_day_of_the_recourse_and_the_recourse_tells_the_head()
    {
        var request = Submissions.Request();
        await _app.ConsumeAsync(request);
        var officer = await _app.TodayIsAsync(new DateOnly(2026, 12, 1), StaffRoles.Officer, "MEF-O1");
        await officer.MovedAsync(request.CaseId, "accept");
        await officer.MovedAsync(request.CaseId, "answer", new
        {
            outcome = "refused", refusalGround = "private-life", text = "Les salaires sont nominatifs.",
        });
        await _app.ActAsync(CaseTesting.Acted(request, "file-recourse", new DateOnly(2026, 12, 3), "Je demande les montants par grade."));

        var refusal = Assert.Single(await NoticesAsync(request.CaseId, "refused"));
        Assert.Equal("amina@example.ma", refusal["recipient"]);
        // 20 working days from Tuesday 1 December: Tuesday 29 December 2026
        Assert.Contains("mardi 29 décembre 2026", (string)refusal["text"]!, StringComparison.Ordinal);
        var head = Assert.Single(await NoticesAsync(request.CaseId, "recourse-received"));
        Assert.Equal("nadia.chraibi@mef.gov.ma", head["recipient"]);
        Assert.Contains("Je demande les montants par grade.", (string)head["text"]!, StringComparison.Ordinal);

        var view = await (await officer.GetAsync($"/api/cases/{request.CaseId}")).JsonAsync();
        Assert.Equal(["case-assigned", "refused", "recourse-received"],
            view.GetProperty("notifications").EnumerateArray().Select(n => n.GetProperty("template").GetString()));
    }

    [Fact]
    public async Task The_sweep_writes_reminders_to_the_officer_and_substitute_and_at_the_miss_the_escalation_and_the_silence_notice_once()
    {
        var request = Submissions.Request();
        await _app.ConsumeAsync(request);

        await _app.SweepAsync(Sweeps.Local(2026, 12, 14));
        await _app.SweepAsync(Sweeps.Local(2026, 12, 14, 16));
        var reminders = await NoticesAsync(request.CaseId, "deadline-reminder");
        Assert.Equal(["karim.tazi@mef.gov.ma", "youssef.benali@mef.gov.ma"], reminders.Select(r => (string)r["recipient"]!).Order());

        await _app.SweepAsync(Sweeps.Local(2026, 12, 22));
        await _app.SweepAsync(Sweeps.Local(2026, 12, 22, 16));
        Assert.Equal(2, (await NoticesAsync(request.CaseId, "overdue")).Count);
        Assert.Equal("nadia.chraibi@mef.gov.ma", Assert.Single(await NoticesAsync(request.CaseId, "escalation"))["recipient"]);
        var silence = Assert.Single(await NoticesAsync(request.CaseId, "deadline-missed"));
        Assert.Equal(("amina@example.ma", $"{request.CaseId:D}:2:deadline-missed:amina@example.ma"),
            (silence["recipient"], silence["idempotency_key"]));
        // the recourse to the head is open 20 working days from Monday 21 December: Thursday 21 January 2027
        Assert.Contains("jeudi 21 janvier 2027", (string)silence["text"]!, StringComparison.Ordinal);
        Assert.Single(await _app.MessagesAsync<CitizenNoticeUpdated>(), m => m.Template == "deadline-missed");
    }

    [Fact]
    public async Task A_requester_without_e_mail_is_written_to_by_post_and_the_body_s_staff_see_the_letter_to_send()
    {
        var request = Submissions.Request() with
        {
            Requester = new Requester("Omar Idrissi", "BE998877", null, null, "12 rue Tarik, Rabat"),
        };
        await _app.ConsumeAsync(request);
        var officer = await _app.TodayIsAsync(CaseTesting.Monday.AddDays(7), StaffRoles.Officer, "MEF-O1");
        await officer.MovedAsync(request.CaseId, "accept");
        await officer.MovedAsync(request.CaseId, "extend", new { reasons = "Les documents sont dispersés." });

        var postal = Assert.Single(await NoticesAsync(request.CaseId, "extension"));
        Assert.Equal(("postal", null, "no e-mail address"), (postal["status"], postal["recipient"], postal["last_error"]));

        var page = await officer.GetFromJsonAsync<JsonElement>("/api/notifications?status=postal");
        var item = Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.Equal((request.TrackingNumber, "Omar Idrissi", "12 rue Tarik, Rabat"),
            (item.GetProperty("trackingNumber").GetString(), item.GetProperty("requesterName").GetString(),
                item.GetProperty("requesterAddress").GetString()));
        Assert.Contains("Les documents sont dispersés.", item.GetProperty("text").GetString(), StringComparison.Ordinal);

        using var other = await _app.SignInAsync(StaffRoles.Officer, "CNSS-O1");
        Assert.Equal(0, (await other.GetFromJsonAsync<JsonElement>("/api/notifications")).GetProperty("total").GetInt32());
        var wrong = await officer.GetAsync("/api/notifications?status=lost");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.StatusCode);
        Assert.Equal("application/problem+json", wrong.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_redirection_tells_the_requester_the_competent_body_and_the_new_tracking_number_when_the_new_case_opens()
    {
        var request = Submissions.Request();
        await _app.ConsumeAsync(request);
        var officer = await _app.TodayIsAsync(CaseTesting.Monday.AddDays(1), StaffRoles.Officer, "MEF-O1");
        await officer.MovedAsync(request.CaseId, "redirect", new { bodyCode = "CNSS", reasons = "Les cotisations relèvent de la CNSS." });

        // intake files the case at the competent body, which routing receives as a new submission
        var opened = Submissions.Request("CNSS", CaseTesting.Monday.AddDays(1)) with { RedirectedFrom = request.CaseId };
        await _app.ConsumeAsync(opened);
        await _app.ConsumeAsync(opened);

        var told = Assert.Single(await NoticesAsync(opened.CaseId, "redirected"));
        Assert.Equal("amina@example.ma", told["recipient"]);
        Assert.Contains(opened.TrackingNumber, (string)told["subject"]!, StringComparison.Ordinal);
        Assert.Contains(request.TrackingNumber, (string)told["subject"]!, StringComparison.Ordinal);
        Assert.Contains("Caisse nationale de sécurité sociale", (string)told["text"]!, StringComparison.Ordinal);
        Assert.Contains("Les cotisations relèvent de la CNSS.", (string)told["text"]!, StringComparison.Ordinal);
        Assert.Empty(await NoticesAsync(request.CaseId, "redirected"));
    }

    [Fact]
    public async Task The_daily_digest_is_one_e_mail_per_officer_and_day()
    {
        var request = Submissions.Request();
        await _app.ConsumeAsync(request);

        await _app.DigestAsync(Sweeps.Local(2026, 12, 15, 7));
        await _app.DigestAsync(Sweeps.Local(2026, 12, 15, 7, 30));

        var digest = Assert.Single(await _app.QueryAsync("SELECT * FROM notifications WHERE template = 'daily-digest'"));
        Assert.Equal(("youssef.benali@mef.gov.ma", "digest:MEF-O1:2026-12-15:daily-digest:youssef.benali@mef.gov.ma"),
            (digest["recipient"], digest["idempotency_key"]));
        Assert.Contains(request.TrackingNumber, (string)digest["text"]!, StringComparison.Ordinal);
    }

    private Task<List<Dictionary<string, object?>>> NoticesAsync(Guid caseId, string? template = null) =>
        _app.QueryAsync($"SELECT * FROM notifications WHERE case_id = '{caseId:D}'" +
            (template is null ? "" : $" AND template = '{template}'") + " ORDER BY id");
}
