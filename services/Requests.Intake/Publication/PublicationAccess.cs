using System.Security.Claims;
using Requests.ServiceDefaults.Auth;

namespace Requests.Intake.Publication;

/// <summary>Who may change what a body publishes (its officers and head, administrators) and who may read it (the ministry too).</summary>
public static class PublicationAccess
{
    /// <summary>Null when the account may; else the problem to answer.</summary>
    public static IResult? Check(ClaimsPrincipal user, string bodyCode, bool write)
    {
        if (user.Identity?.IsAuthenticated != true)
            return Results.Problem(statusCode: 401, title: "Staff only: sign in with routing and send the bearer token.");
        if (user.IsInRole(StaffRoles.Admin))
            return null;
        if (user.IsInRole(StaffRoles.Ministry))
            return write ? Results.Problem(statusCode: 403, title: "The ministry reads what bodies publish but does not publish for them.") : null;
        return (user.IsInRole(StaffRoles.Officer) || user.IsInRole(StaffRoles.Head))
               && user.Bodies().Contains(bodyCode, StringComparer.OrdinalIgnoreCase)
            ? null
            : Results.Problem(statusCode: 403, title: $"Your account is not designated for '{bodyCode}'.");
    }

    public static string Name(ClaimsPrincipal user) => user.Identity?.Name ?? "staff";

    public static IResult Invalid(Dictionary<string, string[]> errors, string title = "Some fields are missing or invalid; nothing was published.") =>
        Results.ValidationProblem(errors, statusCode: 422, title: title);

    public static IResult Conflict(string field, string message) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, statusCode: 409, title: message);
}
