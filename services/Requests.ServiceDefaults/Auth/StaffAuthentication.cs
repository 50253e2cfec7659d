using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Tokens;

namespace Requests.ServiceDefaults.Auth;

/// <summary>The roles of staff accounts. Citizens have no account: their case's access code is their key.</summary>
public static class StaffRoles
{
    /// <summary>An information officer or a substitute: works the queue of the bodies they are designated for.</summary>
    public const string Officer = "officer";

    /// <summary>The head of a body: answers recourses, sees the body's whole queue.</summary>
    public const string Head = "head";

    /// <summary>The ministry's reform department: reads every body's cases and reports, acts on none.</summary>
    public const string Ministry = "ministry";

    /// <summary>Administers the directory, the accounts and the calendar.</summary>
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Officer, Head, Ministry, Admin];
}

/// <summary>The claims a staff token carries besides the name and the role.</summary>
public static class StaffClaims
{
    /// <summary>A body the account is designated for (one claim per body).</summary>
    public const string Body = "requests:body";

    /// <summary>An officer record of the directory the account signs in as (one claim per designation).</summary>
    public const string Officer = "requests:officer";
}

/// <summary>Authorization policies by role, the same names in every service.</summary>
public static class StaffPolicies
{
    /// <summary>Any signed-in staff account.</summary>
    public const string Staff = "staff";

    /// <summary>Officers and heads of bodies: those who act on cases.</summary>
    public const string CaseWorkers = "case-workers";

    public const string Admin = "admin";

    /// <summary>Administrators and the ministry: those who read everything.</summary>
    public const string Oversight = "oversight";
}

/// <summary>
/// Staff authentication shared by the services: JWTs that routing signs with a key only it holds (ES256). Every
/// service checks them itself with the public key: from <c>Auth:PublicKeyFile</c>, else from <c>Auth:Authority</c>
/// (the issuer's OpenID metadata and JWKS: routing's, or a national identity provider's), else (routing) its own key. The token comes in the Authorization header or in routing's cookie. Its claims are mapped once, here, to
/// <see cref="ClaimTypes.Name"/>, <see cref="ClaimTypes.Role"/>, <see cref="StaffClaims.Body"/> and
/// <see cref="StaffClaims.Officer"/> (the names are settings, <c>Auth:Claims:*</c>): the policies and every
/// service's checks read only those.
/// </summary>
public static class StaffAuthentication
{
    public const string Scheme = "Staff";

    /// <summary>The cookie routing sets with <c>?useCookies=true</c>: it carries the access token itself.</summary>
    public const string Cookie = "requests.staff";

    public const string DefaultIssuer = "requests-routing";
    public const string DefaultAudience = "requests";

    /// <summary>Validates the staff tokens; <paramref name="ownKey"/> is routing's, used unless a setting names another source.</summary>
    public static IHostApplicationBuilder AddStaffAuthentication(this IHostApplicationBuilder builder, SecurityKey? ownKey = null)
    {
        var auth = builder.Configuration.GetSection("Auth");
        // a public key file, when given, is used instead of the authority
        var authority = string.IsNullOrEmpty(auth["PublicKeyFile"]) ? auth["Authority"] : null;
        builder.Services.AddAuthentication(Scheme).AddJwtBearer(Scheme);
        builder.Services.AddOptions<JwtBearerOptions>(Scheme).Configure<TimeProvider>((o, clock) =>
        {
            o.MapInboundClaims = false;
            o.TokenValidationParameters = new TokenValidationParameters
            {
                // with an authority, its metadata names the issuer
                ValidIssuer = auth["Issuer"] ?? (string.IsNullOrEmpty(authority) ? DefaultIssuer : null),
                ValidAudience = auth["Audience"] ?? DefaultAudience,
                ValidAlgorithms = auth.GetSection("Algorithms").Get<string[]>() ?? [SecurityAlgorithms.EcdsaSha256],
                RequireExpirationTime = true,
                ClockSkew = TimeSpan.FromSeconds(30),
                LifetimeValidator = (notBefore, expires, _, p) => IsLive(clock.GetUtcNow().UtcDateTime, notBefore, expires, p.ClockSkew),
            };
            if (!string.IsNullOrEmpty(authority))
            {
                o.Authority = authority;
                o.RequireHttpsMetadata = auth.GetValue<bool?>("RequireHttpsMetadata") ?? !IsLoopback(authority);
                o.RefreshInterval = TimeSpan.FromSeconds(10); // routing may start after this service
            }
            else
                o.TokenValidationParameters.IssuerSigningKey = auth["PublicKeyFile"] is { Length: > 0 } file ? ReadPublicKey(file)
                    : ownKey ?? throw new InvalidOperationException("Set Auth:Authority (routing's address) or Auth:PublicKeyFile.");
            o.Events = new JwtBearerEvents
            {
                OnMessageReceived = c =>
                {
                    if (!c.Request.Headers.ContainsKey("Authorization"))
                        c.Token = c.Request.Cookies[Cookie];
                    return Task.CompletedTask;
                },
                OnTokenValidated = c =>
                {
                    c.Principal = MapClaims(c.Principal!, auth.GetSection("Claims"));
                    return Task.CompletedTask;
                },
            };
        });
        builder.Services.AddAuthorization(AddStaffPolicies);
        return builder;
    }

    public static void AddStaffPolicies(AuthorizationOptions options)
    {
        options.AddPolicy(StaffPolicies.Staff, p => p.AddAuthenticationSchemes(Scheme).RequireRole(StaffRoles.All));
        options.AddPolicy(StaffPolicies.CaseWorkers, p => p.AddAuthenticationSchemes(Scheme)
            .RequireRole(StaffRoles.Officer, StaffRoles.Head, StaffRoles.Admin));
        options.AddPolicy(StaffPolicies.Admin, p => p.AddAuthenticationSchemes(Scheme).RequireRole(StaffRoles.Admin));
        options.AddPolicy(StaffPolicies.Oversight, p => p.AddAuthenticationSchemes(Scheme)
            .RequireRole(StaffRoles.Ministry, StaffRoles.Admin));
    }

    /// <summary>The token's claims under the names every check reads; the token's own names come from settings.</summary>
    private static ClaimsPrincipal MapClaims(ClaimsPrincipal token, IConfiguration names)
    {
        IEnumerable<Claim> Map(string key, string fallback, string type) =>
            token.FindAll(names[key] ?? fallback).Select(c => new Claim(type, c.Value));
        Claim[] claims =
        [
            .. Map("Id", "sub", ClaimTypes.NameIdentifier),
            .. Map("Name", "name", ClaimTypes.Name),
            .. Map("Role", "role", ClaimTypes.Role),
            .. Map("Body", StaffClaims.Body, StaffClaims.Body),
            .. Map("Officer", StaffClaims.Officer, StaffClaims.Officer),
        ];
        return new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme));
    }

    // the services' clock, not the machine's: the same one that stamps the tokens
    private static bool IsLive(DateTime now, DateTime? notBefore, DateTime? expires, TimeSpan skew) =>
        expires is { } end && now < end + skew && (notBefore is not { } start || now >= start - skew);

    private static bool IsLoopback(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.IsLoopback;

    private static ECDsaSecurityKey ReadPublicKey(string file)
    {
        var key = ECDsa.Create();
        key.ImportFromPem(File.ReadAllText(file));
        return new ECDsaSecurityKey(key);
    }

    /// <summary>The bodies a signed-in account is designated for, from its claims.</summary>
    public static IReadOnlyList<string> Bodies(this ClaimsPrincipal user) =>
        [.. user.FindAll(StaffClaims.Body).Select(c => c.Value)];

    /// <summary>Whether the account may read every body's cases: the ministry and administrators.</summary>
    public static bool SeesAllBodies(this ClaimsPrincipal user) =>
        user.IsInRole(StaffRoles.Ministry) || user.IsInRole(StaffRoles.Admin);
}
