using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Requests.ServiceDefaults.Auth;

namespace Requests.Routing.Tests;

public sealed class Signing_in : IDisposable
{
    private readonly RoutingApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task An_officers_token_names_the_bodies_they_are_designated_for()
    {
        var officer = await _app.SignInAsync(StaffRoles.Officer, "MEF-O1", "CNSS-O2");

        var me = await officer.GetFromJsonAsync<JsonElement>("/api/auth/me");

        Assert.Equal("officer", me.GetProperty("role").GetString());
        Assert.Equal(["CNSS", "MEF"], me.GetProperty("bodies").EnumerateArray().Select(b => b.GetString()!).Order());
        Assert.Equal(["CNSS-O2", "MEF-O1"], me.GetProperty("officers").EnumerateArray().Select(b => b.GetString()!).Order());
    }

    [Fact]
    public async Task Without_a_token_staff_endpoints_answer_401_problem_details()
    {
        var response = await _app.CreateClient().GetAsync("/api/auth/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
