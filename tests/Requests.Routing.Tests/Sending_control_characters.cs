using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Requests.ServiceDefaults.Auth;

namespace Requests.Routing.Tests;

// A NUL or another control character in any text field is a 422 naming the field, and nothing changes.
public sealed class Sending_control_characters : IDisposable
{
    private readonly RoutingApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Signing_in_with_one_answers_422_naming_the_field()
    {
        var response = await _app.CreateClient().PostAsJsonAsync("/api/auth/login", new { userName = "admin\0", password = "a guess" });

        Assert.Equal(["userName"], await ErrorFieldsAsync(response));
    }

    [Fact]
    public async Task A_body_with_one_in_its_name_is_refused_and_the_directory_stays_as_it_was()
    {
        var admin = await _app.SignInAsync(StaffRoles.Admin);
        var before = await _app.CountAsync("bodies");

        var response = await admin.PostAsJsonAsync("/api/directory/bodies", new
        {
            code = "DGI", nameFr = "Direction\u0000 générale", nameAr = "المديرية", sector = "ministry", region = "Rabat-Salé-Kénitra",
            parentCode = "MEF",
        });

        Assert.Equal(["nameFr"], await ErrorFieldsAsync(response));
        Assert.Equal(before, await _app.CountAsync("bodies"));
    }

    [Fact]
    public async Task A_query_with_one_answers_422_naming_the_parameter()
    {
        var officer = await _app.SignInAsync(StaffRoles.Officer, "MEF-O1");

        Assert.Equal(["status"], await ErrorFieldsAsync(await officer.GetAsync("/api/queue?status=open%00")));
    }

    private static async Task<string[]> ErrorFieldsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        return [.. problem.GetProperty("errors").EnumerateObject().Select(e => e.Name)];
    }
}
