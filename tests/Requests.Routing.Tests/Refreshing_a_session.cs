using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Requests.ServiceDefaults.Auth;

namespace Requests.Routing.Tests;

public sealed class Refreshing_a_session : IDisposable
{
    private readonly RoutingApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task A_refresh_token_works_once_and_its_successor_works_next()
    {
        var tokens = await LoginAsync(await _app.CreateAccountAsync(StaffRoles.Ministry));

        var first = await RefreshAsync(tokens.RefreshToken);
        var next = await RefreshAsync((await first.Content.ReadFromJsonAsync<Tokens>())!.RefreshToken);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    [Fact]
    public async Task A_refresh_token_used_twice_ends_every_token_of_its_sign_in()
    {
        var name = await _app.CreateAccountAsync(StaffRoles.Ministry);
        var stolen = await LoginAsync(name);
        var elsewhere = await LoginAsync(name);
        var successor = (await (await RefreshAsync(stolen.RefreshToken)).Content.ReadFromJsonAsync<Tokens>())!;

        // a minute later the thief replays the token its owner already used: neither may go on from that sign-in
        _app.Clock.Set(RoutingApp.DefaultNow.AddMinutes(1));
        var replay = await RefreshAsync(stolen.RefreshToken);
        var owner = await RefreshAsync(successor.RefreshToken);
        var other = await RefreshAsync(elsewhere.RefreshToken);

        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
        Assert.Equal("application/problem+json", replay.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, owner.StatusCode);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode); // another sign-in of the same account goes on
    }

    [Fact]
    public async Task Two_pages_refreshing_at_once_end_nothing()
    {
        var tokens = await LoginAsync(await _app.CreateAccountAsync(StaffRoles.Ministry));
        var first = await RefreshAsync(tokens.RefreshToken);

        // the same second: the browser's other page, not a thief
        var second = await RefreshAsync(tokens.RefreshToken);
        var next = await RefreshAsync((await first.Content.ReadFromJsonAsync<Tokens>())!.RefreshToken);

        Assert.Equal(HttpStatusCode.Unauthorized, second.StatusCode);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    [Fact]
    public async Task A_cookie_session_refreshes_from_its_own_cookie()
    {
        var name = await _app.CreateAccountAsync(StaffRoles.Ministry);
        var browser = _app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });

        var login = await browser.PostAsJsonAsync("/api/auth/login?useCookies=true", new { userName = name, password = RoutingApp.Password });
        var refreshed = await browser.PostAsync("/api/auth/refresh", null);
        var me = await browser.GetAsync("/api/auth/me");

        var cookies = string.Join("\n", login.Headers.GetValues("Set-Cookie"));
        Assert.Contains("requests.staff=", cookies, StringComparison.Ordinal);
        Assert.Contains("httponly", cookies, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookies, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        Assert.Contains(refreshed.Headers.GetValues("Set-Cookie"), c => c.StartsWith("requests.staff=", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal(1, await _app.CountAsync("staff_refresh_tokens", "used_at IS NULL"));
    }

    [Fact]
    public async Task Signing_out_ends_the_accounts_refresh_tokens()
    {
        var name = await _app.CreateAccountAsync(StaffRoles.Officer, "MEF-O1");
        var elsewhere = await LoginAsync(name);
        var tokens = await LoginAsync(name);
        var client = _app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);

        var logout = await client.PostAsync("/api/auth/logout", null);

        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(tokens.RefreshToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(elsewhere.RefreshToken)).StatusCode);
        Assert.Equal(0, await _app.CountAsync("staff_refresh_tokens"));
    }

    [Theory]
    [InlineData("role")]
    [InlineData("designation")]
    [InlineData("body")]
    [InlineData("disabled")]
    public async Task Changing_the_account_ends_its_refresh_tokens(string change)
    {
        var name = await _app.CreateAccountAsync(StaffRoles.Officer, "MEF-O1");
        var tokens = await LoginAsync(name);
        var unchanged = await LoginAsync(await _app.CreateAccountAsync(StaffRoles.Officer, "MEF-O2"));

        await _app.ChangeAsync(db =>
        {
            var user = db.Users.Single(u => u.UserName == name);
            var officer = db.Officers.Single(o => o.Id == "MEF-O1");
            if (change == "role")
                user.Role = StaffRoles.Head;
            else if (change == "designation")
                officer.AccountId = null;
            else if (change == "body")
                officer.BodyCode = "CNSS";
            else
                user.LockoutEnd = DateTimeOffset.MaxValue;
        });

        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(tokens.RefreshToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await RefreshAsync(unchanged.RefreshToken)).StatusCode);
        Assert.Equal(1, await _app.CountAsync("staff_refresh_tokens", "used_at IS NULL"));
    }

    [Fact]
    public async Task An_access_token_lives_fifteen_minutes_at_most()
    {
        var tokens = await LoginAsync(await _app.CreateAccountAsync(StaffRoles.Admin));
        var jwt = new JsonWebToken(tokens.AccessToken);
        var client = _app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);

        var fresh = await client.GetAsync("/api/auth/me");
        _app.Clock.Set(RoutingApp.DefaultNow.AddMinutes(16));
        var stale = await client.GetAsync("/api/auth/me");

        Assert.True(tokens.ExpiresIn is > 0 and <= 900, $"expiresIn {tokens.ExpiresIn}");
        Assert.True(jwt.ValidTo - jwt.IssuedAt <= TimeSpan.FromMinutes(15));
        Assert.Equal("ES256", jwt.Alg);
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, stale.StatusCode);
    }

    [Fact]
    public async Task The_public_key_is_published_and_the_private_one_is_not()
    {
        var tokens = await LoginAsync(await _app.CreateAccountAsync(StaffRoles.Admin));

        var jwks = await _app.CreateClient().GetFromJsonAsync<JsonElement>("/.well-known/jwks.json");
        var metadata = await _app.CreateClient().GetFromJsonAsync<JsonElement>("/.well-known/openid-configuration");

        var key = Assert.Single(jwks.GetProperty("keys").EnumerateArray().ToList());
        Assert.Equal(new JsonWebToken(tokens.AccessToken).Kid, key.GetProperty("kid").GetString());
        Assert.Equal("P-256", key.GetProperty("crv").GetString());
        Assert.False(key.TryGetProperty("d", out _));
        Assert.Equal(StaffAuthentication.DefaultIssuer, metadata.GetProperty("issuer").GetString());
        Assert.EndsWith("/.well-known/jwks.json", metadata.GetProperty("jwks_uri").GetString(), StringComparison.Ordinal);
    }

    private sealed record Tokens(string AccessToken, long ExpiresIn, string RefreshToken);

    private async Task<Tokens> LoginAsync(string userName)
    {
        var login = await _app.CreateClient().PostAsJsonAsync("/api/auth/login", new { userName, password = RoutingApp.Password });
        login.EnsureSuccessStatusCode();
        return (await login.Content.ReadFromJsonAsync<Tokens>())!;
    }

    private Task<HttpResponseMessage> RefreshAsync(string refreshToken) =>
        _app.CreateClient().PostAsJsonAsync("/api/auth/refresh", new { refreshToken });
}
