using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

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
/// Staff authentication shared by the services. Routing issues the tokens (ASP.NET Core Identity's bearer tokens and
/// cookies); every service validates them itself with the Data Protection key ring they share, so no service calls
/// another to check a token. The key ring is a folder (<c>DataProtection:KeysPath</c>) that all services of one
/// deployment read: a shared volume when they run on several machines.
/// </summary>
/// <remarks>
/// To use a national identity provider (OpenID Connect, JWT) instead, register its handler under
/// <see cref="Scheme"/> here and map its claims to <see cref="ClaimTypes.Role"/>, <see cref="StaffClaims.Body"/>
/// and <see cref="StaffClaims.Officer"/>: the policies and every service's checks read only those claims.
/// </remarks>
public static class StaffAuthentication
{
    /// <summary>The scheme names Identity gives its bearer tokens and its cookie: a token is protected for its scheme.</summary>
    public const string BearerScheme = "Identity.Bearer";
    public const string CookieScheme = "Identity.Application";

    /// <summary>The default scheme: a bearer token when the request has an Authorization header, else the cookie.</summary>
    public const string Scheme = "Staff";

    /// <summary>The Data Protection application name: the same in every service, or tokens don't cross between them.</summary>
    public const string ApplicationName = "Requests";

    /// <summary>Shares the key ring. Routing calls this alone (Identity adds its own handlers); other services call <see cref="AddStaffAuthentication"/>.</summary>
    public static IHostApplicationBuilder AddSharedKeyRing(this IHostApplicationBuilder builder)
    {
        var keys = builder.Configuration["DataProtection:KeysPath"];
        if (string.IsNullOrEmpty(keys))
            keys = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData,
                Environment.SpecialFolderOption.Create), "Requests", "keys");
        builder.Services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToFileSystem(new DirectoryInfo(keys));
        return builder;
    }

    /// <summary>Validates the staff tokens and cookies routing issues, and adds the role policies.</summary>
    public static IHostApplicationBuilder AddStaffAuthentication(this IHostApplicationBuilder builder)
    {
        builder.AddSharedKeyRing();
        builder.Services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, "Bearer token or cookie", o => o.ForwardDefaultSelector = PickScheme)
            .AddBearerToken(BearerScheme)
            .AddCookie(CookieScheme, o =>
            {
                // an API answers 401 and 403, it does not redirect to a sign-in page
                o.Events.OnRedirectToLogin = c => Deny(c.Response, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = c => Deny(c.Response, StatusCodes.Status403Forbidden);
            });
        builder.Services.AddAuthorization(AddStaffPolicies);
        return builder;
    }

    public static void AddStaffPolicies(AuthorizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddPolicy(StaffPolicies.Staff, p => p.AddAuthenticationSchemes(Scheme).RequireRole(StaffRoles.All));
        options.AddPolicy(StaffPolicies.CaseWorkers, p => p.AddAuthenticationSchemes(Scheme)
            .RequireRole(StaffRoles.Officer, StaffRoles.Head, StaffRoles.Admin));
        options.AddPolicy(StaffPolicies.Admin, p => p.AddAuthenticationSchemes(Scheme).RequireRole(StaffRoles.Admin));
        options.AddPolicy(StaffPolicies.Oversight, p => p.AddAuthenticationSchemes(Scheme)
            .RequireRole(StaffRoles.Ministry, StaffRoles.Admin));
    }

    /// <summary>A bearer token when there is an Authorization header, else the cookie.</summary>
    public static string PickScheme(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var header = context.Request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? BearerScheme : CookieScheme;
    }

    private static Task Deny(HttpResponse response, int status)
    {
        response.StatusCode = status;
        return Task.CompletedTask;
    }

    /// <summary>The bodies a signed-in account is designated for, from its claims.</summary>
    public static IReadOnlyList<string> Bodies(this ClaimsPrincipal user) =>
        [.. user.FindAll(StaffClaims.Body).Select(c => c.Value)];

    /// <summary>Whether the account may read every body's cases: the ministry and administrators.</summary>
    public static bool SeesAllBodies(this ClaimsPrincipal user) =>
        user.IsInRole(StaffRoles.Ministry) || user.IsInRole(StaffRoles.Admin);
}
