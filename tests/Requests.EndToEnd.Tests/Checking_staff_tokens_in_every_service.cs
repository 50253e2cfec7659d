using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Requests.EndToEnd.Tests.Infrastructure;
using Requests.Testing;
using static Requests.EndToEnd.Tests.Infrastructure.Steps;

namespace Requests.EndToEnd.Tests;

/// <summary>
/// Routing, intake and reporting as real processes: routing alone signs staff tokens; the others check them with the
/// public key routing publishes, so a token signed with any other key gets nowhere.
/// </summary>
public sealed class Checking_staff_tokens_in_every_service : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("requests-e2e-").FullName;
    private Broker _broker = null!;

    public async Task InitializeAsync() => _broker = await Broker.CreateVirtualHostAsync();

    [Fact]
    public async Task A_token_signed_with_another_key_is_refused_by_all_three_and_routings_own_accepted()
    {
        await using var routing = await RoutingProcess.StartAsync(Path.Combine(_folder, "routing.db"), _broker);
        await using var intake = await IntakeProcess.StartAsync(Path.Combine(_folder, "intake.db"), _broker, routing: routing);
        await using var reporting = await ReportingProcess.StartAsync(Path.Combine(_folder, "reporting.db"), _broker,
            RoutingProcess.Authority(routing));
        using var admin = await SignInAsync(routing, RoutingProcess.AdminUserName, RoutingProcess.AdminPassword);
        var token = admin.DefaultRequestHeaders.Authorization!.Parameter!;
        // the same claims, issuer, audience and key id, signed with a fresh ES256 key
        var forged = new TestSigningKey().Resign(token);
        var year = DateTime.UtcNow.Year;

        foreach (var (service, path, expected) in new[]
        {
            (routing, "/api/auth/me", HttpStatusCode.OK),
            (reporting, $"/api/reports/{year}/synthesis", HttpStatusCode.OK),
            // an empty filing: past authentication, refused for its missing fields
            (intake, "/api/staff/requests", HttpStatusCode.UnprocessableEntity),
        })
        {
            Assert.Equal(expected, await SendAsync(service, path, token));
            Assert.Equal(HttpStatusCode.Unauthorized, await SendAsync(service, path, forged));
        }
    }

    [Fact]
    public async Task The_cookie_routing_sets_opens_reportings_page()
    {
        await using var routing = await RoutingProcess.StartAsync(Path.Combine(_folder, "routing.db"), _broker);
        await using var reporting = await ReportingProcess.StartAsync(Path.Combine(_folder, "reporting.db"), _broker,
            RoutingProcess.Authority(routing));
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() });

        var login = await browser.PostAsJsonAsync(new Uri(routing.Address, "/api/auth/login?useCookies=true"),
            new { userName = RoutingProcess.AdminUserName, password = RoutingProcess.AdminPassword });
        var page = await browser.GetAsync(new Uri(reporting.Address, $"/reports/{DateTime.UtcNow.Year}"));
        var anonymous = await new HttpClient().GetAsync(new Uri(reporting.Address, $"/reports/{DateTime.UtcNow.Year}"));

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Contains("HttpOnly", string.Join(";", login.Headers.GetValues("Set-Cookie")), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task A_refresh_token_is_refused_once_rotated_and_after_signing_out()
    {
        await using var routing = await RoutingProcess.StartAsync(Path.Combine(_folder, "routing.db"), _broker);
        using var http = new HttpClient { BaseAddress = routing.Address };
        var login = await (await http.PostAsJsonAsync("/api/auth/login",
            new { userName = RoutingProcess.AdminUserName, password = RoutingProcess.AdminPassword })).Content.ReadFromJsonAsync<JsonElement>();
        var access = new JsonWebToken(login.GetProperty("accessToken").GetString());

        var rotated = await http.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = login.GetProperty("refreshToken").GetString() });
        var reused = await http.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = login.GetProperty("refreshToken").GetString() });
        var next = await rotated.Content.ReadFromJsonAsync<JsonElement>();
        using var signOut = new HttpRequestMessage(HttpMethod.Post, "/api/auth/logout");
        signOut.Headers.Authorization = new AuthenticationHeaderValue("Bearer", next.GetProperty("accessToken").GetString());
        var logout = await http.SendAsync(signOut);
        var afterLogout = await http.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = next.GetProperty("refreshToken").GetString() });

        Assert.True(login.GetProperty("expiresIn").GetInt64() is > 0 and <= 900);
        Assert.True(access.ValidTo - access.IssuedAt <= TimeSpan.FromMinutes(15), $"{access.IssuedAt:O} to {access.ValidTo:O}");
        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, reused.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, afterLogout.StatusCode);
    }

    private static async Task<HttpStatusCode> SendAsync(ServiceProcess service, string path, string token)
    {
        using var http = new HttpClient { BaseAddress = service.Address };
        using var request = path.StartsWith("/api/staff/", StringComparison.Ordinal)
            ? new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(new { }) }
            : new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return (await http.SendAsync(request)).StatusCode;
    }

    public async Task DisposeAsync()
    {
        await _broker.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
