using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Requests.Routing.Tests.Cases;
using Requests.ServiceDefaults.Auth;

namespace Requests.Routing.Tests.Accounts;

public sealed class Managing_accounts : IDisposable
{
    private readonly RoutingApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Changing_the_role_and_officers_takes_effect_and_ends_the_refresh_tokens()
    {
        var admin = await _app.SignInAdminAsync();
        var name = await _app.CreateAccountAsync(StaffRoles.Officer, "MEF-O1");
        var tokens = await LoginAsync(name);

        var changed = await admin.PutAsJsonAsync($"/api/accounts/{name}", new { role = "head", officerIds = new[] { "CNSS-H", "ONEE-O1" } });

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var account = Assert.Single(await ListAsync(admin), a => a.GetProperty("userName").GetString() == name);
        Assert.Equal(("head", false, false, "fr"), (account.GetProperty("role").GetString(), account.GetProperty("disabled").GetBoolean(),
            account.GetProperty("lockedOut").GetBoolean(), account.GetProperty("language").GetString()));
        Assert.Equal(["CNSS-H", "ONEE-O1"], account.GetProperty("officerIds").EnumerateArray().Select(o => o.GetString()));
        Assert.Equal(["CNSS", "ONEE"], account.GetProperty("bodies").EnumerateArray().Select(o => o.GetString()));
        Assert.Empty(await _app.QueryAsync("SELECT id FROM officers WHERE id = 'MEF-O1' AND account_id IS NOT NULL"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(tokens.RefreshToken)).StatusCode);
    }

    [Theory]
    [InlineData("mayor", "MEF-O1", "role")]
    [InlineData("officer", "NOBODY-1", "officerIds")]
    [InlineData("officer", "MEF-O2", "officerIds")] // another account's
    [InlineData("head", "", "officerIds")]
    public async Task A_bad_change_is_a_422_naming_the_field_and_changes_nothing(string role, string officerId, string field)
    {
        var admin = await _app.SignInAdminAsync();
        var name = await _app.CreateAccountAsync(StaffRoles.Officer, "MEF-O1");
        await _app.CreateAccountAsync(StaffRoles.Officer, "MEF-O2");

        var response = await admin.PutAsJsonAsync($"/api/accounts/{name}",
            new { role, officerIds = officerId.Length == 0 ? Array.Empty<string>() : [officerId] });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty(field, out _));
        var account = Assert.Single(await ListAsync(admin), a => a.GetProperty("userName").GetString() == name);
        Assert.Equal(("officer", "MEF-O1"), (account.GetProperty("role").GetString(), account.GetProperty("officerIds")[0].GetString()));
    }

    [Fact]
    public async Task An_unknown_account_is_a_404()
    {
        var admin = await _app.SignInAdminAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await admin.PutAsJsonAsync("/api/accounts/nobody", new { role = "ministry" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync("/api/accounts/nobody/disable", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await admin.PostAsJsonAsync("/api/accounts/nobody/password", new { password = "a long enough passphrase" })).StatusCode);
    }

    [Fact]
    public async Task A_disabled_account_cannot_sign_in_as_if_the_password_were_wrong_until_enabled()
    {
        var admin = await _app.SignInAdminAsync();
        var name = await _app.CreateAccountAsync(StaffRoles.Officer, "MEF-O1");
        var tokens = await LoginAsync(name);
        var wrong = await LoginResponseAsync(name, "not the passphrase");

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/accounts/{name}/disable", null)).StatusCode);
        var refused = await LoginResponseAsync(name, RoutingApp.Password);
        var listed = Assert.Single(await ListAsync(admin), a => a.GetProperty("userName").GetString() == name);
        var refresh = await RefreshAsync(tokens.RefreshToken);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/accounts/{name}/enable", null)).StatusCode);
        var again = await LoginResponseAsync(name, RoutingApp.Password);

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal((await wrong.JsonAsync()).GetProperty("detail").GetString(), (await refused.JsonAsync()).GetProperty("detail").GetString());
        Assert.True(listed.GetProperty("disabled").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, refresh.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task An_administrator_resets_a_password_by_the_same_rules_unlocking_the_account()
    {
        var admin = await _app.SignInAdminAsync();
        var name = await _app.CreateAccountAsync(StaffRoles.Officer, "MEF-O1");
        var tokens = await LoginAsync(name);
        for (var i = 0; i < 5; i++)
            await LoginResponseAsync(name, "not the passphrase");
        Assert.True(Assert.Single(await ListAsync(admin), a => a.GetProperty("userName").GetString() == name).GetProperty("lockedOut").GetBoolean());

        var tooShort = await admin.PostAsJsonAsync($"/api/accounts/{name}/password", new { password = "short" });
        var reset = await admin.PostAsJsonAsync($"/api/accounts/{name}/password", new { password = "a brand new passphrase" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooShort.StatusCode);
        Assert.True((await tooShort.JsonAsync()).GetProperty("errors").TryGetProperty("password", out _));
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await LoginResponseAsync(name, RoutingApp.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await LoginResponseAsync(name, "a brand new passphrase")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(tokens.RefreshToken)).StatusCode);
    }

    [Fact]
    public async Task Only_administrators_change_accounts()
    {
        var head = await _app.SignInAsync(StaffRoles.Head, "MEF-H");
        var name = await _app.CreateAccountAsync(StaffRoles.Officer, "MEF-O1");

        Assert.Equal(HttpStatusCode.Forbidden, (await head.PutAsJsonAsync($"/api/accounts/{name}", new { role = "admin" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await head.PostAsync($"/api/accounts/{name}/disable", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await head.PostAsJsonAsync($"/api/accounts/{name}/password", new { password = "a long enough passphrase" })).StatusCode);
    }

    private sealed record Tokens(string AccessToken, string RefreshToken);

    private static async Task<List<JsonElement>> ListAsync(HttpClient admin) =>
        [.. (await admin.GetFromJsonAsync<JsonElement>("/api/accounts")).EnumerateArray()];

    private Task<HttpResponseMessage> LoginResponseAsync(string userName, string password) =>
        _app.CreateClient().PostAsJsonAsync("/api/auth/login", new { userName, password });

    private async Task<Tokens> LoginAsync(string userName)
    {
        var login = await LoginResponseAsync(userName, RoutingApp.Password);
        login.EnsureSuccessStatusCode();
        return (await login.Content.ReadFromJsonAsync<Tokens>())!;
    }

    private Task<HttpResponseMessage> RefreshAsync(string refreshToken) =>
        _app.CreateClient().PostAsJsonAsync("/api/auth/refresh", new { refreshToken });
}
