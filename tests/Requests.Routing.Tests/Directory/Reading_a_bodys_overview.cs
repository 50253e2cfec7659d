using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Requests.Routing.Storage;
using Requests.Routing.Tests.Cases;
using Requests.ServiceDefaults.Auth;

namespace Requests.Routing.Tests;

// Today is Monday 23 November 2026; 5 working days on is Monday 30 November.
public sealed class Reading_a_bodys_overview : IDisposable
{
    private readonly RoutingApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Counts_the_bodys_cases_and_shows_each_officers_load_leave_and_substitute()
    {
        // MEF-O2 is away today: every case goes to MEF-O1
        await _app.ChangeAsync(db => db.OfficerLeaves.Add(new OfficerLeave { OfficerId = "MEF-O2", StartsOn = new(2026, 11, 20), EndsOn = new(2026, 11, 27) }));
        await SubmitAsync(new(2026, 11, 27)); // due soon
        await SubmitAsync(new(2026, 11, 30)); // due soon: the 5th working day
        await SubmitAsync(new(2026, 12, 1)); // later
        await SubmitAsync(new(2026, 11, 19)); // overdue
        var missed = await SubmitAsync(new(2026, 11, 18));
        var recourse = await SubmitAsync(new(2026, 12, 2));
        var paused = await SubmitAsync(new(2026, 11, 24));
        var closed = await SubmitAsync(new(2026, 11, 25));
        await _app.ConsumeAsync(Submissions.Request("CNSS")); // another body
        await _app.ChangeAsync(db =>
        {
            db.Cases.Single(c => c.Id == missed).Status = "deadline-missed";
            var underRecourse = db.Cases.Single(c => c.Id == recourse);
            (underRecourse.Status, underRecourse.RecourseFiledOn, underRecourse.RecourseDueOn) = ("under-recourse", new DateOnly(2026, 11, 20), new DateOnly(2026, 12, 11));
            var waiting = db.Cases.Single(c => c.Id == paused);
            (waiting.Status, waiting.PausedSince) = ("awaiting-clarification", new DateOnly(2026, 11, 20));
            db.Cases.Single(c => c.Id == closed).Status = "closed";
        });
        var head = await _app.SignInAsync(StaffRoles.Head, "MEF-H");

        var overview = await head.GetFromJsonAsync<JsonElement>("/api/bodies/MEF/overview");

        Assert.Equal(("MEF", "2026-11-23"), (overview.GetProperty("code").GetString(), overview.GetProperty("today").GetString()));
        // open: all but the closed one; overdue: due 19 Nov and the missed one (18 Nov); escalated: the missed one
        Assert.Equal((7, 2, 2, 1, 1), (overview.GetProperty("open").GetInt32(), overview.GetProperty("dueSoon").GetInt32(),
            overview.GetProperty("overdue").GetInt32(), overview.GetProperty("escalated").GetInt32(),
            overview.GetProperty("recoursesWaiting").GetInt32()));
        var officers = overview.GetProperty("officers").EnumerateArray().ToDictionary(o => o.GetProperty("id").GetString()!);
        Assert.Equal(["MEF-H", "MEF-O1", "MEF-O2", "MEF-S1"], officers.Keys.Order(StringComparer.Ordinal));
        Assert.Equal((7, false, "Youssef Benali"), (officers["MEF-O1"].GetProperty("openCases").GetInt32(),
            officers["MEF-O1"].GetProperty("onLeave").GetBoolean(), officers["MEF-O1"].GetProperty("fullName").GetString()));
        Assert.Equal(["MEF-S1"], officers["MEF-O1"].GetProperty("substitutes").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal((0, true, "2026-11-27"), (officers["MEF-O2"].GetProperty("openCases").GetInt32(),
            officers["MEF-O2"].GetProperty("onLeave").GetBoolean(), officers["MEF-O2"].GetProperty("leaveEndsOn").GetString()));
        Assert.Equal("MEF-O1", officers["MEF-S1"].GetProperty("substituteOf").GetString());
    }

    [Fact]
    public async Task Officers_of_the_body_the_ministry_and_administrators_see_it_and_nobody_else()
    {
        var officer = await _app.SignInAsync(StaffRoles.Officer, "MEF-O1");
        var ministry = await _app.SignInAsync(StaffRoles.Ministry);
        var admin = await _app.SignInAdminAsync();
        var otherHead = await _app.SignInAsync(StaffRoles.Head, "CNSS-H");

        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync("/api/bodies/MEF/overview")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ministry.GetAsync("/api/bodies/MEF/overview")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/bodies/mef/overview")).StatusCode);
        var hidden = await otherHead.GetAsync("/api/bodies/MEF/overview");
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Equal("application/problem+json", hidden.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/bodies/NOPE/overview")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _app.CreateClient().GetAsync("/api/bodies/MEF/overview")).StatusCode);
    }

    private async Task<Guid> SubmitAsync(DateOnly due)
    {
        var submitted = Submissions.Request("MEF", new(2026, 10, 20)) with { DueOn = due };
        await _app.ConsumeAsync(submitted);
        return submitted.CaseId;
    }
}
