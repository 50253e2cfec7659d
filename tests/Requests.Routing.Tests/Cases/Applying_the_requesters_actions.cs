using System.Net.Http.Json;
using System.Text.Json;
using Requests.Contracts.Intake;
using Requests.Contracts.Routing;
using Requests.Routing.Cases;
using Requests.ServiceDefaults.Auth;
using static Requests.Routing.Tests.Cases.CaseTesting;

namespace Requests.Routing.Tests.Cases;

// The requester acts through intake; routing applies the move with the officers' rules, or refuses it with
// CitizenActionRefused and leaves the case as it was.
public sealed class Applying_the_requesters_actions : IAsyncLifetime, IDisposable
{
    private static readonly DateOnly Wednesday = new(2026, 11, 25);
    private readonly RoutingApp _app = new();
    private HttpClient _officer = null!;

    public async Task InitializeAsync() => _officer = await _app.SignInAsync(StaffRoles.Officer, "MEF-O1", "MEF-O2");

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task A_recourse_after_a_refusal_puts_the_case_before_the_head_for_fifteen_working_days()
    {
        var submitted = await RefusedOnMondayAsync();
        _officer = await _app.TodayIsAsync(Wednesday, StaffRoles.Officer, "MEF-O1", "MEF-O2");

        await _app.ActAsync(Acted(submitted, "file-recourse", Wednesday, "The data can be anonymised."));

        var row = await _app.CaseRowAsync(submitted.CaseId);
        // 15 working days after Wed 25 Nov: Nov 26, 27, 30, Dec 1-4, 7-11, 14, 15, 16
        Assert.Equal(("under-recourse", "2026-11-25", "2026-12-16", "The data can be anonymised."),
            (row["status"], row["recourse_filed_on"], row["recourse_due_on"], row["recourse_text"]));
        // the sweep now watches the head's answer: first reminder 5 working days before Wed 16 Dec
        Assert.Equal(("head-answer", "2026-12-09", 0L), (row["alert_deadline"], row["next_alert_on"], row["alert_stage"]));
        var moved = (await _app.MovesAsync(submitted.CaseId))[^1];
        Assert.Equal(("file-recourse", "answered", "under-recourse", 4, "citizen", "citizen", Wednesday, (DateOnly?)new DateOnly(2026, 12, 16)),
            (moved.Trigger, moved.FromStatus, moved.ToStatus, moved.Sequence, moved.Actor, moved.ActorRole, moved.OccurredOn, moved.RecourseDueOn));
        // the queue counts down the head's deadline now
        var item = Assert.Single((await _officer.GetFromJsonAsync<JsonElement>("/api/queue")).GetProperty("items").EnumerateArray());
        Assert.Equal(("2026-12-16", 15), (item.GetProperty("dueOn").GetString(), item.GetProperty("workingDaysLeft").GetInt32()));
        Assert.Empty(await _app.MessagesAsync<CitizenActionRefused>());
    }

    [Fact]
    public async Task A_recourse_after_its_last_day_is_refused_and_changes_nothing()
    {
        var submitted = await RefusedOnMondayAsync();
        var tooLate = new DateOnly(2026, 12, 22); // the window closed on Mon 21 Dec, 20 working days after the answer
        _app.Clock.Set(At(tooLate));
        var before = await _app.SnapshotAsync(submitted.CaseId);
        var acted = Acted(submitted, "file-recourse", tooLate, "I was away.");

        await _app.ActAsync(acted);

        var refused = Assert.Single(await _app.MessagesAsync<CitizenActionRefused>());
        Assert.Equal((acted.ActionId, submitted.CaseId, submitted.TrackingNumber, "file-recourse"),
            (refused.ActionId, refused.CaseId, refused.TrackingNumber, refused.Action));
        Assert.Contains("2026-12-21", refused.Reason, StringComparison.Ordinal);
        var row = await _app.CaseRowAsync(submitted.CaseId);
        Assert.Equal(("answered", 3L, null), (row["status"], row["version"], row["recourse_filed_on"]));
        Assert.Equal(1, await _app.CountAsync("inbox_messages", $"consumer = '{nameof(ApplyCitizenActionConsumer)}'"));
        // the refusal is all that was written
        Assert.Equal(before.Replace("\"outbox\":0", "\"outbox\":1", StringComparison.Ordinal), await _app.SnapshotAsync(submitted.CaseId));
    }

    [Fact]
    public async Task A_redelivered_action_changes_nothing_more()
    {
        var submitted = await RefusedOnMondayAsync();
        var acted = Acted(submitted, "file-recourse", Wednesday, "The data can be anonymised.");
        var messageId = Guid.NewGuid();
        await _app.ActAsync(acted, messageId);
        var after = await _app.SnapshotAsync(submitted.CaseId);

        await _app.ActAsync(acted, messageId);

        Assert.Equal(after, await _app.SnapshotAsync(submitted.CaseId));
        Assert.Equal(4, (await _app.MovesAsync(submitted.CaseId))[^1].Sequence);
    }

    [Fact]
    public async Task A_recourse_against_a_full_grant_is_refused()
    {
        var submitted = Submissions.Request("MEF");
        await _app.ConsumeAsync(submitted);
        await _officer.MovedAsync(submitted.CaseId, "accept");
        await _officer.MovedAsync(submitted.CaseId, "answer", new { outcome = "granted", text = "Attached." });

        await _app.ActAsync(Acted(submitted, "file-recourse", Wednesday, "I want more."));

        Assert.Contains("granted in full", Assert.Single(await _app.MessagesAsync<CitizenActionRefused>()).Reason, StringComparison.Ordinal);
        Assert.Equal("answered", (await _app.CaseRowAsync(submitted.CaseId))["status"]);
    }

    [Fact]
    public async Task Reopening_a_complaint_restarts_its_sixty_days_and_keeps_the_old_answer_in_the_audit_only()
    {
        var complaint = await AnsweredComplaintAsync();
        var reopenedOn = new DateOnly(2026, 11, 30);
        _app.Clock.Set(At(reopenedOn));

        await _app.ActAsync(Acted(complaint, "reopen", reopenedOn, "Nothing has been repaired."));

        var row = await _app.CaseRowAsync(complaint.CaseId);
        // 60 calendar days after Mon 30 Nov: Fri 29 January 2027, a working day; it was Fri 22 January (from 23 Nov)
        Assert.Equal(("reopened", "2026-11-30", "2027-01-29"), (row["status"], row["clock_starts_on"], row["due_on"]));
        Assert.Equal((null, null, null), (row["outcome"], row["answer_text"], row["answered_on"]));
        // the reminders start over: 5 working days before Fri 29 Jan is Fri 22 Jan
        Assert.Equal(("answer", "2027-01-22", 0L), (row["alert_deadline"], row["next_alert_on"], row["alert_stage"]));
        var audit = (await _app.AuditAsync(complaint.CaseId))[^1];
        Assert.Equal(("reopen", "answered", "reopened", "2027-01-22"), (audit["action"], audit["from_status"], audit["to_status"], audit["previous_due_on"]));
        Assert.Contains("founded", (string)audit["note"]!, StringComparison.Ordinal);
        Assert.Contains("The pavement will be repaired.", (string)audit["note"]!, StringComparison.Ordinal);
        var moved = (await _app.MovesAsync(complaint.CaseId))[^1];
        Assert.Equal(("reopen", 4, new DateOnly(2027, 1, 29), (DateOnly?)new DateOnly(2027, 1, 22)),
            (moved.Trigger, moved.Sequence, moved.DueOn, moved.PreviousDueOn));
    }

    [Fact]
    public async Task Rating_a_complaints_answer_records_it_once()
    {
        var complaint = await AnsweredComplaintAsync();

        await _app.ActAsync(Acted(complaint, "rate", Wednesday, rating: 4));
        await _app.ActAsync(Acted(complaint, "rate", Wednesday, rating: 5)); // one rating per answer

        var row = await _app.CaseRowAsync(complaint.CaseId);
        Assert.Equal(("rated", 4L), (row["status"], row["rating"]));
        var moved = (await _app.MovesAsync(complaint.CaseId))[^1];
        Assert.Equal(("rate", 4, 4), (moved.Trigger, moved.Rating, moved.Sequence));
        Assert.Single(await _app.MessagesAsync<CitizenActionRefused>());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public async Task A_rating_outside_one_to_five_is_refused(int rating)
    {
        var complaint = await AnsweredComplaintAsync();

        await _app.ActAsync(Acted(complaint, "rate", Wednesday, rating: rating));

        Assert.Contains("1 to 5", Assert.Single(await _app.MessagesAsync<CitizenActionRefused>()).Reason, StringComparison.Ordinal);
        Assert.Equal("answered", (await _app.CaseRowAsync(complaint.CaseId))["status"]);
    }

    [Fact]
    public async Task Reopening_an_information_request_is_refused()
    {
        var submitted = await RefusedOnMondayAsync();

        await _app.ActAsync(Acted(submitted, "reopen", Wednesday, "Again."));

        Assert.Contains("answered", Assert.Single(await _app.MessagesAsync<CitizenActionRefused>()).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Withdrawing_closes_the_case_with_its_reason()
    {
        var submitted = Submissions.Request("MEF");
        await _app.ConsumeAsync(submitted);

        await _app.ActAsync(Acted(submitted, "withdraw", Monday));

        var row = await _app.CaseRowAsync(submitted.CaseId);
        Assert.Equal(("closed", ApplyCitizenActionConsumer.Withdrawn), (row["status"], row["close_reason"]));
        Assert.Equal(("close", "citizen"), ((await _app.MovesAsync(submitted.CaseId))[^1].Trigger, (await _app.MovesAsync(submitted.CaseId))[^1].Actor));
    }

    [Fact]
    public async Task An_action_on_an_unknown_case_is_recorded_and_ignored()
    {
        var unknown = Submissions.Request("MEF");

        await _app.ActAsync(Acted(unknown, "withdraw", Monday));

        // only the directory and the calendar of start-up
        Assert.Equal(0, await _app.CountAsync("outbox_messages", "message_type NOT LIKE '%BodyDirectoryPublished' AND message_type NOT LIKE '%CalendarPublished'"));
        Assert.Equal(1, await _app.CountAsync("inbox_messages", $"consumer = '{nameof(ApplyCitizenActionConsumer)}'"));
    }

    /// <summary>An information request received, accepted and refused on Monday 23 Nov: the recourse window ends Mon 21 Dec.</summary>
    private async Task<RequestSubmitted> RefusedOnMondayAsync()
    {
        var submitted = Submissions.Request("MEF");
        await _app.ConsumeAsync(submitted);
        await _officer.MovedAsync(submitted.CaseId, "accept");
        await _officer.MovedAsync(submitted.CaseId, "answer",
            new { outcome = "refused", refusalGround = "private-life", text = "Personal data of third parties." });
        return submitted;
    }

    /// <summary>A complaint received Monday 23 Nov (due Fri 22 Jan 2027, 60 days on), accepted and answered the same day.</summary>
    private async Task<RequestSubmitted> AnsweredComplaintAsync()
    {
        var complaint = Complaint("MEF");
        await _app.ConsumeAsync(complaint);
        await _officer.MovedAsync(complaint.CaseId, "accept");
        await _officer.MovedAsync(complaint.CaseId, "answer", new { outcome = "founded", text = "The pavement will be repaired." });
        return complaint;
    }
}
