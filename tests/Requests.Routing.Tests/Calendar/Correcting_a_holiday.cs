using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Requests.ServiceDefaults.Auth;

namespace Requests.Routing.Tests;

// Lunar holidays are announced a day or two ahead: an administrator moves or confirms the estimate in routing,
// which owns the calendar; intake hears of it through HolidayCorrected.
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
        Assert.Equal(1, await _app.CountAsync("outbox_messages", "message_type LIKE '%HolidayCorrected'"));
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

    [Theory]
    [InlineData("{\"newDate\":\"2026-03-20\",\"confirmed\":true,\"reason\":\"annonce\"}", "holidayDate")]
    [InlineData("{\"holidayDate\":\"2026-03-23\",\"confirmed\":true,\"reason\":\"annonce\"}", "holidayDate")] // not a holiday
    [InlineData("{\"holidayDate\":\"2040-03-21\",\"confirmed\":true,\"reason\":\"annonce\"}", "holidayDate")] // outside the calendar
    [InlineData("{\"holidayDate\":\"2026-03-21\",\"reason\":\"annonce\"}", "confirmed")]
    [InlineData("{\"holidayDate\":\"2026-03-21\",\"confirmed\":true}", "reason")]
    [InlineData("{\"holidayDate\":\"2026-03-21\",\"confirmed\":true,\"reason\":\"  \"}", "reason")]
    [InlineData("{\"holidayDate\":\"2026-03-21\",\"newDate\":\"2035-03-20\",\"confirmed\":true,\"reason\":\"annonce\"}", "newDate")]
    public async Task Answers_422_to_an_invalid_correction_and_changes_nothing(string body, string field)
    {
        var admin = await _app.SignInAsync(StaffRoles.Admin);
        var open = Submissions.Request("MEF", new DateOnly(2026, 3, 2)) with { DueOn = new DateOnly(2026, 3, 30) };
        await _app.ConsumeAsync(open);
        var calendar = await CalendarAsync();

        var response = await admin.PostAsync("/api/calendar/corrections", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Contains(field, await AdminAnswers.ErrorFieldsAsync(response, HttpStatusCode.UnprocessableEntity));
        await AssertNothingChangedAsync(calendar);
        Assert.Equal("2026-03-30", (string?)Assert.Single(await _app.QueryAsync($"SELECT due_on FROM cases WHERE id = '{open.CaseId}'"))["due_on"]);
    }

    [Theory]
    [InlineData("not json", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("{\"holidayDate\":\"2026-03-21\",\"confirmed\":\"yes\",\"reason\":\"annonce\"}", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("holidayDate=2026-03-21", "application/x-www-form-urlencoded", HttpStatusCode.UnsupportedMediaType)]
    public async Task Answers_a_problem_to_a_body_that_is_not_a_correction(string body, string type, HttpStatusCode status)
    {
        var admin = await _app.SignInAsync(StaffRoles.Admin);
        var calendar = await CalendarAsync();

        await AdminAnswers.ProblemAsync(await admin.PostAsync("/api/calendar/corrections", new StringContent(body, Encoding.UTF8, type)), status);

        await AssertNothingChangedAsync(calendar);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized)]
    [InlineData(StaffRoles.Officer, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden)]
    [InlineData(StaffRoles.Head, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden)]
    [InlineData(StaffRoles.Ministry, HttpStatusCode.Forbidden, HttpStatusCode.OK)] // reads the history, changes nothing
    public async Task Only_an_administrator_corrects_the_calendar(string? role, HttpStatusCode correcting, HttpStatusCode reading)
    {
        var client = role switch
        {
            null => _app.CreateClient(),
            StaffRoles.Officer => await _app.SignInAsync(role, "MEF-O1"),
            StaffRoles.Head => await _app.SignInAsync(role, "MEF-H"),
            _ => await _app.SignInAsync(role),
        };
        var calendar = await CalendarAsync();

        Assert.Equal(correcting, (await client.PostAsJsonAsync("/api/calendar/corrections", Correction("2026-03-21", "2026-03-20", true))).StatusCode);
        Assert.Equal(reading, (await client.GetAsync("/api/calendar/corrections")).StatusCode);

        await AssertNothingChangedAsync(calendar);
    }

    private async Task AssertNothingChangedAsync(string calendar)
    {
        Assert.Equal(calendar, await CalendarAsync());
        Assert.Equal(0, await _app.CountAsync("holiday_corrections"));
        Assert.Equal(0, await _app.CountAsync("case_audit_entries", "action = 'recompute-due-date'"));
        Assert.Equal(0, await _app.CountAsync("outbox_messages", "message_type LIKE '%HolidayCorrected' OR message_type LIKE '%DueDateChanged'"));
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
