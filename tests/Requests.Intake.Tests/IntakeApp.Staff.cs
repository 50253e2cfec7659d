using System.Net.Http.Headers;
using Requests.Testing;

namespace Requests.Intake.Tests;

// Staff tokens as routing signs them, with a key of the test's own whose public half the app is given: no routing needed.
public sealed partial class IntakeApp
{
    public TestSigningKey StaffKey { get; } = new();

    /// <summary>A client carrying a bearer token for an account of <paramref name="role"/> designated for <paramref name="bodies"/>.</summary>
    public HttpClient StaffClient(string role, params string[] bodies)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", StaffToken(role, bodies));
        return client;
    }

    public string StaffToken(string role, params string[] bodies) => StaffKey.StaffToken(role, bodies, Clock.GetUtcNow());
}
