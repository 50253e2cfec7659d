using System.Net.Http.Json;
using System.Text.Json;
using Requests.ServiceDefaults.Auth;
using static Requests.Routing.Tests.Cases.CaseTesting;

namespace Requests.Routing.Tests.Cases;

// A request received on Monday 23 November 2026: 20 working days, due on Monday 21 December.
public sealed class Reading_a_case_page : IAsyncLifetime, IDisposable
{
    private readonly RoutingApp _app = new();

    // every case to MEF-O1
    public Task InitializeAsync() => _app.ChangeAsync(db => db.OfficerLeaves.Add(new Storage.OfficerLeave
    {
        OfficerId = "MEF-O2", StartsOn = new(2026, 1, 1), EndsOn = new(2026, 12, 31),
    }));

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Shows_the_requester_the_officers_name_and_how_the_due_date_was_reached()
    {
        var request = Submissions.Request() with
        {
            Requester = new("Amina Alaoui", "AB123456", "amina@example.ma", null, "12 rue Oued Ziz, Rabat"),
        };
        await _app.ConsumeAsync(request);
        var officer = await _app.SignInAsync(StaffRoles.Officer, "MEF-O1");

        var view = await officer.GetFromJsonAsync<JsonElement>($"/api/cases/{request.CaseId}");

        Assert.Equal(("Amina Alaoui", "amina@example.ma", "12 rue Oued Ziz, Rabat", "MEF-O1", "Youssef Benali"),
            (view.GetProperty("requesterName").GetString(), view.GetProperty("requesterEmail").GetString(),
                view.GetProperty("requesterAddress").GetString(), view.GetProperty("assignedOfficerId").GetString(),
                view.GetProperty("assignedOfficerName").GetString()));
        var explanation = view.GetProperty("dueExplanation");
        Assert.Equal(("answer", "2026-12-21"), (explanation.GetProperty("deadline").GetString(), explanation.GetProperty("dueOn").GetString()));
        Assert.Contains(explanation.GetProperty("fr").EnumerateArray(), l => l.GetString() == "Échéance : lundi 21 décembre 2026.");
        var steps = explanation.GetProperty("steps").EnumerateArray().ToList();
        Assert.Equal(["rule", "day-zero", "weekend", "due"], steps.Select(s => s.GetProperty("kind").GetString()));
        Assert.Equal((20, "working", "answer"), (steps[0].GetProperty("days").GetInt32(), steps[0].GetProperty("unit").GetString(),
            steps[0].GetProperty("step").GetString()));
        Assert.Equal("2026-11-23", steps[1].GetProperty("date").GetString());
        Assert.Equal(8, steps[2].GetProperty("days").GetInt32()); // four weekends between 24 November and 21 December
        Assert.Equal("2026-12-21", steps[3].GetProperty("date").GetString());
    }

    [Fact]
    public async Task An_extended_case_explains_its_extension_and_the_holidays_it_skips_in_both_languages()
    {
        var request = Submissions.Request();
        await _app.ConsumeAsync(request);
        var officer = await _app.TodayIsAsync(Monday.AddDays(7), StaffRoles.Officer, "MEF-O1");
        await officer.MovedAsync(request.CaseId, "accept");
        await officer.MovedAsync(request.CaseId, "extend", new { reasons = "Les documents sont dispersés." });

        var view = await officer.GetFromJsonAsync<JsonElement>($"/api/cases/{request.CaseId}");

        var explanation = view.GetProperty("dueExplanation");
        // 21 December, then 20 more working days: Thursday 21 January 2027 (1, 11 and 14 January are days off)
        Assert.Equal("2027-01-21", explanation.GetProperty("dueOn").GetString());
        Assert.Equal(view.GetProperty("dueOn").GetString(), explanation.GetProperty("dueOn").GetString());
        var steps = explanation.GetProperty("steps").EnumerateArray().ToList();
        Assert.Equal(20, Assert.Single(steps, s => s.GetProperty("kind").GetString() == "extension").GetProperty("days").GetInt32());
        var holidays = steps.Where(s => s.GetProperty("kind").GetString() == "holiday").ToList();
        Assert.Equal(["2027-01-01", "2027-01-11", "2027-01-14"], holidays.Select(h => h.GetProperty("date").GetString()));
        Assert.All(holidays, h => Assert.False(string.IsNullOrEmpty(h.GetProperty("nameAr").GetString())));
        Assert.All(holidays, h => Assert.False(string.IsNullOrEmpty(h.GetProperty("nameFr").GetString())));
    }

    [Fact]
    public async Task A_paused_case_counts_the_pause_in_its_explanation()
    {
        var request = Submissions.Request();
        await _app.ConsumeAsync(request);
        var officer = await _app.TodayIsAsync(Monday.AddDays(2), StaffRoles.Officer, "MEF-O1");
        await officer.MovedAsync(request.CaseId, "accept");
        await officer.MovedAsync(request.CaseId, "ask-clarification", new { question = "Which quarter?" });
        officer = await _app.TodayIsAsync(Monday.AddDays(7), StaffRoles.Officer, "MEF-O1");
        await officer.MovedAsync(request.CaseId, "receive-clarification", new { answer = "The third." });

        var view = await officer.GetFromJsonAsync<JsonElement>($"/api/cases/{request.CaseId}");

        var explanation = view.GetProperty("dueExplanation");
        var pause = Assert.Single(explanation.GetProperty("steps").EnumerateArray(), s => s.GetProperty("kind").GetString() == "pause");
        // stopped Wednesday 25 to Monday 30 November: Wed, Thu, Fri and Mon are working days given back
        Assert.Equal(("2026-11-25", "2026-11-30", 4), (pause.GetProperty("date").GetString(), pause.GetProperty("to").GetString(),
            pause.GetProperty("days").GetInt32()));
        Assert.Equal(view.GetProperty("dueOn").GetString(), explanation.GetProperty("dueOn").GetString());
    }
}
