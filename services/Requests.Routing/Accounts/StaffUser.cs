using Microsoft.AspNetCore.Identity;

namespace Requests.Routing.Accounts;

/// <summary>A staff account: an officer, a head of body, the ministry or an administrator. Its bodies come from the directory.</summary>
public sealed class StaffUser : IdentityUser
{
    /// <summary>One of <c>StaffRoles</c>.</summary>
    public string Role { get; set; } = "";
}
