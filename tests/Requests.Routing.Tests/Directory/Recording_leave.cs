using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Requests.ServiceDefaults.Auth;

namespace Requests.Routing.Tests;

public sealed class Recording_leave : IDisposable
{
    private readonly RoutingApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Records_leave_so_that_new_cases_go_to_someone_present()
    {
        var admin = await _app.SignInAsync(StaffRoles.Admin);

        var response = await admin.PostAsJsonAsync("/api/directory/officers/mef-o1/leaves", new { startsOn = "2026-11-23", endsOn = "2026-11-27" });
        await admin.PostAsJsonAsync("/api/directory/officers/MEF-O2/leaves", new { startsOn = "2026-11-16", endsOn = "2026-11-23" });
        var submitted = Submissions.Request("MEF", new DateOnly(2026, 11, 23));
        await _app.ConsumeAsync(submitted);

        var leave = await AdminAnswers.JsonAsync(response, HttpStatusCode.Created);
        Assert.Equal(("MEF-O1", "2026-11-23", "2026-11-27"), (Text(leave, "officerId"), Text(leave, "startsOn"), Text(leave, "endsOn")));
        // both designated officers are away on the day of receipt: MEF-O1's substitute takes the case
        Assert.Equal("MEF-S1", Assert.Single(await _app.QueryAsync($"SELECT assigned_officer_id FROM cases WHERE id = '{submitted.CaseId}'"))["assigned_officer_id"]);
        var officer = await _app.SignInAsync(StaffRoles.Officer, "MEF-S1");
        var listed = await AdminAnswers.JsonAsync(await officer.GetAsync("/api/directory/officers/MEF-O1/leaves"), HttpStatusCode.OK);
        Assert.Equal(leave.GetProperty("id").GetInt64(), Assert.Single(listed.EnumerateArray()).GetProperty("id").GetInt64());
        Assert.Equal(3, (await DirectoryOutbox.SnapshotsAsync(_app)).Count);
    }

    [Fact]
    public async Task Removes_a_period_of_leave()
    {
        var admin = await _app.SignInAsync(StaffRoles.Admin);
        var leave = await AdminAnswers.JsonAsync(await admin.PostAsJsonAsync("/api/directory/officers/MEF-O1/leaves",
            new { startsOn = "2026-12-01", endsOn = "2026-12-01" }), HttpStatusCode.Created); // one day: both days included
        var id = leave.GetProperty("id").GetInt64();

        var otherOfficer = await admin.DeleteAsync($"/api/directory/officers/MEF-O2/leaves/{id}");
        var removed = await admin.DeleteAsync($"/api/directory/officers/MEF-O1/leaves/{id}");
        var again = await admin.DeleteAsync($"/api/directory/officers/MEF-O1/leaves/{id}");

        await AdminAnswers.ProblemAsync(otherOfficer, HttpStatusCode.NotFound);
        await AdminAnswers.JsonAsync(removed, HttpStatusCode.NoContent);
        await AdminAnswers.ProblemAsync(again, HttpStatusCode.NotFound);
        Assert.Equal(0, (await admin.GetFromJsonAsync<JsonElement>("/api/directory/officers/MEF-O1/leaves")).GetArrayLength());
        Assert.Equal(3, (await DirectoryOutbox.SnapshotsAsync(_app)).Count); // start-up, the leave, its removal
    }

    [Fact]
    public async Task Shows_leave_to_staff_and_lets_only_administrators_change_it()
    {
        var officer = await _app.SignInAsync(StaffRoles.Officer, "MEF-O2");
        var anonymous = _app.CreateClient();
        var leave = new { startsOn = "2026-12-01", endsOn = "2026-12-02" };

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/directory/officers/MEF-O1/leaves")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/directory/officers/MEF-O1/leaves", leave)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostAsJsonAsync("/api/directory/officers/MEF-O1/leaves", leave)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync("/api/directory/officers/MEF-O1/leaves")).StatusCode);
        Assert.Equal(0, await _app.CountAsync("officer_leaves"));
    }

    private static string? Text(JsonElement element, string name) => element.GetProperty(name).GetString();
}
