using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Requests.ServiceDefaults.Auth;

namespace Requests.Routing.Tests;

public sealed class Changing_officers : IDisposable
{
    private readonly RoutingApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Designates_an_officer_and_a_substitute_for_them()
    {
        var admin = await _app.SignInAsync(StaffRoles.Admin);

        var officer = await admin.PostAsJsonAsync("/api/directory/officers", Officer("mef-o3", "designated"));
        var substitute = await admin.PostAsJsonAsync("/api/directory/officers", Officer("MEF-S3", "substitute", substituteOf: "MEF-O3"));

        var created = await AdminAnswers.JsonAsync(officer, HttpStatusCode.Created);
        Assert.Equal("/api/directory/officers/MEF-O3", officer.Headers.Location?.OriginalString);
        Assert.Equal(("MEF-O3", "MEF", "leila.amrani@mef.gov.ma"), (Text(created, "id"), Text(created, "bodyCode"), Text(created, "email")));
        await AdminAnswers.JsonAsync(substitute, HttpStatusCode.Created);
        var body = await admin.GetFromJsonAsync<JsonElement>("/api/directory/bodies/MEF");
        Assert.Equal(["MEF-O1", "MEF-O2", "MEF-O3"], body.GetProperty("officers").EnumerateArray().Select(o => Text(o, "id")));
        Assert.Contains(body.GetProperty("substitutes").EnumerateArray(), s => Text(s, "id") == "MEF-S3" && Text(s, "substituteOf") == "MEF-O3");
        Assert.Equal(3, (await DirectoryOutbox.SnapshotsAsync(_app)).Count); // start-up, then one per change
    }

    [Fact]
    public async Task Edits_an_officer_within_their_body_and_role_rules()
    {
        var admin = await _app.SignInAsync(StaffRoles.Admin);

        var edited = await AdminAnswers.JsonAsync(await admin.PutAsJsonAsync("/api/directory/officers/MEF-O2",
            Officer("MEF-O2", "designated", name: "Fatima Zahra El Idrissi Alaoui")), HttpStatusCode.OK);
        var sameHead = await admin.PutAsJsonAsync("/api/directory/officers/MEF-H", Officer("MEF-H", "head"));
        var secondHead = await admin.PutAsJsonAsync("/api/directory/officers/MEF-O2", Officer("MEF-O2", "head"));
        // MEF-S1 stands in for MEF-O1, who must stay designated
        var demoted = await admin.PutAsJsonAsync("/api/directory/officers/MEF-O1", Officer("MEF-O1", "substitute", substituteOf: "MEF-O2"));
        var moved = await admin.PutAsJsonAsync("/api/directory/officers/MEF-O2", Officer("MEF-O2", "designated", body: "CNSS"));
        var unknown = await admin.PutAsJsonAsync("/api/directory/officers/NOPE", Officer("NOPE", "designated"));

        Assert.Equal(("Fatima Zahra El Idrissi Alaoui", "leila.amrani@mef.gov.ma"), (Text(edited, "fullName"), Text(edited, "email")));
        await AdminAnswers.JsonAsync(sameHead, HttpStatusCode.OK);
        Assert.Equal(["role"], await AdminAnswers.ErrorFieldsAsync(secondHead, HttpStatusCode.Conflict));
        Assert.Equal(["role"], await AdminAnswers.ErrorFieldsAsync(demoted, HttpStatusCode.Conflict));
        Assert.Equal(["bodyCode"], await AdminAnswers.ErrorFieldsAsync(moved, HttpStatusCode.UnprocessableEntity));
        await AdminAnswers.ProblemAsync(unknown, HttpStatusCode.NotFound);
        var rows = await _app.QueryAsync("SELECT id, role, body_code FROM officers WHERE id IN ('MEF-O1', 'MEF-O2') ORDER BY id");
        Assert.Equal([("MEF-O1", "designated", "MEF"), ("MEF-O2", "designated", "MEF")],
            rows.Select(r => ((string?)r["id"], (string?)r["role"], (string?)r["body_code"])));
        Assert.Equal(3, (await DirectoryOutbox.SnapshotsAsync(_app)).Count); // start-up and the two edits that were made
    }

    [Fact]
    public async Task Removes_an_officer_only_once_their_open_cases_are_done()
    {
        var admin = await _app.SignInAsync(StaffRoles.Admin);
        var first = Submissions.Request("MEF");
        var second = Submissions.Request("MEF"); // the least-loaded officer: MEF-O1, then MEF-O2
        await _app.ConsumeAsync(first);
        await _app.ConsumeAsync(second);
        await AdminAnswers.JsonAsync(await admin.PostAsJsonAsync("/api/directory/officers/MEF-O2/leaves",
            new { startsOn = "2026-12-21", endsOn = "2026-12-31" }), HttpStatusCode.Created);

        var busy = await admin.DeleteAsync("/api/directory/officers/MEF-O2");
        await _app.ChangeAsync(db => db.Cases.Single(c => c.Id == second.CaseId).Status = "answered");
        var done = await admin.DeleteAsync("/api/directory/officers/MEF-O2");
        var standsIn = await admin.DeleteAsync("/api/directory/officers/MEF-O1"); // an open case, and MEF-S1 stands in for them
        var unknown = await admin.DeleteAsync("/api/directory/officers/NOPE");

        Assert.Equal(["id"], await AdminAnswers.ErrorFieldsAsync(busy, HttpStatusCode.Conflict));
        await AdminAnswers.JsonAsync(done, HttpStatusCode.NoContent);
        Assert.Equal(["id"], await AdminAnswers.ErrorFieldsAsync(standsIn, HttpStatusCode.Conflict));
        await AdminAnswers.ProblemAsync(unknown, HttpStatusCode.NotFound);
        Assert.Equal(0, await _app.CountAsync("officers", "id = 'MEF-O2'"));
        Assert.Equal(0, await _app.CountAsync("officer_leaves", "officer_id = 'MEF-O2'"));
        Assert.Equal(1, await _app.CountAsync("officers", "id = 'MEF-O1'"));
        Assert.Equal(3, (await DirectoryOutbox.SnapshotsAsync(_app)).Count); // start-up, the leave, the removal
    }

    private static JsonObject Officer(string id, string role, string? substituteOf = null, string name = "Leila Amrani",
        string body = "MEF") => new()
    {
        ["id"] = id,
        ["bodyCode"] = body,
        ["fullName"] = name,
        ["email"] = "leila.amrani@mef.gov.ma",
        ["role"] = role,
        ["substituteOf"] = substituteOf,
    };

    private static string? Text(JsonElement element, string name) => element.GetProperty(name).GetString();
}
