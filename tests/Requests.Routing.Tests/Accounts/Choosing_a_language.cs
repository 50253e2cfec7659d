using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Requests.Routing.Tests.Cases;
using Requests.ServiceDefaults.Auth;
using Requests.Testing;

namespace Requests.Routing.Tests.Accounts;

public sealed class Choosing_a_language : IDisposable
{
    private readonly RoutingApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task A_user_switches_to_arabic_and_their_officer_records_follow()
    {
        var officer = await _app.SignInAsync(StaffRoles.Officer, "MEF-O1", "CNSS-O2");
        var before = await officer.GetFromJsonAsync<JsonElement>("/api/auth/me");

        var changed = await officer.PutAsJsonAsync("/api/auth/me/language", new { language = "ar" });
        var after = await officer.GetFromJsonAsync<JsonElement>("/api/auth/me");

        Assert.Equal("fr", before.GetProperty("language").GetString());
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        Assert.Equal("ar", after.GetProperty("language").GetString());
        Assert.Equal(["ar", "ar", "fr"], (await _app.QueryAsync("SELECT language FROM officers WHERE id IN ('MEF-O1', 'CNSS-O2', 'MEF-O2') ORDER BY id"))
            .Select(r => (string)r["language"]!));
    }

    [Theory]
    [InlineData("en")]
    [InlineData("AR")]
    [InlineData("")]
    public async Task Anything_but_fr_or_ar_is_a_422(string language)
    {
        var officer = await _app.SignInAsync(StaffRoles.Officer, "MEF-O1");

        var response = await officer.PutAsJsonAsync("/api/auth/me/language", new { language });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty("language", out _));
        Assert.Equal("fr", (await officer.GetFromJsonAsync<JsonElement>("/api/auth/me")).GetProperty("language").GetString());
    }

    [Fact]
    public async Task An_administrator_sets_an_officers_language_in_the_directory()
    {
        var admin = await _app.SignInAdminAsync();

        var created = await admin.PostAsJsonAsync("/api/directory/officers", new
        {
            id = "MEF-O3", bodyCode = "MEF", fullName = "Hassan Idrissi", email = "hassan.idrissi@mef.gov.ma", role = "designated", language = "ar",
        });
        var kept = await admin.PutAsJsonAsync("/api/directory/officers/MEF-O3", new
        {
            fullName = "Hassan Idrissi", email = "hassan.idrissi@mef.gov.ma", role = "designated",
        });
        var refused = await admin.PutAsJsonAsync("/api/directory/officers/MEF-O3", new
        {
            fullName = "Hassan Idrissi", email = "hassan.idrissi@mef.gov.ma", role = "designated", language = "es",
        });

        Assert.Equal("ar", (await created.JsonAsync()).GetProperty("language").GetString());
        Assert.Equal("ar", (await kept.JsonAsync()).GetProperty("language").GetString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.True((await refused.JsonAsync()).GetProperty("errors").TryGetProperty("language", out _));
    }

    [Fact]
    public async Task An_officer_whose_language_is_arabic_receives_the_assignment_email_in_arabic()
    {
        await using var app = new RoutingApp { SendsMail = true };
        using var maildev = new Maildev();
        var email = Maildev.NewRecipient("arabic-officer");
        await app.ChangeAsync(db =>
        {
            var officer = db.Officers.Single(o => o.Id == "MEF-O1");
            officer.Email = email;
            officer.Language = "ar";
            db.OfficerLeaves.Add(new Storage.OfficerLeave { OfficerId = "MEF-O2", StartsOn = new(2026, 1, 1), EndsOn = new(2026, 12, 31) });
        });
        var request = Submissions.Request();

        await app.ConsumeAsync(request);

        var message = Assert.Single(await maildev.WaitForAsync(email, 1));
        Assert.StartsWith($"ملف جديد {request.TrackingNumber}", message.Subject, StringComparison.Ordinal);
        Assert.Contains("وزارة الاقتصاد والمالية", message.Text, StringComparison.Ordinal);
    }
}
