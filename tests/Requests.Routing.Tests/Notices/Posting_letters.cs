using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Requests.Contracts.Intake;
using Requests.Routing.Tests.Cases;
using Requests.ServiceDefaults.Auth;

namespace Requests.Routing.Tests.Notices;

// A requester without e-mail is written to by post: the extension's notice waits for staff to print and post it.
public sealed class Posting_letters : IDisposable
{
    private readonly RoutingApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Staff_of_the_body_record_a_letter_posted_once_with_who_and_when()
    {
        var (officer, letter) = await LetterToPostAsync();

        var posted = await officer.PostAsync($"/api/notifications/{letter}/posted", null);
        var again = await officer.PostAsync($"/api/notifications/{letter}/posted", null);

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var item = await posted.JsonAsync();
        var notification = item.GetProperty("notification");
        Assert.Equal(("posted", "2026-11-30T09:00:00+00:00"), (notification.GetProperty("status").GetString(),
            notification.GetProperty("sentAt").GetDateTimeOffset().ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.StartsWith("officer-MEF-O1-", item.GetProperty("postedBy").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, (await officer.GetFromJsonAsync<JsonElement>("/api/notifications")).GetProperty("total").GetInt32());
        var listed = Assert.Single((await officer.GetFromJsonAsync<JsonElement>("/api/notifications?status=posted")).GetProperty("items").EnumerateArray());
        Assert.Equal((letter, item.GetProperty("postedBy").GetString()),
            (listed.GetProperty("notification").GetProperty("id").GetInt64(), listed.GetProperty("postedBy").GetString()));
    }

    [Fact]
    public async Task An_e_mail_is_not_a_letter_to_post()
    {
        var (officer, _) = await LetterToPostAsync();
        var email = (long)Assert.Single(await _app.QueryAsync("SELECT id FROM notifications WHERE template = 'case-assigned'"))["id"]!;

        var response = await officer.PostAsync($"/api/notifications/{email}/posted", null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("pending", Assert.Single(await _app.QueryAsync($"SELECT status FROM notifications WHERE id = {email}"))["status"]);
    }

    [Fact]
    public async Task Another_bodys_letter_is_not_found_and_the_ministry_does_not_post()
    {
        var (_, letter) = await LetterToPostAsync();
        var other = await _app.SignInAsync(StaffRoles.Officer, "CNSS-O1");
        var ministry = await _app.SignInAsync(StaffRoles.Ministry);
        var admin = await _app.SignInAdminAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"/api/notifications/{letter}/posted", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync("/api/notifications/999999/posted", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ministry.PostAsync($"/api/notifications/{letter}/posted", null)).StatusCode);
        Assert.Equal("postal", Assert.Single(await _app.QueryAsync($"SELECT status FROM notifications WHERE id = {letter}"))["status"]);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/notifications/{letter}/posted", null)).StatusCode);
    }

    private async Task<(HttpClient Officer, long Letter)> LetterToPostAsync()
    {
        var request = Submissions.Request() with { Requester = new Requester("Omar Idrissi", "BE998877", null, null, "12 rue Tarik, Rabat") };
        await _app.ConsumeAsync(request);
        var officer = await _app.TodayIsAsync(CaseTesting.Monday.AddDays(7), StaffRoles.Officer, "MEF-O1");
        await officer.MovedAsync(request.CaseId, "accept");
        await officer.MovedAsync(request.CaseId, "extend", new { reasons = "Les documents sont dispersés." });
        var page = await officer.GetFromJsonAsync<JsonElement>("/api/notifications?status=postal");
        return (officer, Assert.Single(page.GetProperty("items").EnumerateArray()).GetProperty("notification").GetProperty("id").GetInt64());
    }
}
