using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Requests.ServiceDefaults.Auth;

namespace Requests.Routing.Tests;

public sealed class Signing_in : IDisposable
{
    private readonly RoutingApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task An_officers_token_names_the_bodies_they_are_designated_for()
    {
        var officer = await _app.SignInAsync(StaffRoles.Officer, "MEF-O1", "CNSS-O2");

        var me = await officer.GetFromJsonAsync<JsonElement>("/api/auth/me");

        Assert.Equal("officer", me.GetProperty("role").GetString());
        Assert.Equal(["CNSS", "MEF"], me.GetProperty("bodies").EnumerateArray().Select(b => b.GetString()!).Order());
        Assert.Equal(["CNSS-O2", "MEF-O1"], me.GetProperty("officers").EnumerateArray().Select(b => b.GetString()!).Order());
    }

    [Fact]
    public async Task Without_a_token_staff_endpoints_answer_401_problem_details()
    {
        var response = await _app.CreateClient().GetAsync("/api/auth/me");
        var forbidden = await (await _app.SignInAsync(StaffRoles.Officer, "MEF-O1")).GetAsync("/api/accounts");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal("application/problem+json", forbidden.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Five_wrong_passwords_hold_that_path_even_against_the_right_one_with_the_same_answer_as_a_wrong_one()
    {
        await _app.SignInAsync(StaffRoles.Officer, "MEF-O2");
        var name = await UserNameOfAsync("MEF-O2");
        var client = _app.CreateClient();
        async Task<(HttpStatusCode, string?, string?)> LoginAsync(string userName, string password)
        {
            var response = await client.PostAsJsonAsync("/api/auth/login", new { userName, password });
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            return (response.StatusCode, problem.GetProperty("title").GetString(), problem.GetProperty("detail").GetString());
        }

        var wrong = await LoginAsync(name, "not the passphrase");
        for (var i = 0; i < 4; i++)
            Assert.Equal(wrong, await LoginAsync(name, "not the passphrase"));
        var right = await LoginAsync(name, RoutingApp.Password);

        // brute force is slowed: the right password is not even tried, and nothing tells the guesser so
        Assert.Equal((HttpStatusCode.Unauthorized, "Sign-in failed", "Wrong user name or password."), wrong);
        Assert.Equal(wrong, right);
        Assert.Equal(wrong, await LoginAsync("nobody.at.all", "not the passphrase"));
        // the hold is short at first, then doubles with each failure
        _app.Clock.Set(_app.Clock.GetUtcNow().AddSeconds(2));
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/auth/login", new { userName = name, password = RoutingApp.Password })).StatusCode);
    }

    [Fact]
    public async Task A_refresh_token_gives_a_new_access_token()
    {
        await _app.SignInAsync(StaffRoles.Head, "MEF-H");
        var name = await UserNameOfAsync("MEF-H");
        var client = _app.CreateClient();
        var tokens = await (await client.PostAsJsonAsync("/api/auth/login", new { userName = name, password = RoutingApp.Password }))
            .Content.ReadFromJsonAsync<JsonElement>();

        var refreshed = await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = tokens.GetProperty("refreshToken").GetString() });
        var forged = await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = "not-a-token" });

        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        Assert.False(string.IsNullOrEmpty((await refreshed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()));
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
    }

    [Fact]
    public async Task A_cookie_sign_in_serves_the_web_pages()
    {
        await _app.SignInAsync(StaffRoles.Officer, "CNSS-O1");
        var name = await UserNameOfAsync("CNSS-O1");
        var client = _app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = true });

        var login = await client.PostAsJsonAsync("/api/auth/login?useCookies=true", new { userName = name, password = RoutingApp.Password });
        var me = await client.GetFromJsonAsync<JsonElement>("/api/auth/me");

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Equal(["CNSS"], me.GetProperty("bodies").EnumerateArray().Select(b => b.GetString()!));
    }

    [Fact]
    public async Task An_administrator_creates_an_officers_account_linked_to_the_directory()
    {
        var admin = await _app.SignInAsync(StaffRoles.Admin);

        var created = await admin.PostAsJsonAsync("/api/accounts", new
        {
            userName = "hanane.sbai", email = "hanane.sbai@onee.gov.ma", password = "twelve chars at least", role = "officer",
            officerIds = new[] { "ONEE-O1" },
        });
        var login = await _app.CreateClient().PostAsJsonAsync("/api/auth/login", new { userName = "hanane.sbai", password = "twelve chars at least" });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Equal("ONEE-O1", Assert.Single(await _app.QueryAsync("SELECT o.id FROM officers o JOIN staff_users u ON u.id = o.account_id WHERE u.user_name = 'hanane.sbai'"))["id"]);
    }

    [Theory]
    [InlineData("", "x@onee.gov.ma", "twelve chars at least", "officer", "ONEE-S1", "userName")]
    [InlineData("someone", "not an e-mail", "twelve chars at least", "officer", "ONEE-S1", "email")]
    [InlineData("someone", "x@onee.gov.ma", "short", "officer", "ONEE-S1", "password")]
    [InlineData("someone", "x@onee.gov.ma", "twelve chars at least", "mayor", "ONEE-S1", "role")]
    [InlineData("someone", "x@onee.gov.ma", "twelve chars at least", "officer", "NOBODY-1", "officerIds")]
    [InlineData("someone", "x@onee.gov.ma", "twelve chars at least", "head", "", "officerIds")]
    public async Task A_bad_account_is_refused_naming_the_field_and_nothing_is_stored(string userName, string email,
        string password, string role, string officerId, string field)
    {
        var admin = await _app.SignInAsync(StaffRoles.Admin);
        var before = await _app.CountAsync("staff_users");

        var response = await admin.PostAsJsonAsync("/api/accounts", new
        {
            userName, email, password, role, officerIds = officerId.Length == 0 ? Array.Empty<string>() : [officerId],
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _));
        Assert.Equal(before, await _app.CountAsync("staff_users"));
    }

    [Fact]
    public async Task Only_administrators_manage_accounts()
    {
        var officer = await _app.SignInAsync(StaffRoles.Officer, "MEF-O1");
        var ministry = await _app.SignInAsync(StaffRoles.Ministry);

        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync("/api/accounts")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ministry.PostAsJsonAsync("/api/accounts", new { userName = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _app.CreateClient().GetAsync("/api/accounts")).StatusCode);
    }

    private async Task<string> UserNameOfAsync(string officerId) => (string)Assert.Single(await _app.QueryAsync(
        $"SELECT u.user_name FROM staff_users u JOIN officers o ON o.account_id = u.id WHERE o.id = '{officerId}'"))["user_name"]!;
}
