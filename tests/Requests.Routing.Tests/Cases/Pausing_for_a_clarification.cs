using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Requests.Contracts.Intake;
using Requests.ServiceDefaults.Auth;
using static Requests.Routing.Tests.Cases.CaseTesting;

namespace Requests.Routing.Tests.Cases;

// Received Monday 23 November 2026, due Monday 21 December (20 working days). The officer asks on Friday 27 November;
// the answer comes on Tuesday 1 December. The clock stops on both days and those between: Fri 27, Mon 30 Nov and
// Tue 1 Dec are 3 working days (the weekend was not counted anyway), added back: Tue 22, Wed 23, Thu 24 December.
public sealed class Pausing_for_a_clarification : IAsyncLifetime, IDisposable
{
    private static readonly DateOnly AskedOn = new(2026, 11, 27);
    private static readonly DateOnly AnsweredOn = new(2026, 12, 1);
    private readonly RoutingApp _app = new();
    private readonly RequestSubmitted _submitted = Submissions.Request("MEF");
    private HttpClient _officer = null!;

    public async Task InitializeAsync()
    {
        await _app.ConsumeAsync(_submitted);
        _officer = await _app.SignInAsync(StaffRoles.Officer, "MEF-O1");
        await _officer.MovedAsync(_submitted.CaseId, "accept");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _app.Dispose();

    private async Task TodayIsAsync(DateOnly day) => _officer = await _app.TodayIsAsync(day, StaffRoles.Officer, "MEF-O1");

    [Fact]
    public async Task Asking_stops_the_clock_and_the_reminders()
    {
        await TodayIsAsync(AskedOn);

        var view = await _officer.MovedAsync(_submitted.CaseId, "ask-clarification", new { question = "Which quarters?" });

        Assert.Equal(("awaiting-clarification", "2026-11-27"), (view.GetProperty("status").GetString(), view.GetProperty("pausedSince").GetString()));
        var pause = Assert.Single(await _app.QueryAsync($"SELECT * FROM case_pauses WHERE case_id = '{_submitted.CaseId}'"));
        Assert.Equal(("2026-11-27", null, "Which quarters?"), (pause["starts_on"], pause["ends_on"], pause["question"]));
        var row = await _app.CaseRowAsync(_submitted.CaseId);
        Assert.Equal((null, null), (row["alert_deadline"], row["next_alert_on"]));
        var moved = (await _app.MovesAsync(_submitted.CaseId))[^1];
        Assert.Equal(("ask-clarification", "Which quarters?", 3), (moved.Trigger, moved.Text, moved.Sequence));
        var item = Assert.Single((await _officer.GetFromJsonAsync<JsonElement>("/api/queue")).GetProperty("items").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, item.GetProperty("workingDaysLeft").ValueKind);
    }

    [Fact]
    public async Task The_answer_moves_the_due_date_by_the_paused_working_days()
    {
        await TodayIsAsync(AskedOn);
        await _officer.MovedAsync(_submitted.CaseId, "ask-clarification", new { question = "Which quarters?" });
        await TodayIsAsync(AnsweredOn);

        var view = await _officer.MovedAsync(_submitted.CaseId, "receive-clarification", new { answer = "Q1 to Q3 2026." });

        Assert.Equal(("accepted", "2026-12-24"), (view.GetProperty("status").GetString(), view.GetProperty("dueOn").GetString()));
        Assert.Equal(JsonValueKind.Null, view.GetProperty("pausedSince").ValueKind);
        var pause = Assert.Single(view.GetProperty("pauses").EnumerateArray());
        Assert.Equal(("2026-11-27", "2026-12-01", "Q1 to Q3 2026."),
            (pause.GetProperty("startsOn").GetString(), pause.GetProperty("endsOn").GetString(), pause.GetProperty("answer").GetString()));
        // 17 working days from Tue 1 Dec to Thu 24 Dec: as many as were left on Thu 26 Nov, the last day before the pause
        Assert.Equal(17, view.GetProperty("workingDaysLeft").GetInt32());
        var audit = (await _app.AuditAsync(_submitted.CaseId))[^1];
        Assert.Equal(("receive-clarification", "2026-12-21", "Q1 to Q3 2026."), (audit["action"], audit["previous_due_on"], audit["note"]));
        var moved = (await _app.MovesAsync(_submitted.CaseId))[^1];
        Assert.Equal((4, new DateOnly(2026, 12, 24), (DateOnly?)new DateOnly(2026, 12, 21)), (moved.Sequence, moved.DueOn, moved.PreviousDueOn));
        // the reminders start again: 5 working days before Thu 24 Dec is Thu 17 Dec
        var row = await _app.CaseRowAsync(_submitted.CaseId);
        Assert.Equal(("answer", "2026-12-17", 0L), (row["alert_deadline"], row["next_alert_on"], row["alert_stage"]));
    }

    [Fact]
    public async Task The_requesters_clarification_through_intake_does_the_same()
    {
        await TodayIsAsync(AskedOn);
        await _officer.MovedAsync(_submitted.CaseId, "ask-clarification", new { question = "Which quarters?" });
        await TodayIsAsync(AnsweredOn);

        await _app.ActAsync(Acted(_submitted, "clarify", AnsweredOn, "Q1 to Q3 2026."));

        var row = await _app.CaseRowAsync(_submitted.CaseId);
        Assert.Equal(("accepted", "2026-12-24"), (row["status"], row["due_on"]));
        var moved = (await _app.MovesAsync(_submitted.CaseId))[^1];
        Assert.Equal(("receive-clarification", "citizen", "citizen"), (moved.Trigger, moved.Actor, moved.ActorRole));
    }

    [Fact]
    public async Task The_clock_cannot_stop_once_it_has_run_out()
    {
        await TodayIsAsync(new(2026, 12, 22)); // the day after the due date; the sweep has not been by yet
        var before = await _app.SnapshotAsync(_submitted.CaseId);

        var response = await _officer.MoveAsync(_submitted.CaseId, "ask-clarification", new { question = "Which quarters?" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(before, await _app.SnapshotAsync(_submitted.CaseId));
    }

    [Fact]
    public async Task An_answer_without_the_clarification_ends_the_pause()
    {
        await TodayIsAsync(AskedOn);
        await _officer.MovedAsync(_submitted.CaseId, "ask-clarification", new { question = "Which quarters?" });
        await TodayIsAsync(AnsweredOn);

        var view = await _officer.MovedAsync(_submitted.CaseId, "answer",
            new { outcome = "refused", refusalGround = "unclear-request", text = "No period was given." });

        // the final due date counts the pause, as for a clarification received: the answer came in time
        Assert.Equal(("answered", "2026-12-24"), (view.GetProperty("status").GetString(), view.GetProperty("dueOn").GetString()));
        Assert.Equal("2026-12-01", Assert.Single(view.GetProperty("pauses").EnumerateArray()).GetProperty("endsOn").GetString());
    }
}
