using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Requests.ServiceDefaults.Auth;

namespace Requests.Routing.Tests;

// A refused correction answers a problem naming the field and changes nothing: not the calendar, not a due date,
// no message. The rows share one app; each checks that nothing changed.
public sealed class Refusing_invalid_corrections(UnchangedRoutingApp shared) : IClassFixture<UnchangedRoutingApp>
{
    private readonly RoutingApp _app = shared.App;
    private readonly HttpClient _admin = shared.Admin;

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
        await _app.ConsumeAsync(Submissions.Request("MEF", new DateOnly(2026, 3, 2)) with { DueOn = new DateOnly(2026, 3, 30) });
        var calendar = await CalendarAsync();

        var response = await _admin.PostAsync("/api/calendar/corrections", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Contains(field, await AdminAnswers.ErrorFieldsAsync(response, HttpStatusCode.UnprocessableEntity));
        await AssertNothingChangedAsync(calendar);
    }

    [Theory]
    [InlineData("not json", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("{\"holidayDate\":\"2026-03-21\",\"confirmed\":\"yes\",\"reason\":\"annonce\"}", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("holidayDate=2026-03-21", "application/x-www-form-urlencoded", HttpStatusCode.UnsupportedMediaType)]
    public async Task Answers_a_problem_to_a_body_that_is_not_a_correction(string body, string type, HttpStatusCode status)
    {
        var calendar = await CalendarAsync();

        await AdminAnswers.ProblemAsync(await _admin.PostAsync("/api/calendar/corrections", new StringContent(body, Encoding.UTF8, type)), status);

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
        Assert.Equal(0, await _app.CountAsync("outbox_messages", "message_type LIKE '%DueDateChanged'"));
        Assert.Equal(1, await _app.CountAsync("outbox_messages", "message_type LIKE '%CalendarPublished'")); // the start-up's only
        // the cases received on Mon 2 Mar 2026 keep their due date, 20 working days later
        Assert.Equal(0, await _app.CountAsync("cases", "due_on <> '2026-03-30' OR version <> 1"));
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
}
