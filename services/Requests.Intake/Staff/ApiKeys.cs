using System.Security.Cryptography;
using System.Text;

namespace Requests.Intake.Staff;

/// <summary>
/// Staff and administrators authenticate with an API key from settings (<c>Intake:StaffApiKey</c>,
/// <c>Intake:AdminApiKey</c>) until officer accounts exist. An unset key disables its endpoints.
/// </summary>
public static class ApiKeys
{
    public const string Header = "X-Api-Key";

    public static RouteGroupBuilder RequireApiKey(this RouteGroupBuilder group, string settingName) =>
        group.AddEndpointFilter(async (context, next) =>
        {
            var expected = context.HttpContext.RequestServices.GetRequiredService<IConfiguration>()[settingName];
            var given = context.HttpContext.Request.Headers[Header].ToString();
            if (string.IsNullOrEmpty(expected) || !FixedTimeEquals(given, expected))
                return Results.Problem(statusCode: 401, title: $"A valid {Header} header is required.");
            return await next(context);
        });

    private static bool FixedTimeEquals(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)),
            SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
