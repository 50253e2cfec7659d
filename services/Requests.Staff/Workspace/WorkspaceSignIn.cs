using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Requests.ServiceDefaults.Auth;
using Requests.Staff.Api;

namespace Requests.Staff.Workspace;

/// <summary>
/// Signing in to the workspace: the user name and password go to routing (<c>POST /api/auth/login</c>); the tokens it
/// answers are kept in the workspace's own cookie (encrypted, HTTP-only, same-site), with the account's name, role,
/// bodies and officer records as claims. Before the access token runs out, the refresh token gets the next pair; when
/// routing refuses it (signed out elsewhere, account changed), the session ends.
/// </summary>
public static class WorkspaceSignIn
{
    public const string Scheme = CookieAuthenticationDefaults.AuthenticationScheme;
    public const string Cookie = "requests.workspace";

    private const string AccessToken = "access_token";
    private const string RefreshToken = "refresh_token";
    private const string ExpiresAt = "expires_at";

    /// <summary>Routing's answer to a sign-in or a refresh.</summary>
    public sealed record Tokens(string AccessToken, int ExpiresIn, string RefreshToken);

    /// <summary>Routing's <c>GET /api/auth/me</c>.</summary>
    public sealed record Me(string Id, string UserName, string Role, IReadOnlyList<string> Bodies, IReadOnlyList<string> Officers,
        string? Language);

    /// <summary>What signing in came to: signed in, or why not (routing answers a held attempt as a wrong password).</summary>
    public enum Outcome { SignedIn, Wrong, Unavailable }

    public static WebApplicationBuilder AddWorkspaceSignIn(this WebApplicationBuilder builder)
    {
        builder.Services.AddAuthentication(Scheme).AddCookie(Scheme, o =>
        {
            o.Cookie.Name = Cookie;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = builder.Configuration.GetValue("Staff:SecureCookies", true)
                ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            o.LoginPath = "/SignIn";
            o.AccessDeniedPath = "/error?status=403";
            o.ReturnUrlParameter = "returnUrl";
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(builder.Configuration.GetValue("Staff:SessionHours", 10));
            o.Events.OnValidatePrincipal = RefreshWhenDueAsync;
        });
        return builder;
    }

    public static async Task<Outcome> SignInAsync(HttpContext http, string userName, string password, CancellationToken cancellationToken)
    {
        var routing = http.RequestServices.GetRequiredService<IHttpClientFactory>().CreateClient(ServiceApi.Anonymous(Service.Routing));
        using var response = await PostAsync(routing, "/api/auth/login", new { userName, password }, http, cancellationToken);
        if (response is null || (int)response.StatusCode >= 500)
            return Outcome.Unavailable;
        if (!response.IsSuccessStatusCode)
            return Outcome.Wrong;
        var tokens = (await response.Content.ReadFromJsonAsync<Tokens>(cancellationToken))!;
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/auth/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        using var meResponse = await routing.SendAsync(request, cancellationToken);
        if (!meResponse.IsSuccessStatusCode)
            return Outcome.Unavailable;
        var me = (await meResponse.Content.ReadFromJsonAsync<Me>(cancellationToken))!;

        var properties = new AuthenticationProperties { IsPersistent = false };
        Store(properties, tokens, http.RequestServices.GetRequiredService<TimeProvider>());
        await http.SignInAsync(Scheme, Principal(me), properties);
        // the language the account chose last, on whichever computer
        if (me.Language is "fr" or "ar")
            WorkspaceLanguages.Remember(http.Response, me.Language);
        return Outcome.SignedIn;
    }

    /// <summary>Ends the session here and the refresh tokens at routing.</summary>
    public static async Task SignOutAsync(HttpContext http, ServiceApi api, CancellationToken cancellationToken)
    {
        await api.SendAsync<object>(Service.Routing, HttpMethod.Post, "/api/auth/logout", null, cancellationToken);
        await http.SignOutAsync(Scheme);
    }

    /// <summary>The access token to call the services with.</summary>
    public static async Task<string?> AccessTokenAsync(HttpContext http) => await http.GetTokenAsync(Scheme, AccessToken);

    private static ClaimsPrincipal Principal(Me me)
    {
        List<Claim> claims =
        [
            new(ClaimTypes.NameIdentifier, me.Id), new(ClaimTypes.Name, me.UserName), new(ClaimTypes.Role, me.Role),
            .. me.Bodies.Select(b => new Claim(StaffClaims.Body, b)),
            .. me.Officers.Select(o => new Claim(StaffClaims.Officer, o)),
        ];
        return new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme, ClaimTypes.Name, ClaimTypes.Role));
    }

    private static void Store(AuthenticationProperties properties, Tokens tokens, TimeProvider clock) =>
        properties.StoreTokens(
        [
            new AuthenticationToken { Name = AccessToken, Value = tokens.AccessToken },
            new AuthenticationToken { Name = RefreshToken, Value = tokens.RefreshToken },
            new AuthenticationToken
            {
                Name = ExpiresAt,
                Value = clock.GetUtcNow().AddSeconds(tokens.ExpiresIn).ToString("o", CultureInfo.InvariantCulture),
            },
        ]);

    // a minute before the access token ends, the refresh token buys the next pair
    private static async Task RefreshWhenDueAsync(CookieValidatePrincipalContext context)
    {
        var clock = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
        var expiresAt = DateTimeOffset.Parse(context.Properties.GetTokenValue(ExpiresAt)!, CultureInfo.InvariantCulture);
        if (expiresAt - clock.GetUtcNow() > TimeSpan.FromMinutes(1))
            return;
        var routing = context.HttpContext.RequestServices.GetRequiredService<IHttpClientFactory>()
            .CreateClient(ServiceApi.Anonymous(Service.Routing));
        using var response = await PostAsync(routing, "/api/auth/refresh",
            new { refreshToken = context.Properties.GetTokenValue(RefreshToken) }, context.HttpContext, context.HttpContext.RequestAborted);
        if (response is not { IsSuccessStatusCode: true })
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(Scheme);
            return;
        }
        Store(context.Properties, (await response.Content.ReadFromJsonAsync<Tokens>(context.HttpContext.RequestAborted))!, clock);
        context.ShouldRenew = true;
    }

    /// <summary>Posts to routing with the person's address in <c>X-Forwarded-For</c>: routing slows password guesses by
    /// address, and believes the header when the workspace is among its trusted proxies (<c>ForwardedHeaders:KnownProxies</c>).</summary>
    private static async Task<HttpResponseMessage?> PostAsync(HttpClient client, string path, object body, HttpContext http,
        CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (http.Connection.RemoteIpAddress is { } address)
            request.Headers.Add("X-Forwarded-For", address.ToString());
        try
        {
            return await client.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }
}
