using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Requests.ServiceDefaults.Auth;
using static Requests.Routing.Tests.Cases.CaseTesting;

namespace Requests.Routing.Tests.Cases;

// Officers and heads see every case of their bodies and nothing of the others; the ministry reads all and acts on
// none; only a head (or an administrator) answers a recourse.
public sealed class Seeing_and_acting_on_cases : IDisposable
{
    private readonly RoutingApp _app = new();

    public void Dispose() => _app.Dispose();

    /// <summary>Every action with a body it would accept, so that only access decides the answer.</summary>
    public static TheoryData<string, object> EveryAction => new()
    {
        { "accept", new { } },
        { "ask-clarification", new { question = "Which year?" } },
        { "receive-clarification", new { answer = "2025." } },
        { "extend", new { reasons = "Archives to search." } },
        { "answer", new { outcome = "granted", text = "Attached." } },
        { "redirect", new { bodyCode = "MEF", reasons = "Theirs." } },
        { "close", new { reason = "Duplicate filing." } },
        { "reassign", new { officerId = "CNSS-O2" } },
        { "answer-recourse", new { outcome = "granted", text = "Attached." } },
    };

    [Theory]
    [MemberData(nameof(EveryAction))]
    public async Task An_officer_gets_404_for_another_bodys_case_on_every_action(string action, object body)
    {
        var cnss = Submissions.Request("CNSS");
        await _app.ConsumeAsync(cnss);
        var officer = await _app.SignInAsync(StaffRoles.Officer, "MEF-O1");
        var before = await _app.SnapshotAsync(cnss.CaseId);

        var response = await officer.MoveAsync(cnss.CaseId, action, body);

        // the same answer as for a case that does not exist: nothing says it does
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await _app.SnapshotAsync(cnss.CaseId));
    }

    [Fact]
    public async Task An_officer_cannot_read_another_bodys_case_nor_see_it_in_the_queue()
    {
        var mef = Submissions.Request("MEF");
        var cnss = Submissions.Request("CNSS");
        await _app.ConsumeAsync(mef);
        await _app.ConsumeAsync(cnss);
        var officer = await _app.SignInAsync(StaffRoles.Officer, "MEF-O1");

        var read = await officer.GetAsync($"/api/cases/{cnss.CaseId}");
        var unknown = await officer.GetAsync($"/api/cases/{Guid.NewGuid()}");
        var queue = await officer.GetFromJsonAsync<JsonElement>("/api/queue?status=assigned,closed");
        var asked = await officer.GetAsync("/api/queue?body=CNSS");

        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal((await unknown.JsonAsync()).GetProperty("title").GetString(), (await read.JsonAsync()).GetProperty("title").GetString());
        Assert.Equal([mef.CaseId], CaseIds(queue));
        Assert.Equal(HttpStatusCode.BadRequest, asked.StatusCode);
    }

    [Fact]
    public async Task An_officer_sees_and_works_every_case_of_their_body_not_only_their_own()
    {
        var first = Submissions.Request("MEF");
        var second = Submissions.Request("MEF");
        await _app.ConsumeAsync(first); // to MEF-O1
        await _app.ConsumeAsync(second); // to MEF-O2
        var officer = await _app.SignInAsync(StaffRoles.Officer, "MEF-O1");

        var queue = await officer.GetFromJsonAsync<JsonElement>("/api/queue");
        var view = await officer.MovedAsync(second.CaseId, "accept");

        Assert.Equal(new[] { first.CaseId, second.CaseId }.Order(), CaseIds(queue).Order());
        Assert.Equal("accepted", view.GetProperty("status").GetString());
        Assert.Equal("MEF-O2", view.GetProperty("assignedOfficerId").GetString());
    }

    [Fact]
    public async Task The_ministry_reads_every_body_and_acts_on_none()
    {
        var mef = Submissions.Request("MEF");
        var cnss = Submissions.Request("CNSS");
        await _app.ConsumeAsync(mef);
        await _app.ConsumeAsync(cnss);
        var ministry = await _app.SignInAsync(StaffRoles.Ministry);
        var before = await _app.SnapshotAsync(cnss.CaseId);

        var queue = await ministry.GetFromJsonAsync<JsonElement>("/api/queue");
        var view = await ministry.GetFromJsonAsync<JsonElement>($"/api/cases/{cnss.CaseId}");
        var accept = await ministry.MoveAsync(cnss.CaseId, "accept");

        Assert.Equal([mef.CaseId, cnss.CaseId], CaseIds(queue).OrderBy(id => id == cnss.CaseId));
        Assert.Empty(view.GetProperty("allowedActions").EnumerateArray());
        Assert.Equal(HttpStatusCode.Forbidden, accept.StatusCode);
        Assert.Equal("application/problem+json", accept.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await _app.SnapshotAsync(cnss.CaseId));
    }

    [Fact]
    public async Task An_administrator_reads_and_acts_on_every_body()
    {
        var cnss = Submissions.Request("CNSS");
        await _app.ConsumeAsync(cnss);
        var admin = await _app.SignInAdminAsync();

        var view = await admin.MovedAsync(cnss.CaseId, "accept");

        Assert.Equal("accepted", view.GetProperty("status").GetString());
        var moved = Assert.Single(await _app.MovesAsync(cnss.CaseId));
        Assert.Equal("admin", moved.ActorRole);
    }

    [Fact]
    public async Task Only_the_head_of_the_body_answers_a_recourse()
    {
        var submitted = Submissions.Request("MEF");
        await _app.ConsumeAsync(submitted);
        var officer = await _app.SignInAsync(StaffRoles.Officer, "MEF-O1");
        await officer.MovedAsync(submitted.CaseId, "accept");
        await officer.MovedAsync(submitted.CaseId, "answer",
            new { outcome = "refused", refusalGround = "private-life", text = "Personal data of third parties." });
        await _app.ActAsync(Acted(submitted, "file-recourse", Monday, "The data can be anonymised."));
        var head = await _app.SignInAsync(StaffRoles.Head, "MEF-H");
        var otherHead = await _app.SignInAsync(StaffRoles.Head, "CNSS-H");
        var recourse = new { outcome = "partially-granted", refusalGround = "private-life", text = "Anonymised tables attached; names withheld." };

        var officersView = await officer.GetFromJsonAsync<JsonElement>($"/api/cases/{submitted.CaseId}");
        var byOfficer = await officer.MoveAsync(submitted.CaseId, "answer-recourse", recourse);
        var byOtherHead = await otherHead.MoveAsync(submitted.CaseId, "answer-recourse", recourse);
        var headsView = await head.GetFromJsonAsync<JsonElement>($"/api/cases/{submitted.CaseId}");
        var answered = await head.MovedAsync(submitted.CaseId, "answer-recourse", recourse);

        Assert.DoesNotContain("answer-recourse", Actions(officersView));
        Assert.Equal(HttpStatusCode.Forbidden, byOfficer.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, byOtherHead.StatusCode);
        Assert.Contains("answer-recourse", Actions(headsView));
        Assert.Equal("recourse-answered", answered.GetProperty("status").GetString());
        Assert.Equal("partially-granted", answered.GetProperty("recourseOutcome").GetString());
        var last = (await _app.MovesAsync(submitted.CaseId))[^1];
        Assert.Equal(("answer-recourse", "under-recourse", "recourse-answered", 5, "head"),
            (last.Trigger, last.FromStatus, last.ToStatus, last.Sequence, last.ActorRole));
        Assert.Equal(("partially-granted", "private-life"), (last.Outcome, last.RefusalGround));
    }

    [Fact]
    public async Task Without_a_token_the_queue_and_the_cases_answer_401()
    {
        var submitted = Submissions.Request("MEF");
        await _app.ConsumeAsync(submitted);
        var anonymous = _app.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/queue")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/cases/{submitted.CaseId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.MoveAsync(submitted.CaseId, "accept")).StatusCode);
        Assert.Equal(1, (long)(await _app.CaseRowAsync(submitted.CaseId))["version"]!);
    }

    private static List<Guid> CaseIds(JsonElement queue) =>
        [.. queue.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("caseId").GetGuid())];

    private static List<string> Actions(JsonElement view) =>
        [.. view.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()!)];
}
