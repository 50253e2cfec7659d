using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Requests.Routing.Storage;
using Requests.ServiceDefaults.Auth;

namespace Requests.Routing.Accounts;

/// <summary>Signing in and out, and the administrators' management of staff accounts.</summary>
public static class AccountEndpoints
{
    public sealed record LoginRequest(string? UserName, string? Password);

    public sealed record RefreshRequest(string? RefreshToken);

    public sealed record Me(string Id, string UserName, string Role, IReadOnlyList<string> Bodies, IReadOnlyList<string> Officers);

    /// <param name="OfficerIds">The directory's officer records this account signs in as.</param>
    public sealed record NewAccount(string? UserName, string? Email, string? Password, string? Role, IReadOnlyList<string>? OfficerIds);

    public sealed record AccountView(string Id, string UserName, string? Email, string Role, bool LockedOut, IReadOnlyList<string> OfficerIds);

    private const string RefreshCookie = "requests.refresh";
    private static readonly string[] SigningAlgorithms = ["ES256"];

    public static void MapAccounts(this WebApplication app)
    {
        var auth = app.MapGroup("/api/auth").WithTags("Accounts");
        auth.MapPost("/login", LoginAsync).AllowAnonymous();
        auth.MapPost("/refresh", RefreshAsync).AllowAnonymous();
        auth.MapPost("/logout", async (ClaimsPrincipal user, StaffSessions sessions, HttpResponse response, CancellationToken cancellationToken) =>
        {
            await sessions.EndAsync(user.FindFirstValue(ClaimTypes.NameIdentifier)!, cancellationToken);
            response.Cookies.Delete(StaffAuthentication.Cookie);
            response.Cookies.Delete(RefreshCookie, new CookieOptions { Path = "/api/auth" });
            return Results.NoContent();
        }).RequireAuthorization(StaffPolicies.Staff);
        auth.MapGet("/me", (ClaimsPrincipal user) => new Me(
            user.FindFirstValue(ClaimTypes.NameIdentifier)!, user.Identity!.Name!, user.FindFirstValue(ClaimTypes.Role)!,
            user.Bodies(), [.. user.FindAll(StaffClaims.Officer).Select(c => c.Value)]))
            .RequireAuthorization(StaffPolicies.Staff);

        // what the other services (and any later client) need to check routing's tokens: no secret
        var known = app.MapGroup("/.well-known").AllowAnonymous().ExcludeFromDescription();
        known.MapGet("/jwks.json", (StaffSigningKey key) => key.Jwks());
        known.MapGet("/openid-configuration", (HttpRequest request, IConfiguration configuration) => new Dictionary<string, object>
        {
            ["issuer"] = configuration["Auth:Issuer"] ?? StaffAuthentication.DefaultIssuer,
            ["jwks_uri"] = $"{request.Scheme}://{request.Host}{request.PathBase}/.well-known/jwks.json",
            ["id_token_signing_alg_values_supported"] = SigningAlgorithms,
        });

        var accounts = app.MapGroup("/api/accounts").WithTags("Accounts").RequireAuthorization(StaffPolicies.Admin);
        accounts.MapGet("/", ListAsync);
        accounts.MapPost("/", CreateAsync);
    }

    /// <summary>An access token and a refresh token by default; with <c>?useCookies=true</c>, the same in cookies, for the
    /// web pages. Five wrong passwords lock the account for 15 minutes.</summary>
    private static async Task<IResult> LoginAsync(LoginRequest login, bool? useCookies, UserManager<StaffUser> users,
        SignInManager<StaffUser> signIn, StaffSessions sessions, HttpResponse response, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(login.UserName) || string.IsNullOrEmpty(login.Password))
            return TypedResults.Problem("A user name and a password are required.", statusCode: 400, title: "Invalid sign-in");
        var user = await users.FindByNameAsync(login.UserName);
        var result = user is null ? SignInResult.Failed : await signIn.CheckPasswordSignInAsync(user, login.Password, lockoutOnFailure: true);
        if (!result.Succeeded)
            return TypedResults.Problem(result.IsLockedOut
                    ? "Too many failed attempts: the account is locked for a while."
                    : "Wrong user name or password.",
                statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed");
        return Answer(await sessions.StartAsync(user!, cancellationToken), useCookies == true, sessions, response);
    }

    /// <summary>The next pair of tokens for a refresh token (in the body, or the cookie), which stops working.</summary>
    private static async Task<IResult> RefreshAsync(RefreshRequest? refresh, StaffSessions sessions, HttpRequest request,
        CancellationToken cancellationToken)
    {
        var token = refresh?.RefreshToken ?? request.Cookies[RefreshCookie];
        if (string.IsNullOrEmpty(token))
            return TypedResults.Problem("A refresh token is required.", statusCode: 400, title: "Invalid refresh");
        if (await sessions.RedeemAsync(token, cancellationToken) is not { } user)
            return TypedResults.Problem("The refresh token is unknown, used or expired, or the account has changed: sign in again.",
                statusCode: StatusCodes.Status401Unauthorized, title: "Refresh refused");
        return Answer(await sessions.StartAsync(user, cancellationToken), refresh?.RefreshToken is null, sessions, request.HttpContext.Response);
    }

    private static IResult Answer(StaffSessions.Tokens tokens, bool useCookies, StaffSessions sessions, HttpResponse response)
    {
        if (!useCookies)
            return TypedResults.Ok(tokens);
        CookieOptions Cookie(TimeSpan maxAge, string path) => new()
        {
            HttpOnly = true, Secure = response.HttpContext.Request.IsHttps, SameSite = SameSiteMode.Strict, MaxAge = maxAge, Path = path,
        };
        response.Cookies.Append(StaffAuthentication.Cookie, tokens.AccessToken, Cookie(sessions.AccessLifetime, "/"));
        response.Cookies.Append(RefreshCookie, tokens.RefreshToken, Cookie(sessions.RefreshLifetime, "/api/auth"));
        return TypedResults.Ok();
    }

    private static async Task<List<AccountView>> ListAsync(RoutingDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var users = await db.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(cancellationToken);
        var designations = await db.Officers.AsNoTracking().Where(o => o.AccountId != null)
            .Select(o => new { o.Id, o.AccountId }).ToListAsync(cancellationToken);
        return [.. users.Select(u => new AccountView(u.Id, u.UserName!, u.Email, u.Role, u.LockoutEnd > now,
            [.. designations.Where(d => d.AccountId == u.Id).Select(d => d.Id).Order(StringComparer.Ordinal)]))];
    }

    private static async Task<IResult> CreateAsync(NewAccount request, UserManager<StaffUser> users, RoutingDbContext db,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.UserName))
            errors["userName"] = ["A user name is required."];
        if (string.IsNullOrWhiteSpace(request.Email) || !new EmailAddressAttribute().IsValid(request.Email))
            errors["email"] = ["A valid e-mail address is required."];
        if (string.IsNullOrEmpty(request.Password))
            errors["password"] = ["A password is required."];
        if (request.Role is null || !StaffRoles.All.Contains(request.Role))
            errors["role"] = [$"The role must be one of {string.Join(", ", StaffRoles.All)}."];
        var officerIds = request.OfficerIds ?? [];
        var officers = await db.Officers.Where(o => officerIds.Contains(o.Id)).ToListAsync(cancellationToken);
        var unknown = officerIds.Except(officers.Select(o => o.Id), StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
            errors["officerIds"] = [$"Unknown officer: {string.Join(", ", unknown)}."];
        else if (officers.FirstOrDefault(o => o.AccountId is not null) is { } taken)
            errors["officerIds"] = [$"Officer {taken.Id} already has an account."];
        else if (request.Role is StaffRoles.Officer or StaffRoles.Head && officers.Count == 0)
            errors["officerIds"] = ["An officer or a head of body signs in as at least one officer of the directory."];
        if (errors.Count > 0)
            return Results.ValidationProblem(errors);

        var user = new StaffUser { UserName = request.UserName!.Trim(), Email = request.Email, Role = request.Role!, LockoutEnabled = true };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var created = await users.CreateAsync(user, request.Password!);
        if (!created.Succeeded)
            return Results.ValidationProblem(created.Errors.GroupBy(e => e.Code.StartsWith("Password", StringComparison.Ordinal) ? "password" : "userName")
                .ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray()));
        foreach (var officer in officers)
            officer.AccountId = user.Id;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Results.Created($"/api/accounts/{user.Id}",
            new AccountView(user.Id, user.UserName, user.Email, user.Role, false, [.. officers.Select(o => o.Id)]));
    }
}
