using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Requests.Intake.Tests;

// Lunar holidays are announced a day or two ahead: an administrator moves or confirms the estimate.
public sealed class Correcting_a_holiday : IDisposable
{
    // Thu 19 Mar 2026, urgent: Fri 20, Mon 23, Tue 24, while Eid al-Fitr is estimated on Sat 21 and Sun 22
    private const string UrgentFrom19March = "/api/deadlines?regime=information&receivedOn=2026-03-19&urgent=true";

    private readonly IntakeApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Moves_an_estimated_holiday_in_the_calendar_and_in_the_deadlines()
    {
        var client = _app.CreateClient();
        Assert.Equal("2026-03-24", (await client.GetJsonAsync(UrgentFrom19March)).GetProperty("dueOn").GetString());

        var response = await CorrectAsync(Correction("2026-03-21", "2026-03-20", true));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var moved = await Holiday2026Async("2026-03-20");
        Assert.Equal(("Aïd Al-Fitr", "confirmed"), (Text(moved!.Value, "nameFr"), Text(moved.Value, "status")));
        Assert.Null(await Holiday2026Async("2026-03-21"));
        // Fri 20 is now a day off: Mon 23, Tue 24, Wed 25
        var answer = await client.GetJsonAsync(UrgentFrom19March);
        Assert.Equal("2026-03-25", answer.GetProperty("dueOn").GetString());
        _app.Clock.Set(new DateTimeOffset(2026, 3, 19, 10, 0, 0, TimeSpan.Zero));
        var filed = await (await _app.PostJsonAsync("/api/requests", Forms.UrgentRequest())).ReadReceiptAsync();
        Assert.Equal(new DateOnly(2026, 3, 25), filed.DueDate);
    }

    [Fact]
    public async Task Keeps_the_correction_after_a_restart()
    {
        await CorrectAsync(Correction("2026-03-21", "2026-03-20", true));

        await using var restarted = await _app.RestartAsync();
        var answer = await restarted.CreateClient().GetJsonAsync(UrgentFrom19March);

        Assert.Equal("2026-03-25", answer.GetProperty("dueOn").GetString());
    }

    [Fact]
    public async Task Confirms_an_estimated_holiday_in_place()
    {
        var response = await CorrectAsync(Correction("2026-05-27", null, true));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("confirmed", Text((await Holiday2026Async("2026-05-27"))!.Value, "status"));
        Assert.Equal("estimated", Text((await Holiday2026Async("2026-05-28"))!.Value, "status"));
    }

    [Fact]
    public async Task Keeps_the_history_of_corrections()
    {
        await CorrectAsync(Correction("2026-03-21", "2026-03-20", false));
        await CorrectAsync(Correction("2026-03-20", null, true));

        var history = await GetCorrectionsAsync(IntakeApp.AdminKey);

        Assert.Equal(HttpStatusCode.OK, history.StatusCode);
        var entries = (await history.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().ToList();
        Assert.Equal(2, entries.Count);
        Assert.Equal(("2026-03-21", "2026-03-20", false), (Text(entries[0], "holidayDate"), Text(entries[0], "newDate"),
            entries[0].GetProperty("confirmed").GetBoolean()));
        Assert.Equal(("2026-03-20", true), (Text(entries[1], "holidayDate"), entries[1].GetProperty("confirmed").GetBoolean()));
        Assert.Equal(JsonValueKind.Null, entries[1].GetProperty("newDate").ValueKind);
        Assert.Equal("Annonce du ministère des Habous", Text(entries[0], "reason"));
        // an instant with its offset, not a time a client would read in its own zone
        Assert.Equal("2026-10-23T09:00:00+00:00", Text(entries[0], "correctedAt"));
    }

    [Theory]
    [InlineData("{\"newDate\":\"2026-03-20\",\"confirmed\":true,\"reason\":\"annonce\"}", "date")]
    [InlineData("{\"date\":\"2026-03-23\",\"confirmed\":true,\"reason\":\"annonce\"}", "date")] // not a holiday
    [InlineData("{\"date\":\"2040-03-21\",\"confirmed\":true,\"reason\":\"annonce\"}", "date")] // outside the calendar
    [InlineData("{\"date\":\"2026-03-21\",\"reason\":\"annonce\"}", "confirmed")]
    [InlineData("{\"date\":\"2026-03-21\",\"confirmed\":true}", "reason")]
    [InlineData("{\"date\":\"2026-03-21\",\"confirmed\":true,\"reason\":\"  \"}", "reason")]
    [InlineData("{\"date\":\"2026-03-21\",\"newDate\":\"2035-03-20\",\"confirmed\":true,\"reason\":\"annonce\"}", "newDate")]
    public async Task Answers_422_to_an_invalid_correction_and_changes_nothing(string body, string field)
    {
        var calendar = await CalendarAsync();

        var response = await CorrectAsync(JsonNode.Parse(body)!);

        Assert.Contains(field, (await response.ReadProblemAsync(HttpStatusCode.UnprocessableEntity)).ErrorFields());
        Assert.Equal(calendar, await CalendarAsync());
        Assert.Equal(0, await _app.CountAsync("holiday_corrections"));
    }

    [Theory]
    [InlineData("not json", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("{\"date\":\"2026-03-21\",\"confirmed\":\"yes\",\"reason\":\"annonce\"}", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("date=2026-03-21", "application/x-www-form-urlencoded", HttpStatusCode.UnsupportedMediaType)]
    public async Task Answers_a_problem_to_a_body_that_is_not_a_correction(string body, string type, HttpStatusCode status)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/calendar/corrections")
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, type),
        };
        request.Headers.Add("X-Api-Key", IntakeApp.AdminKey);

        await (await _app.CreateClient().SendAsync(request)).ReadProblemAsync(status);
        Assert.Equal(0, await _app.CountAsync("holiday_corrections"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong")]
    [InlineData(IntakeApp.StaffKey)]
    public async Task Answers_401_without_the_administrator_key(string? key)
    {
        var calendar = await CalendarAsync();

        await (await CorrectAsync(Correction("2026-03-21", "2026-03-20", true), key)).ReadProblemAsync(HttpStatusCode.Unauthorized);
        await (await GetCorrectionsAsync(key)).ReadProblemAsync(HttpStatusCode.Unauthorized);

        Assert.Equal(calendar, await CalendarAsync());
        Assert.Equal(0, await _app.CountAsync("holiday_corrections"));
    }

    private static JsonObject Correction(string date, string? newDate, bool confirmed) => new()
    {
        ["date"] = date,
        ["newDate"] = newDate,
        ["confirmed"] = confirmed,
        ["reason"] = "Annonce du ministère des Habous",
    };

    private Task<HttpResponseMessage> CorrectAsync(JsonNode form, string? key = IntakeApp.AdminKey) =>
        _app.PostJsonAsync("/api/calendar/corrections", form, key);

    private async Task<HttpResponseMessage> GetCorrectionsAsync(string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/calendar/corrections");
        if (key is not null)
            request.Headers.Add("X-Api-Key", key);
        return await _app.CreateClient().SendAsync(request);
    }

    private async Task<string> CalendarAsync() =>
        await _app.CreateClient().GetStringAsync(new Uri("/api/calendar/2026", UriKind.Relative));

    private async Task<JsonElement?> Holiday2026Async(string date) =>
        (await _app.CreateClient().GetJsonAsync("/api/calendar/2026")).EnumerateArray()
            .Cast<JsonElement?>().SingleOrDefault(d => d!.Value.GetProperty("date").GetString() == date);

    private static string Text(JsonElement element, string name) => element.GetProperty(name).GetString()!;
}
