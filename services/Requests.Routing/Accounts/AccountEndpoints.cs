using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
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

    public static void MapAccounts(this WebApplication app)
    {
        var auth = app.MapGroup("/api/auth").WithTags("Accounts");
        auth.MapPost("/login", LoginAsync).AllowAnonymous();
        auth.MapPost("/refresh", RefreshAsync).AllowAnonymous();
        auth.MapPost("/logout", async (SignInManager<StaffUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.NoContent();
        }).RequireAuthorization(StaffPolicies.Staff);
        auth.MapGet("/me", (ClaimsPrincipal user) => new Me(
            user.FindFirstValue(ClaimTypes.NameIdentifier)!, user.Identity!.Name!, user.FindFirstValue(ClaimTypes.Role)!,
            user.Bodies(), [.. user.FindAll(StaffClaims.Officer).Select(c => c.Value)]))
            .RequireAuthorization(StaffPolicies.Staff);

        var accounts = app.MapGroup("/api/accounts").WithTags("Accounts").RequireAuthorization(StaffPolicies.Admin);
        accounts.MapGet("/", ListAsync);
        accounts.MapPost("/", CreateAsync);
    }

    /// <summary>
    /// A bearer token (and its refresh token) by default; a cookie with <c>?useCookies=true</c>, for the web pages.
    /// Five wrong passwords lock the account for 15 minutes.
    /// </summary>
    private static async Task<Results<EmptyHttpResult, ProblemHttpResult>> LoginAsync(
        LoginRequest login, bool? useCookies, SignInManager<StaffUser> signIn)
    {
        if (string.IsNullOrWhiteSpace(login.UserName) || string.IsNullOrEmpty(login.Password))
            return TypedResults.Problem("A user name and a password are required.", statusCode: 400, title: "Invalid sign-in");
        signIn.AuthenticationScheme = useCookies == true ? IdentityConstants.ApplicationScheme : IdentityConstants.BearerScheme;
        var result = await signIn.PasswordSignInAsync(login.UserName, login.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
            return TypedResults.Empty; // the sign-in handler has written the token or set the cookie
        return TypedResults.Problem(result.IsLockedOut
                ? "Too many failed attempts: the account is locked for a while."
                : "Wrong user name or password.",
            statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed");
    }

    private static async Task<Results<SignInHttpResult, ChallengeHttpResult, ProblemHttpResult>> RefreshAsync(
        RefreshRequest refresh, SignInManager<StaffUser> signIn, IOptionsMonitor<BearerTokenOptions> tokens, TimeProvider clock)
    {
        if (string.IsNullOrEmpty(refresh.RefreshToken))
            return TypedResults.Problem("A refresh token is required.", statusCode: 400, title: "Invalid refresh");
        var protector = tokens.Get(IdentityConstants.BearerScheme).RefreshTokenProtector;
        var ticket = protector.Unprotect(refresh.RefreshToken);
        // an expired token, or one whose account changed (password, lock) since it was issued, gets nothing
        if (ticket?.Properties?.ExpiresUtc is not { } expires || clock.GetUtcNow() >= expires
            || await signIn.ValidateSecurityStampAsync(ticket.Principal) is not { } user)
            return TypedResults.Challenge();
        var principal = await signIn.CreateUserPrincipalAsync(user);
        return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
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
