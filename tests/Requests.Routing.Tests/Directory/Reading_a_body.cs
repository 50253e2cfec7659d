using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Requests.ServiceDefaults.Auth;

namespace Requests.Routing.Tests;

public sealed class Reading_a_body : IDisposable
{
    private readonly RoutingApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Shows_a_body_with_its_officers_substitutes_and_head_without_e_mails_to_the_public()
    {
        var body = await AdminAnswers.JsonAsync(await _app.CreateClient().GetAsync("/api/directory/bodies/mef"), HttpStatusCode.OK);

        Assert.Equal(("MEF", "ministry", "Rabat-Salé-Kénitra"), (Text(body, "code"), Text(body, "sector"), Text(body, "region")));
        Assert.Equal(["MEF-O1", "MEF-O2"], Ids(body.GetProperty("officers")));
        var substitute = Assert.Single(body.GetProperty("substitutes").EnumerateArray());
        Assert.Equal(("MEF-S1", "MEF-O1"), (Text(substitute, "id"), Text(substitute, "substituteOf")));
        Assert.Equal(("MEF-H", "Nadia Chraibi"), (Text(body.GetProperty("head"), "id"), Text(body.GetProperty("head"), "fullName")));
        Assert.All(body.GetProperty("officers").EnumerateArray().Append(substitute).Append(body.GetProperty("head")),
            o => Assert.Equal(JsonValueKind.Null, o.GetProperty("email").ValueKind));
    }

    [Fact]
    public async Task Shows_officers_e_mails_to_staff()
    {
        var officer = await _app.SignInAsync(StaffRoles.Officer, "CNSS-O1");

        var body = await officer.GetFromJsonAsync<JsonElement>("/api/directory/bodies/MEF");
        var one = await officer.GetFromJsonAsync<JsonElement>("/api/directory/officers/MEF-S1");

        Assert.Equal("nadia.chraibi@mef.gov.ma", Text(body.GetProperty("head"), "email"));
        Assert.Equal(("MEF", "karim.tazi@mef.gov.ma", "substitute"), (Text(one, "bodyCode"), Text(one, "email"), Text(one, "role")));
        var anonymous = await _app.CreateClient().GetFromJsonAsync<JsonElement>("/api/directory/officers/MEF-S1");
        Assert.Equal(JsonValueKind.Null, anonymous.GetProperty("email").ValueKind);
    }

    [Theory]
    [InlineData("/api/directory/bodies/NOPE")]
    [InlineData("/api/directory/officers/NOPE-O1")]
    public async Task Answers_404_for_what_the_directory_does_not_hold(string path) =>
        await AdminAnswers.ProblemAsync(await _app.CreateClient().GetAsync(path), HttpStatusCode.NotFound);

    private static string? Text(JsonElement element, string name) => element.GetProperty(name).GetString();

    private static List<string?> Ids(JsonElement officers) => [.. officers.EnumerateArray().Select(o => Text(o, "id"))];
}
