using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Requests.EndToEnd.Tests.Infrastructure;

namespace Requests.EndToEnd.Tests.Workspace;

/// <summary>
/// The workspace's session on real processes: the access token is renewed with the refresh token as it runs out, the
/// session ends when routing ends the account's refresh tokens, every form needs its antiforgery token, and every
/// page carries the security headers.
/// </summary>
[Collection(SharedWorkspace.Name)]
public sealed partial class Keeping_the_session(StaffWorkspace system) : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("requests-session-").FullName;
    private ServiceProcess _routing = null!;
    private ServiceProcess _staff = null!;

    public async Task InitializeAsync()
    {
        // access tokens of 65 s: the workspace renews them a minute before their end, so after 5 s on every request
        // a routing of its own, on a virtual host of its own: it must not take the shared system's messages
        _routing = await RoutingProcess.StartAsync(Path.Combine(_folder, "routing.db"), await Broker.CreateVirtualHostAsync(),
            new Dictionary<string, string> { ["Auth__AccessTokenLifetime"] = "00:01:05" });
        _staff = await StaffProcess.StartAsync(_routing);
    }

    [Fact]
    public async Task The_token_is_renewed_as_it_runs_out_and_the_session_ends_when_routing_ends_it()
    {
        var page = await system.NewPageAsync();
        await page.GotoAsync(new Uri(_staff.Address, "/signin").ToString());
        await page.GetByLabel("Nom d'utilisateur").FillAsync(RoutingProcess.AdminUserName);
        await page.GetByLabel("Mot de passe").FillAsync(RoutingProcess.AdminPassword);
        await page.Locator("main button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("header .who")).ToContainTextAsync(RoutingProcess.AdminUserName);
        var firstCookie = await SessionCookieAsync(page);

        await Task.Delay(TimeSpan.FromSeconds(6));
        await page.GotoAsync(new Uri(_staff.Address, "/queue").ToString());

        // renewed: the page opens and the cookie now holds other tokens
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("File des dossiers");
        Assert.NotEqual(firstCookie, await SessionCookieAsync(page));

        // signing out through routing's API ends every refresh token of the account, the workspace's too
        using var api = await Steps.SignInAsync(_routing, RoutingProcess.AdminUserName, RoutingProcess.AdminPassword);
        Assert.Equal(HttpStatusCode.NoContent, (await api.PostAsync("/api/auth/logout", null)).StatusCode);
        // the access token in hand lives on until a minute before its end, when the workspace asks for the next one
        await Task.Delay(TimeSpan.FromSeconds(6));
        await page.GotoAsync(new Uri(_staff.Address, "/queue").ToString());

        await Assertions.Expect(page).ToHaveURLAsync(SignInPage());
    }

    [Fact]
    public async Task A_form_posted_without_its_antiforgery_token_is_refused_and_pages_carry_the_security_headers()
    {
        using var http = new HttpClient { BaseAddress = _staff.Address };

        var signIn = await http.GetAsync("/signin");
        var forged = await http.PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = RoutingProcess.AdminUserName, ["Password"] = RoutingProcess.AdminPassword,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.DoesNotContain(forged.Headers.TryGetValues("Set-Cookie", out var set) ? set : [], c => c.StartsWith("requests.workspace", StringComparison.Ordinal));
        var csp = string.Join(";", signIn.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", signIn.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("same-origin", signIn.Headers.GetValues("Referrer-Policy").Single());
        Assert.DoesNotContain("<script>", await signIn.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<string> SessionCookieAsync(IPage page) =>
        string.Concat((await page.Context.CookiesAsync()).Where(c => c.Name.StartsWith("requests.workspace", StringComparison.Ordinal))
            .Select(c => c.Value));

    [GeneratedRegex("/signin", RegexOptions.IgnoreCase)]
    private static partial Regex SignInPage();

    public async Task DisposeAsync()
    {
        await _staff.DisposeAsync();
        await _routing.DisposeAsync();
    }
}
