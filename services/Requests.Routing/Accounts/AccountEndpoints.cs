using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Requests.Routing.Storage;
using Requests.ServiceDefaults.Auth;
using Requests.ServiceDefaults.Http;

namespace Requests.Routing.Accounts;

/// <summary>Signing in and out, and the administrators' management of staff accounts.</summary>
public static class AccountEndpoints
{
    public sealed record LoginRequest(string? UserName, string? Password);

    public sealed record RefreshRequest(string? RefreshToken);

    /// <param name="Language"><c>fr</c> or <c>ar</c>: the account's pages and its officers' e-mails.</param>
    public sealed record Me(string Id, string UserName, string Role, IReadOnlyList<string> Bodies, IReadOnlyList<string> Officers,
        string Language);

    public sealed record LanguageForm(string? Language);

    /// <param name="OfficerIds">The directory's officer records this account signs in as.</param>
    public sealed record NewAccount(string? UserName, string? Email, string? Password, string? Role, IReadOnlyList<string>? OfficerIds);

    public sealed record AccountChange(string? Role, IReadOnlyList<string>? OfficerIds);

    public sealed record PasswordForm(string? Password);

    public sealed record AccountView(string Id, string UserName, string? Email, string Role, bool LockedOut, bool Disabled,
        string Language, IReadOnlyList<string> OfficerIds, IReadOnlyList<string> Bodies);

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
        auth.MapGet("/me", async (ClaimsPrincipal user, RoutingDbContext db, CancellationToken cancellationToken) =>
        {
            var id = user.FindFirstValue(ClaimTypes.NameIdentifier)!;
            var language = await db.Users.Where(u => u.Id == id).Select(u => u.Language).FirstOrDefaultAsync(cancellationToken);
            return new Me(id, user.Identity!.Name!, user.FindFirstValue(ClaimTypes.Role)!, user.Bodies(),
                [.. user.FindAll(StaffClaims.Officer).Select(c => c.Value)], language ?? "fr");
        }).RequireAuthorization(StaffPolicies.Staff);
        auth.MapPut("/me/language", SetLanguageAsync).RequireAuthorization(StaffPolicies.Staff);

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
        accounts.MapPut("/{userName}", ChangeAsync);
        accounts.MapPost("/{userName}/disable", (string userName, UserManager<StaffUser> users, StaffSessions sessions,
            CancellationToken cancellationToken) => SetDisabledAsync(userName, true, users, sessions, cancellationToken));
        accounts.MapPost("/{userName}/enable", (string userName, UserManager<StaffUser> users, StaffSessions sessions,
            CancellationToken cancellationToken) => SetDisabledAsync(userName, false, users, sessions, cancellationToken));
        accounts.MapPost("/{userName}/password", ResetPasswordAsync);
    }

    /// <summary>An access token and a refresh token by default; with <c>?useCookies=true</c>, the same in cookies, for the
    /// web pages. Guessing is slowed (<see cref="SignInThrottle"/>): a wrong password, an unknown or disabled account and
    /// a held attempt get the same answer, after the same work.</summary>
    private static async Task<IResult> LoginAsync(LoginRequest login, bool? useCookies, UserManager<StaffUser> users,
        SignInThrottle throttle, StaffSessions sessions, HttpContext http, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(login.UserName) || string.IsNullOrEmpty(login.Password))
            return TypedResults.Problem("A user name and a password are required.", statusCode: 400, title: "Invalid sign-in");
        var (account, address) = (users.NormalizeName(login.UserName)!, ClientAddress.Partition(http));
        var user = await throttle.IsHeldAsync(account, address, cancellationToken) ? null : await users.FindByNameAsync(login.UserName);
        var signedIn = user is { Disabled: false } && await users.CheckPasswordAsync(user, login.Password);
        if (!signedIn)
        {
            if (user is null)
                SignInThrottle.CheckNoPassword(login.Password);
            // counted even when the client goes away: a guesser must not escape the count by hanging up
            await throttle.FailedAsync(account, address, CancellationToken.None);
            return TypedResults.Problem("Wrong user name or password.", statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed");
        }
        await throttle.SignedInAsync(account, address, cancellationToken);
        return Answer(await sessions.StartAsync(user!, cancellationToken), useCookies == true, sessions, http.Response);
    }

    /// <summary>The next pair of tokens for a refresh token (in the body, or the cookie), which stops working.</summary>
    private static async Task<IResult> RefreshAsync(RefreshRequest? refresh, StaffSessions sessions, HttpRequest request,
        CancellationToken cancellationToken)
    {
        var token = refresh?.RefreshToken ?? request.Cookies[RefreshCookie];
        if (string.IsNullOrEmpty(token))
            return TypedResults.Problem("A refresh token is required.", statusCode: 400, title: "Invalid refresh");
        if (await sessions.RedeemAsync(token, cancellationToken) is not var (user, family))
            return TypedResults.Problem("The refresh token is unknown, used or expired, or the account has changed: sign in again.",
                statusCode: StatusCodes.Status401Unauthorized, title: "Refresh refused");
        return Answer(await sessions.StartAsync(user, cancellationToken, family), refresh?.RefreshToken is null, sessions, request.HttpContext.Response);
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

    private static async Task<List<AccountView>> ListAsync(RoutingDbContext db, SignInThrottle throttle, CancellationToken cancellationToken)
    {
        var users = await db.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(cancellationToken);
        var designations = (await db.Officers.AsNoTracking().Where(o => o.AccountId != null)
            .Select(o => new { o.Id, o.BodyCode, o.AccountId }).ToListAsync(cancellationToken))
            .ToLookup(o => o.AccountId!, o => (o.Id, o.BodyCode));
        var throttled = await throttle.ThrottledAsync(cancellationToken);
        return [.. users.Select(u => View(u, designations[u.Id], throttled))];
    }

    private static AccountView View(StaffUser u, IEnumerable<(string Id, string BodyCode)> officers, IReadOnlySet<string> throttled) =>
        new(u.Id, u.UserName!, u.Email, u.Role, throttled.Contains(u.NormalizedUserName!), u.Disabled, u.Language,
            [.. officers.Select(o => o.Id).Order(StringComparer.Ordinal)],
            [.. officers.Select(o => o.BodyCode).Distinct().Order(StringComparer.Ordinal)]);

    private static AccountView View(StaffUser u, IEnumerable<Officer> officers, IReadOnlySet<string> throttled) =>
        View(u, officers.Select(o => (o.Id, o.BodyCode)), throttled);

    /// <summary>The role and the officer records an account's holder signs in as; its refresh tokens end.</summary>
    private static async Task<IResult> ChangeAsync(string userName, AccountChange request, UserManager<StaffUser> users,
        RoutingDbContext db, StaffSessions sessions, SignInThrottle throttle, CancellationToken cancellationToken)
    {
        if (await users.FindByNameAsync(userName) is not { } user)
            return NoAccount(userName);
        var errors = new Dictionary<string, string[]>();
        var officers = await CheckAsync(errors, request.Role, request.OfficerIds, user.Id, db, cancellationToken);
        if (errors.Count > 0)
            return Results.ValidationProblem(errors, statusCode: 422);

        var ids = officers.Select(o => o.Id).ToList();
        foreach (var former in await db.Officers.Where(o => o.AccountId == user.Id && !ids.Contains(o.Id)).ToListAsync(cancellationToken))
            former.AccountId = null;
        foreach (var officer in officers)
            officer.AccountId = user.Id;
        user.Role = request.Role!;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await users.UpdateAsync(user);
        await sessions.EndAsync(user.Id, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Results.Ok(View(user, officers, await throttle.ThrottledAsync(cancellationToken)));
    }

    private static async Task<IResult> SetDisabledAsync(string userName, bool disabled, UserManager<StaffUser> users,
        StaffSessions sessions, CancellationToken cancellationToken)
    {
        if (await users.FindByNameAsync(userName) is not { } user)
            return NoAccount(userName);
        user.Disabled = disabled;
        await users.UpdateAsync(user);
        await sessions.EndAsync(user.Id, cancellationToken);
        return Results.NoContent();
    }

    /// <summary>An administrator sets a new password (by the same rules as at creation): the account is unlocked and its
    /// refresh tokens end.</summary>
    private static async Task<IResult> ResetPasswordAsync(string userName, PasswordForm form, UserManager<StaffUser> users,
        RoutingDbContext db, StaffSessions sessions, SignInThrottle throttle, CancellationToken cancellationToken)
    {
        if (await users.FindByNameAsync(userName) is not { } user)
            return NoAccount(userName);
        var problems = new List<string>();
        if (string.IsNullOrEmpty(form.Password))
            problems.Add("A password is required.");
        else
            foreach (var validator in users.PasswordValidators)
                problems.AddRange((await validator.ValidateAsync(users, user, form.Password)).Errors.Select(e => e.Description));
        if (problems.Count > 0)
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["password"] = [.. problems] }, statusCode: 422);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await users.RemovePasswordAsync(user);
        await users.AddPasswordAsync(user, form.Password!);
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await sessions.EndAsync(user.Id, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await throttle.ForgiveAsync(user.NormalizedUserName!, cancellationToken);
        return Results.NoContent();
    }

    /// <summary>The signed-in user's language, <c>fr</c> or <c>ar</c>; their officer records' e-mails follow it.</summary>
    private static async Task<IResult> SetLanguageAsync(LanguageForm form, ClaimsPrincipal user, RoutingDbContext db,
        CancellationToken cancellationToken)
    {
        if (form.Language is not ("fr" or "ar"))
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["language"] = ["fr or ar."] }, statusCode: 422);
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier)!;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Users.Where(u => u.Id == id).ExecuteUpdateAsync(u => u.SetProperty(x => x.Language, form.Language), cancellationToken);
        await db.Officers.Where(o => o.AccountId == id).ExecuteUpdateAsync(o => o.SetProperty(x => x.Language, form.Language), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Results.NoContent();
    }

    /// <summary>Checks a role and the officer records an account signs in as (none may belong to another account).</summary>
    private static async Task<List<Officer>> CheckAsync(Dictionary<string, string[]> errors, string? role,
        IReadOnlyList<string>? officerIds, string? accountId, RoutingDbContext db, CancellationToken cancellationToken)
    {
        if (role is null || !StaffRoles.All.Contains(role))
            errors["role"] = [$"The role must be one of {string.Join(", ", StaffRoles.All)}."];
        officerIds ??= [];
        var officers = await db.Officers.Where(o => officerIds.Contains(o.Id)).ToListAsync(cancellationToken);
        var unknown = officerIds.Except(officers.Select(o => o.Id), StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
            errors["officerIds"] = [$"Unknown officer: {string.Join(", ", unknown)}."];
        else if (officers.FirstOrDefault(o => o.AccountId is not null && o.AccountId != accountId) is { } taken)
            errors["officerIds"] = [$"Officer {taken.Id} already has an account."];
        else if (role is StaffRoles.Officer or StaffRoles.Head && officers.Count == 0)
            errors["officerIds"] = ["An officer or a head of body signs in as at least one officer of the directory."];
        return officers;
    }

    private static IResult NoAccount(string userName) => Results.Problem(statusCode: 404, title: $"No account {userName}.");

    private static async Task<IResult> CreateAsync(NewAccount request, UserManager<StaffUser> users, RoutingDbContext db,
        SignInThrottle throttle, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.UserName))
            errors["userName"] = ["A user name is required."];
        if (string.IsNullOrWhiteSpace(request.Email) || !new EmailAddressAttribute().IsValid(request.Email))
            errors["email"] = ["A valid e-mail address is required."];
        if (string.IsNullOrEmpty(request.Password))
            errors["password"] = ["A password is required."];
        var officers = await CheckAsync(errors, request.Role, request.OfficerIds, null, db, cancellationToken);
        if (errors.Count > 0)
            return Results.ValidationProblem(errors, statusCode: 422);

        var user = new StaffUser { UserName = request.UserName!.Trim(), Email = request.Email, Role = request.Role!, LockoutEnabled = true };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var created = await users.CreateAsync(user, request.Password!);
        if (!created.Succeeded)
            return Results.ValidationProblem(created.Errors.GroupBy(e => e.Code.StartsWith("Password", StringComparison.Ordinal) ? "password" : "userName")
                .ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray()), statusCode: 422);
        foreach (var officer in officers)
            officer.AccountId = user.Id;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Results.Created($"/api/accounts/{Uri.EscapeDataString(user.UserName)}", View(user, officers, await throttle.ThrottledAsync(cancellationToken)));
    }
}
