using Microsoft.AspNetCore.Identity;

namespace Requests.Routing.Accounts;

/// <summary>A staff account: an officer, a head of body, the ministry or an administrator. Its bodies come from the directory.</summary>
public sealed class StaffUser : IdentityUser
{
    /// <summary>One of <c>StaffRoles</c>.</summary>
    public string Role { get; set; } = "";

    /// <summary><c>fr</c> or <c>ar</c>: the language of the account's pages and of its officers' e-mails.</summary>
    public string Language { get; set; } = "fr";

    /// <summary>A disabled account cannot sign in; it is kept for the history that names it.</summary>
    public bool Disabled { get; set; }
}

/// <summary>
/// A refresh token, stored as its SHA-256 hash: one use, then it is replaced by the next of its family (the tokens that
/// follow one sign-in). A used token is kept until it expires, so that a second use, a sign that it was stolen, ends
/// the whole family.
/// </summary>
public sealed class StaffRefreshToken
{
    public required string Hash { get; init; }

    public required string UserId { get; init; }

    public required string Family { get; init; }

    public DateTimeOffset? UsedAt { get; init; }

    /// <summary>A hash of what the account's access tokens say (role, designations, security stamp): when it changes, the token ends.</summary>
    public required string ClaimsStamp { get; init; }

    public DateTimeOffset ExpiresAt { get; init; }
}
