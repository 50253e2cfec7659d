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

    public sealed record Tokens(string TokenType, string AccessToken, long ExpiresIn, string RefreshToken);

    public TimeSpan AccessLifetime =>
        configuration.GetValue<TimeSpan?>("Auth:AccessTokenLifetime") is { } lifetime && lifetime < MaxAccessLifetime ? lifetime : MaxAccessLifetime;

    public TimeSpan RefreshLifetime => configuration.GetValue<TimeSpan?>("Auth:RefreshTokenLifetime") ?? TimeSpan.FromDays(14);

    public async Task<Tokens> StartAsync(StaffUser user, CancellationToken cancellationToken)
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
        db.RefreshTokens.Add(new StaffRefreshToken { Hash = Hash(refresh), UserId = user.Id, ClaimsStamp = stamp, ExpiresAt = now + RefreshLifetime });
        await db.SaveChangesAsync(cancellationToken);
        return new Tokens("Bearer", access, (long)AccessLifetime.TotalSeconds, refresh);
    }

    /// <summary>The account a refresh token was issued to, if it still holds; the token is used up either way.</summary>
    public async Task<StaffUser?> RedeemAsync(string refreshToken, CancellationToken cancellationToken)
    {
        var hash = Hash(refreshToken);
        var token = await db.RefreshTokens.AsNoTracking().FirstOrDefaultAsync(t => t.Hash == hash, cancellationToken);
        // of two uses of one token, only the one that deletes it goes on
        if (token is null || await db.RefreshTokens.Where(t => t.Hash == hash).ExecuteDeleteAsync(cancellationToken) == 0
            || token.ExpiresAt <= clock.GetUtcNow() || await users.FindByIdAsync(token.UserId) is not { } user)
            return null;
        if (!user.Disabled && !await users.IsLockedOutAsync(user) && (await ClaimsOfAsync(user, cancellationToken)).Stamp == token.ClaimsStamp)
            return user;
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
