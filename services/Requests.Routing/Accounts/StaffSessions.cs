using System.Buffers.Text;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Requests.Routing.Storage;
using Requests.ServiceDefaults.Auth;

namespace Requests.Routing.Accounts;

/// <summary>Issues a staff account's tokens: a signed access token of at most 15 minutes that every service checks on its
/// own, and an opaque refresh token, kept hashed, that gives the next pair once. Signing out, a lock, disabling, or a change of the
/// account's role, designations or security stamp ends its refresh tokens.</summary>
public sealed class StaffSessions(RoutingDbContext db, UserManager<StaffUser> users, StaffSigningKey key,
    IConfiguration configuration, TimeProvider clock)
{
    public static readonly TimeSpan MaxAccessLifetime = TimeSpan.FromMinutes(15);

    private static readonly TimeSpan ReuseGrace = TimeSpan.FromSeconds(10);

    public sealed record Tokens(string TokenType, string AccessToken, long ExpiresIn, string RefreshToken);

    public TimeSpan AccessLifetime =>
        configuration.GetValue<TimeSpan?>("Auth:AccessTokenLifetime") is { } lifetime && lifetime < MaxAccessLifetime ? lifetime : MaxAccessLifetime;

    public TimeSpan RefreshLifetime => configuration.GetValue<TimeSpan?>("Auth:RefreshTokenLifetime") ?? TimeSpan.FromDays(14);

    /// <summary>A new pair of tokens: the refresh token opens a family (a sign-in) or continues <paramref name="family"/>.</summary>
    public async Task<Tokens> StartAsync(StaffUser user, CancellationToken cancellationToken, string? family = null)
    {
        var (claims, stamp) = await ClaimsOfAsync(user, cancellationToken);
        var now = clock.GetUtcNow();
        var access = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = configuration["Auth:Issuer"] ?? StaffAuthentication.DefaultIssuer,
            Audience = configuration["Auth:Audience"] ?? StaffAuthentication.DefaultAudience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + AccessLifetime).UtcDateTime,
            SigningCredentials = new SigningCredentials(key.Private, SecurityAlgorithms.EcdsaSha256),
        });
        var refresh = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var expired = await db.RefreshTokens.Where(t => t.UserId == user.Id).ToListAsync(cancellationToken);
        db.RefreshTokens.RemoveRange(expired.Where(t => t.ExpiresAt <= now));
        db.RefreshTokens.Add(new StaffRefreshToken
        {
            Hash = Hash(refresh), UserId = user.Id, Family = family ?? Hash(refresh), ClaimsStamp = stamp, ExpiresAt = now + RefreshLifetime,
        });
        await db.SaveChangesAsync(cancellationToken);
        return new Tokens("Bearer", access, (long)AccessLifetime.TotalSeconds, refresh);
    }

    /// <summary>
    /// The account a refresh token was issued to and its family, if it still holds; the token is used up either way.
    /// A token used a second time ends its family: whoever holds the newer tokens signs in again.
    /// </summary>
    public async Task<(StaffUser User, string Family)?> RedeemAsync(string refreshToken, CancellationToken cancellationToken)
    {
        var hash = Hash(refreshToken);
        var now = clock.GetUtcNow();
        var token = await db.RefreshTokens.AsNoTracking().FirstOrDefaultAsync(t => t.Hash == hash, cancellationToken);
        if (token is null || token.ExpiresAt <= now)
            return null;
        // of two uses of one token, only the one that marks it goes on; the other ends the family, unless it came within
        // a few seconds of the first (two pages of one browser refreshing at once: refused, nothing ended)
        if (token.UsedAt is not null || await db.RefreshTokens.Where(t => t.Hash == hash && t.UsedAt == null)
                .ExecuteUpdateAsync(t => t.SetProperty(x => x.UsedAt, now), cancellationToken) == 0)
        {
            if (token.UsedAt is not { } used || now - used > ReuseGrace)
                await db.RefreshTokens.Where(t => t.Family == token.Family).ExecuteDeleteAsync(cancellationToken);
            return null;
        }
        if (await users.FindByIdAsync(token.UserId) is not { } user)
            return null;
        if (!user.Disabled && !await users.IsLockedOutAsync(user) && (await ClaimsOfAsync(user, cancellationToken)).Stamp == token.ClaimsStamp)
            return (user, token.Family);
        await EndAsync(user.Id, cancellationToken);
        return null;
    }

    public Task EndAsync(string userId, CancellationToken cancellationToken) =>
        db.RefreshTokens.Where(t => t.UserId == userId).ExecuteDeleteAsync(cancellationToken);

    private async Task<(List<Claim> Claims, string Stamp)> ClaimsOfAsync(StaffUser user, CancellationToken cancellationToken)
    {
        var designations = await db.Officers.AsNoTracking().Where(o => o.AccountId == user.Id).OrderBy(o => o.Id)
            .Select(o => new { o.Id, o.BodyCode }).ToListAsync(cancellationToken);
        List<Claim> claims =
        [
            new("sub", user.Id), new("name", user.UserName!), new("role", user.Role),
            .. designations.Select(o => new Claim(StaffClaims.Officer, o.Id)),
            .. designations.Select(o => o.BodyCode).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
                .Select(b => new Claim(StaffClaims.Body, b)),
        ];
        return (claims, Hash(string.Join('\n', [user.SecurityStamp, .. claims.Select(c => $"{c.Type}={c.Value}")])));
    }

    private static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}
