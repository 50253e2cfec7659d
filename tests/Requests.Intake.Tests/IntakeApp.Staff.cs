using System.Net.Http.Headers;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Requests.ServiceDefaults.Auth;

namespace Requests.Intake.Tests;

// Staff tokens as routing issues them, minted with the app's own key ring: no routing needed.
public sealed partial class IntakeApp
{
    /// <summary>A client carrying a bearer token for an account of <paramref name="role"/> designated for <paramref name="bodies"/>.</summary>
    public HttpClient StaffClient(string role, params string[] bodies)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", StaffToken(role, bodies));
        return client;
    }

    public string StaffToken(string role, params string[] bodies)
    {
        Claim[] claims =
        [
            new(ClaimTypes.Name, $"{role}-{string.Join("-", bodies)}".ToLowerInvariant()),
            new(ClaimTypes.Role, role),
            .. bodies.Select(b => new Claim(StaffClaims.Body, b)),
        ];
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, StaffAuthentication.BearerScheme));
        // the handler refuses a ticket without an expiry, and reads the time from the app's (fake) clock
        var properties = new AuthenticationProperties { ExpiresUtc = Clock.GetUtcNow().AddHours(1) };
        var options = Services.GetRequiredService<IOptionsMonitor<BearerTokenOptions>>().Get(StaffAuthentication.BearerScheme);
        return options.BearerTokenProtector.Protect(new AuthenticationTicket(principal, properties, StaffAuthentication.BearerScheme));
    }
}
