using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Requests.ServiceDefaults.Auth;

namespace Requests.Routing.Tests;

// Lunar holidays are announced a day or two ahead: an administrator moves or confirms the estimate in routing,
// which owns the calendar; intake and reporting hear of it through CalendarPublished.
public sealed class Correcting_a_holiday : IDisposable
{
    private readonly RoutingApp _app = new();

    public Correcting_a_holiday() => _app.Clock.Set(new DateTimeOffset(2026, 3, 19, 12, 0, 0, TimeSpan.Zero));

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Moves_an_estimated_holiday_and_answers_201_with_the_correction()
    {
        var admin = await _app.SignInAsync(StaffRoles.Admin);
        var userName = (await admin.GetFromJsonAsync<JsonElement>("/api/auth/me")).GetProperty("userName").GetString();

        var response = await admin.PostAsJsonAsync("/api/calendar/corrections", Correction("2026-03-21", "2026-03-20", true));

        var answer = await AdminAnswers.JsonAsync(response, HttpStatusCode.Created);
        Assert.Equal("/api/calendar/2026", response.Headers.Location?.OriginalString);
        var correction = answer.GetProperty("correction");
        Assert.Equal(("2026-03-21", "2026-03-20", true, userName), (Text(correction, "holidayDate"), Text(correction, "newDate"),
            correction.GetProperty("confirmed").GetBoolean(), Text(correction, "correctedBy")));
        Assert.Equal(("2026-03-20", "Aïd Al-Fitr", "confirmed"), (Text(answer.GetProperty("holiday"), "date"),
            Text(answer.GetProperty("holiday"), "nameFr"), Text(answer.GetProperty("holiday"), "status")));
        Assert.Equal(0, answer.GetProperty("casesRecomputed").GetInt32());
        Assert.Equal(("Aïd Al-Fitr", "confirmed"), (Text((await HolidayAsync("2026-03-20"))!.Value, "nameFr"),
            Text((await HolidayAsync("2026-03-20"))!.Value, "status")));
        Assert.Null(await HolidayAsync("2026-03-21"));
        // the start-up's calendar, then the one with the correction
        Assert.Equal(2, await _app.CountAsync("outbox_messages", "message_type LIKE '%CalendarPublished'"));
    }

    [Fact]
    public async Task Confirms_an_estimated_holiday_in_place_and_moves_no_due_date()
    {
        var admin = await _app.SignInAsync(StaffRoles.Admin);
        await _app.ConsumeAsync(Submissions.Request("MEF", new DateOnly(2026, 5, 18)) with { DueOn = new DateOnly(2026, 6, 16) });

        var answer = await AdminAnswers.JsonAsync(
            await admin.PostAsJsonAsync("/api/calendar/corrections", Correction("2026-05-27", null, true)), HttpStatusCode.Created);

        Assert.Equal(0, answer.GetProperty("casesRecomputed").GetInt32());
        Assert.Equal("confirmed", Text((await HolidayAsync("2026-05-27"))!.Value, "status"));
        Assert.Equal("estimated", Text((await HolidayAsync("2026-05-28"))!.Value, "status"));
        Assert.Equal(0, await _app.CountAsync("outbox_messages", "message_type LIKE '%DueDateChanged'"));
    }

    [Fact]
    public async Task Keeps_the_history_of_corrections_for_administrators_and_the_ministry()
    {
        var admin = await _app.SignInAsync(StaffRoles.Admin);
        await admin.PostAsJsonAsync("/api/calendar/corrections", Correction("2026-03-21", "2026-03-20", false));
        await admin.PostAsJsonAsync("/api/calendar/corrections", new { date = "2026-03-20", confirmed = true, reason = "Annonce" });
        var ministry = await _app.SignInAsync(StaffRoles.Ministry);

        var history = await AdminAnswers.JsonAsync(await ministry.GetAsync("/api/calendar/corrections"), HttpStatusCode.OK);

        var entries = history.EnumerateArray().ToList();
        Assert.Equal(2, entries.Count);
        Assert.Equal(("2026-03-21", "2026-03-20", false), (Text(entries[0], "holidayDate"), Text(entries[0], "newDate"),
            entries[0].GetProperty("confirmed").GetBoolean()));
        // the second used intake's field name, "date": still understood
        Assert.Equal(("2026-03-20", true), (Text(entries[1], "holidayDate"), entries[1].GetProperty("confirmed").GetBoolean()));
        Assert.Equal(JsonValueKind.Null, entries[1].GetProperty("newDate").ValueKind);
        Assert.Equal("Annonce du ministère des Habous", Text(entries[0], "reason"));
        // an instant with its offset, not a time a client would read in its own zone
        Assert.Equal("2026-03-19T12:00:00+00:00", Text(entries[0], "correctedAt"));
    }

    private static JsonObject Correction(string date, string? newDate, bool confirmed) => new()
    {
        ["holidayDate"] = date,
        ["newDate"] = newDate,
        ["confirmed"] = confirmed,
        ["reason"] = "Annonce du ministère des Habous",
    };

    private async Task<string> CalendarAsync() =>
        await _app.CreateClient().GetStringAsync(new Uri("/api/calendar/2026", UriKind.Relative));

    private async Task<JsonElement?> HolidayAsync(string date) =>
        (await _app.CreateClient().GetFromJsonAsync<JsonElement>("/api/calendar/2026")).EnumerateArray()
            .Cast<JsonElement?>().SingleOrDefault(d => d!.Value.GetProperty("date").GetString() == date);

    private static string? Text(JsonElement element, string name) => element.GetProperty(name).GetString();
}
