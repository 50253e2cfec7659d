using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Requests.Contracts.Intake;
using Requests.ServiceDefaults.Auth;
using static Requests.Routing.Tests.Cases.CaseTesting;

namespace Requests.Routing.Tests.Cases;

// An information request received on Monday 23 November 2026 is due on Monday 21 December: the 20th working day
// after day zero (Tue 24 Nov ... Mon 21 Dec; no holiday in between). The case is assigned to MEF-O1 (version 1).
public sealed class Moving_a_case : IAsyncLifetime, IDisposable
{
    private readonly RoutingApp _app = new();
    private readonly RequestSubmitted _submitted = Submissions.Request("MEF");
    private HttpClient _officer = null!;

    private Guid Id => _submitted.CaseId;

    public async Task InitializeAsync()
    {
        await _app.ConsumeAsync(_submitted);
        _officer = await _app.SignInAsync(StaffRoles.Officer, "MEF-O1");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Accepting_records_who_did_it_and_publishes_the_move_with_the_next_sequence()
    {
        var view = await _officer.MovedAsync(Id, "accept");

        Assert.Equal(("accepted", 2), (view.GetProperty("status").GetString(), view.GetProperty("version").GetInt32()));
        var audit = (await _app.AuditAsync(Id))[^1];
        Assert.Equal(("accept", "assigned", "accepted", "MEF-O1"), (audit["action"], audit["from_status"], audit["to_status"], audit["officer_id"]));
        Assert.StartsWith("officer-MEF-O1", (string)audit["actor"]!, StringComparison.Ordinal);
        Assert.Null(audit["previous_due_on"]);
        var moved = Assert.Single(await _app.MovesAsync(Id));
        Assert.Equal((2, "accept", "assigned", "accepted", "officer", Monday, new DateOnly(2026, 12, 21), (DateOnly?)null),
            (moved.Sequence, moved.Trigger, moved.FromStatus, moved.ToStatus, moved.ActorRole, moved.OccurredOn, moved.DueOn, moved.PreviousDueOn));
        Assert.Equal(RoutingApp.DefaultNow, moved.At);
        // the table's moves from accepted, less the deadline sweep's
        Assert.Equal(["reassign", "ask-clarification", "extend", "answer", "redirect", "close"], Actions(view));
    }

    [Fact]
    public async Task Extending_moves_the_due_date_by_twenty_working_days_and_restarts_the_reminders()
    {
        await _officer.MovedAsync(Id, "accept");

        var view = await _officer.MovedAsync(Id, "extend", new { reasons = "The reports are in the regional archives." });

        // 20 more working days after Mon 21 Dec: Fri 1 Jan (New Year), Mon 11 Jan (Independence Manifesto) and
        // Thu 14 Jan (Yennayer) are holidays, so the 40th working day after day zero is Thursday 21 January 2027
        Assert.Equal(("extended", "2027-01-21"), (view.GetProperty("status").GetString(), view.GetProperty("dueOn").GetString()));
        var row = await _app.CaseRowAsync(Id);
        Assert.Equal("The reports are in the regional archives.", row["extension_reasons"]);
        // first reminder 5 working days before: Wed 13 Jan (14, 15, 18, 19, 20, 21 less the holiday on the 14th)
        Assert.Equal(("2027-01-13", 0L), (row["next_alert_on"], row["alert_stage"]));
        var audit = (await _app.AuditAsync(Id))[^1];
        Assert.Equal(("extend", "2026-12-21"), (audit["action"], audit["previous_due_on"]));
        var moved = (await _app.MovesAsync(Id))[^1];
        Assert.Equal((3, new DateOnly(2027, 1, 21), (DateOnly?)new DateOnly(2026, 12, 21), "The reports are in the regional archives."),
            (moved.Sequence, moved.DueOn, moved.PreviousDueOn, moved.Text));
    }

    [Fact]
    public async Task Extending_twice_is_a_409_naming_the_status_and_changes_nothing()
    {
        await _officer.MovedAsync(Id, "accept");
        await _officer.MovedAsync(Id, "extend", new { reasons = "Archives." });
        var before = await _app.SnapshotAsync(Id);

        var response = await _officer.MoveAsync(Id, "extend", new { reasons = "More archives." });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.JsonAsync();
        Assert.Equal(("extended", "extend"), (problem.GetProperty("caseStatus").GetString(), problem.GetProperty("action").GetString()));
        Assert.Contains("extended", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await _app.SnapshotAsync(Id));
    }

    [Fact]
    public async Task Extending_after_the_due_date_is_a_422_and_changes_nothing()
    {
        await _officer.MovedAsync(Id, "accept");
        _officer = await _app.TodayIsAsync(new(2026, 12, 22), StaffRoles.Officer, "MEF-O1"); // the day after the due date
        var before = await _app.SnapshotAsync(Id);

        var response = await _officer.MoveAsync(Id, "extend", new { reasons = "Archives." });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("2026-12-21", (await response.JsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await _app.SnapshotAsync(Id));
    }

    [Fact]
    public async Task A_refusal_names_its_ground_and_opens_the_recourse_window()
    {
        await _officer.MovedAsync(Id, "accept");

        var view = await _officer.MovedAsync(Id, "answer",
            new { outcome = "refused", refusalGround = "private-life", text = "The reports name private persons." });

        Assert.Equal(("answered", "refused", "private-life", "2026-11-23"),
            (view.GetProperty("status").GetString(), view.GetProperty("outcome").GetString(),
                view.GetProperty("refusalGround").GetString(), view.GetProperty("answeredOn").GetString()));
        // 20 working days from the answer's receipt on Mon 23 Nov: Mon 21 Dec
        Assert.Equal("2026-12-21", view.GetProperty("recourseLastDay").GetString());
        var row = await _app.CaseRowAsync(Id);
        Assert.Null(row["next_alert_on"]); // nothing is owed: no reminders
        var moved = (await _app.MovesAsync(Id))[^1];
        Assert.Equal((3, "refused", "private-life", "The reports name private persons.", (DateOnly?)new DateOnly(2026, 12, 21)),
            (moved.Sequence, moved.Outcome, moved.RefusalGround, moved.Text, moved.RecourseLastDay));
    }

    [Fact]
    public async Task A_full_grant_leaves_nothing_to_contest()
    {
        await _officer.MovedAsync(Id, "accept");

        var view = await _officer.MovedAsync(Id, "answer", new { outcome = "granted", text = "The reports are attached." });

        Assert.Equal(JsonValueKind.Null, view.GetProperty("recourseLastDay").ValueKind);
        Assert.Null((await _app.MovesAsync(Id))[^1].RecourseLastDay);
    }

    public static TheoryData<object, string> Unlawful_answers => new()
    {
        { new { outcome = "refused", text = "No." }, "ground" }, // a refusal names its legal ground
        { new { outcome = "refused", refusalGround = "private-life", text = " " }, "reasons" }, // ... and its reasons
        { new { outcome = "granted", refusalGround = "private-life", text = "Here." }, "grant" }, // a grant refuses nothing
        { new { outcome = "refused", refusalGround = "not-held", text = "We do not have it." }, "not-held" },
        { new { outcome = "founded", text = "Yes." }, "outcome" }, // a complaint's outcome on an information request
        { new { outcome = "refused", refusalGround = "too-busy", text = "No." }, "too-busy" },
    };

    [Theory]
    [MemberData(nameof(Unlawful_answers))]
    public async Task An_unlawful_answer_is_a_422_and_changes_nothing(object body, string said)
    {
        await _officer.MovedAsync(Id, "accept");
        var before = await _app.SnapshotAsync(Id);

        var response = await _officer.MoveAsync(Id, "answer", body);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(said, (await response.JsonAsync()).GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, await _app.SnapshotAsync(Id));
    }

    [Fact]
    public async Task Answering_a_closed_case_is_a_409()
    {
        await _officer.MovedAsync(Id, "close", new { reason = "A duplicate of DAI-2026-000001." });
        var before = await _app.SnapshotAsync(Id);

        var response = await _officer.MoveAsync(Id, "answer", new { outcome = "granted", text = "Here." });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("closed", (await response.JsonAsync()).GetProperty("caseStatus").GetString());
        Assert.Equal(before, await _app.SnapshotAsync(Id));
    }

    [Fact]
    public async Task Answering_before_accepting_is_a_409()
    {
        var response = await _officer.MoveAsync(Id, "answer", new { outcome = "granted", text = "Here." });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("assigned", (await response.JsonAsync()).GetProperty("caseStatus").GetString());
    }

    [Fact]
    public async Task Closing_files_the_case_away_with_its_reason()
    {
        var view = await _officer.MovedAsync(Id, "close", new { reason = "A duplicate of DAI-2026-000001." });

        Assert.Equal(("closed", "A duplicate of DAI-2026-000001."),
            (view.GetProperty("status").GetString(), view.GetProperty("closeReason").GetString()));
        Assert.Empty(view.GetProperty("allowedActions").EnumerateArray());
        var moved = Assert.Single(await _app.MovesAsync(Id));
        Assert.Equal(("close", "assigned", "closed", "A duplicate of DAI-2026-000001."), (moved.Trigger, moved.FromStatus, moved.ToStatus, moved.Text));
        Assert.Null((await _app.CaseRowAsync(Id))["next_alert_on"]);
    }

    [Fact]
    public async Task Redirecting_names_the_competent_body_for_intake_to_file_the_linked_case()
    {
        var view = await _officer.MovedAsync(Id, "redirect", new { bodyCode = "CNSS", reasons = "Pensions are the CNSS's." });

        Assert.Equal(("redirected", "CNSS"), (view.GetProperty("status").GetString(), view.GetProperty("redirectedTo").GetString()));
        var moved = Assert.Single(await _app.MovesAsync(Id));
        Assert.Equal(("redirect", "CNSS", "Pensions are the CNSS's."), (moved.Trigger, moved.RedirectedTo, moved.Text));
        Assert.Equal("to CNSS: Pensions are the CNSS's.", (await _app.AuditAsync(Id))[^1]["note"]);
    }

    [Theory]
    [InlineData("MEF")] // the case is already there
    [InlineData("NOPE")] // no such body
    public async Task Redirecting_to_the_same_or_an_unknown_body_is_a_422(string bodyCode)
    {
        var before = await _app.SnapshotAsync(Id);

        var response = await _officer.MoveAsync(Id, "redirect", new { bodyCode, reasons = "Not ours." });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty("bodyCode", out _));
        Assert.Equal(before, await _app.SnapshotAsync(Id));
    }

    [Fact]
    public async Task Reassigning_hands_the_case_to_another_officer_of_the_body()
    {
        var view = await _officer.MovedAsync(Id, "reassign", new { officerId = "MEF-S1" });

        Assert.Equal(("assigned", "MEF-S1"), (view.GetProperty("status").GetString(), view.GetProperty("assignedOfficerId").GetString()));
        var audit = (await _app.AuditAsync(Id))[^1];
        Assert.Equal(("assign", "assigned", "assigned", "MEF-S1"), (audit["action"], audit["from_status"], audit["to_status"], audit["officer_id"]));
        var moved = Assert.Single(await _app.MovesAsync(Id));
        Assert.Equal(("assign", "MEF-S1", 2), (moved.Trigger, moved.OfficerId, moved.Sequence));
    }

    [Fact]
    public async Task Reassigning_to_an_officer_of_another_body_is_a_422()
    {
        var before = await _app.SnapshotAsync(Id);

        var response = await _officer.MoveAsync(Id, "reassign", new { officerId = "CNSS-O1" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty("officerId", out _));
        Assert.Equal(before, await _app.SnapshotAsync(Id));
    }

    [Theory]
    [InlineData("ask-clarification", "question")]
    [InlineData("receive-clarification", "answer")]
    [InlineData("extend", "reasons")]
    [InlineData("answer", "outcome")]
    [InlineData("redirect", "bodyCode")]
    [InlineData("close", "reason")]
    [InlineData("reassign", "officerId")]
    [InlineData("answer-recourse", "outcome")]
    public async Task A_missing_field_is_a_400_naming_it_and_changes_nothing(string action, string field)
    {
        var admin = await _app.SignInAdminAsync(); // may make every move: only the field is at fault
        var before = await _app.SnapshotAsync(Id);

        var response = await admin.MoveAsync(Id, action, new { });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty(field, out _));
        Assert.Equal(before, await _app.SnapshotAsync(Id));
    }

    [Theory]
    [InlineData("{\"reasons\": ", "$")] // cut short
    [InlineData("{\"reasons\": 5}", "reasons")] // not a string
    [InlineData("{\"reasonz\": \"Archives.\"}", "reasonz")] // not a field of any action
    public async Task Malformed_json_is_a_400_naming_the_field(string json, string field)
    {
        await _officer.MovedAsync(Id, "accept");
        var before = await _app.SnapshotAsync(Id);

        var response = await _officer.PostAsync($"/api/cases/{Id}/extend", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        Assert.True(field == "$" || errors.TryGetProperty(field, out _), errors.ToString());
        Assert.Equal(before, await _app.SnapshotAsync(Id));
    }

    [Fact]
    public async Task A_move_that_loses_a_race_is_a_409_and_writes_nothing()
    {
        // as if another instance had moved the case between our read and our write: the update finds no row at
        // the version read (RAISE(IGNORE) skips it), which is how EF sees a concurrency conflict
        await using (var connection = _app.OpenDatabase())
        {
            var command = connection.CreateCommand();
            command.CommandText = "CREATE TRIGGER lose_the_race BEFORE UPDATE ON cases BEGIN SELECT RAISE(IGNORE); END";
            await command.ExecuteNonQueryAsync();
        }
        var before = await _app.SnapshotAsync(Id);

        var response = await _officer.MoveAsync(Id, "accept");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("The case changed meanwhile.", (await response.JsonAsync()).GetProperty("title").GetString());
        Assert.Equal(before, await _app.SnapshotAsync(Id));
    }

    [Fact]
    public async Task An_unknown_action_is_a_404()
    {
        var response = await _officer.MoveAsync(Id, "approve");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_case_view_carries_the_audit_trail_and_the_pauses()
    {
        await _officer.MovedAsync(Id, "accept");
        await _officer.MovedAsync(Id, "ask-clarification", new { question = "Which quarter?" });

        var view = await _officer.GetFromJsonAsync<JsonElement>($"/api/cases/{Id}");

        Assert.Equal(["assign", "accept", "ask-clarification"],
            view.GetProperty("audit").EnumerateArray().Select(a => a.GetProperty("action").GetString()!));
        var pause = Assert.Single(view.GetProperty("pauses").EnumerateArray());
        Assert.Equal(("2026-11-23", "Which quarter?"), (pause.GetProperty("startsOn").GetString(), pause.GetProperty("question").GetString()));
        Assert.Equal(JsonValueKind.Null, view.GetProperty("workingDaysLeft").ValueKind); // the clock is paused
        Assert.Equal(["reassign", "receive-clarification", "answer", "redirect", "close"], Actions(view));
    }

    private static List<string> Actions(JsonElement view) =>
        [.. view.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()!)];
}
