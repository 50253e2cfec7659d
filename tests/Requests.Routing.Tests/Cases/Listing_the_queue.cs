using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Requests.ServiceDefaults.Auth;
using static Requests.Routing.Tests.Cases.CaseTesting;

namespace Requests.Routing.Tests.Cases;

// Today is Monday 23 November 2026. Working days left = working days in (today, due date]: weekends and holidays
// (Wed 18 Nov 2026, Independence Day; Fri 1 Jan 2027, New Year) do not count.
public sealed class Listing_the_queue : IAsyncLifetime, IDisposable
{
    private readonly RoutingApp _app = new();

    // every case to MEF-O1 (the picker would share them out with MEF-O2 otherwise), unless a test says so
    public Task InitializeAsync() => _app.ChangeAsync(db => db.OfficerLeaves.Add(new Storage.OfficerLeave
    {
        OfficerId = "MEF-O2", StartsOn = new(2026, 1, 1), EndsOn = new(2026, 12, 31),
    }));

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Sorts_by_due_date_and_counts_working_days_left_across_weekends_and_holidays()
    {
        var friday = await SubmitAsync(due: new(2026, 11, 27));
        var nextMonday = await SubmitAsync(due: new(2026, 11, 30));
        var lastThursday = await SubmitAsync(due: new(2026, 11, 19), receivedOn: new(2026, 10, 20));
        var lastTuesday = await SubmitAsync(due: new(2026, 11, 17), receivedOn: new(2026, 10, 20));
        var officer = await _app.SignInAsync(StaffRoles.Officer, "MEF-O1");

        var queue = await QueueAsync(officer, "");
        var reversed = await QueueAsync(officer, "?sort=-due");

        Assert.Equal([lastTuesday, lastThursday, friday, nextMonday], Ids(queue));
        Assert.Equal([nextMonday, friday, lastThursday, lastTuesday], Ids(reversed));
        Assert.Equal(
        [
            -3, // due Tue 17 Nov: Wed 18 (a holiday) does not count, Thu 19, Fri 20 and Mon 23 do: 3 days late
            -2, // due Thu 19 Nov: Fri 20 and Mon 23 have passed since
            4, // due Fri 27 Nov: Tue, Wed, Thu, Fri
            5, // due Mon 30 Nov: the weekend of the 28th and 29th does not count
        ], queue.Select(i => i.GetProperty("workingDaysLeft").GetInt32()));
        var first = queue[0];
        Assert.Equal(("information", "request", "MEF", "assigned", false, "2026-10-20", "2026-11-17"),
            (first.GetProperty("regime").GetString(), first.GetProperty("kind").GetString(), first.GetProperty("bodyCode").GetString(),
                first.GetProperty("status").GetString(), first.GetProperty("urgent").GetBoolean(),
                first.GetProperty("receivedOn").GetString(), first.GetProperty("dueOn").GetString()));
    }

    [Fact]
    public async Task Counts_over_new_year()
    {
        var dueMonday = await SubmitAsync(due: new(2027, 1, 4), receivedOn: new(2026, 12, 2));
        var officer = await _app.TodayIsAsync(new(2026, 12, 30), StaffRoles.Officer, "MEF-O1");

        var item = Assert.Single(await QueueAsync(officer, ""));

        // from Wed 30 Dec to Mon 4 Jan: Thu 31 Dec and Mon 4 Jan; Fri 1 Jan is New Year, then the weekend
        Assert.Equal((dueMonday, 2), (item.GetProperty("caseId").GetGuid(), item.GetProperty("workingDaysLeft").GetInt32()));
    }

    [Fact]
    public async Task Filters_by_working_days_to_the_due_date_and_by_overdue()
    {
        var friday = await SubmitAsync(due: new(2026, 11, 27));
        var nextMonday = await SubmitAsync(due: new(2026, 11, 30));
        var nextTuesday = await SubmitAsync(due: new(2026, 12, 1));
        var lastThursday = await SubmitAsync(due: new(2026, 11, 19), receivedOn: new(2026, 10, 20));
        var officer = await _app.SignInAsync(StaffRoles.Officer, "MEF-O1");

        // the 5th working day after Mon 23 Nov is Mon 30 Nov, the 4th is Fri 27 Nov; an overdue case is due within any
        Assert.Equal([lastThursday, friday, nextMonday], Ids(await QueueAsync(officer, "?dueWithin=5")));
        Assert.Equal([lastThursday, friday], Ids(await QueueAsync(officer, "?dueWithin=4")));
        Assert.Equal([lastThursday], Ids(await QueueAsync(officer, "?dueWithin=0")));
        Assert.Equal([lastThursday], Ids(await QueueAsync(officer, "?overdue=true")));
        Assert.Equal([friday, nextMonday, nextTuesday], Ids(await QueueAsync(officer, "?overdue=false")));
    }

    [Fact]
    public async Task Shows_open_cases_unless_a_status_is_asked_for()
    {
        var open = await SubmitAsync(due: new(2026, 12, 21));
        var closed = await SubmitAsync(due: new(2026, 12, 22));
        var accepted = await SubmitAsync(due: new(2026, 12, 23));
        var officer = await _app.SignInAsync(StaffRoles.Officer, "MEF-O1");
        await officer.MovedAsync(closed, "close", new { reason = "Duplicate filing." });
        await officer.MovedAsync(accepted, "accept");

        Assert.Equal([open, accepted], Ids(await QueueAsync(officer, "")));
        Assert.Equal([closed], Ids(await QueueAsync(officer, "?status=closed")));
        Assert.Equal([open, closed], Ids(await QueueAsync(officer, "?status=closed,assigned")));
        Assert.Equal([closed, accepted], Ids(await QueueAsync(officer, "?status=closed&status=accepted")));
    }

    [Fact]
    public async Task Filters_by_regime_urgency_body_and_officer()
    {
        await _app.ChangeAsync(db => db.OfficerLeaves.RemoveRange(db.OfficerLeaves)); // MEF-O2 is back
        var request = await SubmitAsync(due: new(2026, 12, 21)); // MEF-O1 (a tie goes to the first id)
        var complaint = Complaint("MEF");
        await _app.ConsumeAsync(complaint); // MEF-O2
        var urgent = Submissions.Request("MEF") with { Urgent = true, DueOn = new(2026, 11, 26) };
        await _app.ConsumeAsync(urgent); // MEF-O1 (one case each: a tie again)
        var cnss = Submissions.Request("CNSS");
        await _app.ConsumeAsync(cnss);
        var officer = await _app.SignInAsync(StaffRoles.Officer, "MEF-O1", "CNSS-O2");

        Assert.Equal([complaint.CaseId], Ids(await QueueAsync(officer, "?regime=complaint")));
        Assert.Equal([urgent.CaseId], Ids(await QueueAsync(officer, "?urgent=true")));
        Assert.Equal([request, cnss.CaseId, complaint.CaseId], Ids(await QueueAsync(officer, "?urgent=false")));
        Assert.Equal([cnss.CaseId], Ids(await QueueAsync(officer, "?body=CNSS")));
        // MEF-O1's two cases; CNSS-O2 has none (the CNSS case went to CNSS-O1)
        Assert.Equal([urgent.CaseId, request], Ids(await QueueAsync(officer, "?assignedTo=me")));
    }

    [Fact]
    public async Task Counts_each_status_under_the_other_filters_and_names_the_officers()
    {
        var open = await SubmitAsync(due: new(2026, 12, 21));
        var overdue = await SubmitAsync(due: new(2026, 11, 19), receivedOn: new(2026, 10, 20));
        var closed = await SubmitAsync(due: new(2026, 12, 22));
        var accepted = await SubmitAsync(due: new(2026, 12, 23));
        await _app.ConsumeAsync(Submissions.Request("CNSS")); // not the officer's
        var officer = await _app.SignInAsync(StaffRoles.Officer, "MEF-O1");
        await officer.MovedAsync(closed, "close", new { reason = "Duplicate filing." });
        await officer.MovedAsync(accepted, "accept");

        var page = await officer.GetFromJsonAsync<JsonElement>("/api/queue");
        var closedOnly = await officer.GetFromJsonAsync<JsonElement>("/api/queue?status=closed");
        var late = await officer.GetFromJsonAsync<JsonElement>("/api/queue?overdue=true&status=closed");

        var counts = new Dictionary<string, int> { ["assigned"] = 2, ["accepted"] = 1, ["closed"] = 1 };
        Assert.Equal(counts, Counts(page));
        Assert.Equal(counts, Counts(closedOnly));
        Assert.Equal(new Dictionary<string, int> { ["assigned"] = 1 }, Counts(late));
        Assert.Equal((3, 1, 0), (page.GetProperty("total").GetInt32(), closedOnly.GetProperty("total").GetInt32(), late.GetProperty("total").GetInt32()));
        Assert.All(page.GetProperty("items").EnumerateArray(), i => Assert.Equal("Youssef Benali", i.GetProperty("assignedOfficerName").GetString()));
        Assert.Equal([overdue, open, accepted], Ids([.. page.GetProperty("items").EnumerateArray()]));
    }

    [Fact]
    public async Task Pages_with_limit_and_offset_and_says_how_many_match()
    {
        var ids = new List<Guid>();
        for (int day = 1; day <= 5; day++)
            ids.Add(await SubmitAsync(due: new(2026, 12, day)));
        var officer = await _app.SignInAsync(StaffRoles.Officer, "MEF-O1");

        var page = await officer.GetFromJsonAsync<JsonElement>("/api/queue?limit=2&offset=2");

        Assert.Equal((5, 2, 2), (page.GetProperty("total").GetInt32(), page.GetProperty("limit").GetInt32(), page.GetProperty("offset").GetInt32()));
        Assert.Equal(ids[2..4], page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("caseId").GetGuid()));
    }

    [Theory]
    [InlineData("status=open", "status")]
    [InlineData("dueWithin=-1", "dueWithin")]
    [InlineData("dueWithin=soon", "dueWithin")]
    [InlineData("overdue=yes", "overdue")]
    [InlineData("regime=petition", "regime")]
    [InlineData("urgent=maybe", "urgent")]
    [InlineData("body=CNSS", "body")] // not one of the officer's bodies
    [InlineData("assignedTo=MEF-O2", "assignedTo")]
    [InlineData("sort=received", "sort")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=501", "limit")]
    [InlineData("offset=-5", "offset")]
    public async Task A_bad_filter_is_a_400_naming_the_parameter(string query, string parameter)
    {
        var officer = await _app.SignInAsync(StaffRoles.Officer, "MEF-O1");

        var response = await officer.GetAsync($"/api/queue?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        Assert.Equal([parameter], errors.EnumerateObject().Select(p => p.Name));
    }

    private async Task<Guid> SubmitAsync(DateOnly due, DateOnly? receivedOn = null)
    {
        var submitted = Submissions.Request("MEF", receivedOn) with { DueOn = due };
        await _app.ConsumeAsync(submitted);
        return submitted.CaseId;
    }

    private static async Task<List<JsonElement>> QueueAsync(HttpClient client, string query) =>
        [.. (await client.GetFromJsonAsync<JsonElement>($"/api/queue{query}")).GetProperty("items").EnumerateArray()];

    private static Dictionary<string, int> Counts(JsonElement page) =>
        page.GetProperty("counts").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32());

    private static List<Guid> Ids(List<JsonElement> items) => [.. items.Select(i => i.GetProperty("caseId").GetGuid())];
}
