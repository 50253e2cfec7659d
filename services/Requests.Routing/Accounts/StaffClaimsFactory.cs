using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Requests.Routing.Storage;
using Requests.ServiceDefaults.Auth;

namespace Requests.Routing.Accounts;

/// <summary>
/// What a staff token says: the account's role, and the directory's designations of it (officer records and their
/// bodies), so that every service can check access from the token alone.
/// </summary>
public sealed class StaffClaimsFactory(UserManager<StaffUser> users, IOptions<IdentityOptions> options, RoutingDbContext db)
    : UserClaimsPrincipalFactory<StaffUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(StaffUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(ClaimTypes.Role, user.Role));
        var designations = await db.Officers.AsNoTracking().Where(o => o.AccountId == user.Id)
            .Select(o => new { o.Id, o.BodyCode }).ToListAsync();
        foreach (var officer in designations)
            identity.AddClaim(new Claim(StaffClaims.Officer, officer.Id));
        foreach (var body in designations.Select(o => o.BodyCode).Distinct(StringComparer.Ordinal))
            identity.AddClaim(new Claim(StaffClaims.Body, body));
        return identity;
    }
}
