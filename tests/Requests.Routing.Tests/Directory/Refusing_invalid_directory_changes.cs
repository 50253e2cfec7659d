using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Requests.ServiceDefaults.Auth;

namespace Requests.Routing.Tests;

// Every refusal of a change to the directory names the field, answers 401/403/404/409/422, and changes nothing:
// no body, officer or leave, and no snapshot besides the one of start-up.
public sealed class Refusing_invalid_directory_changes(UnchangedRoutingApp shared) : IClassFixture<UnchangedRoutingApp>
{
    private readonly RoutingApp _app = shared.App;
    private readonly HttpClient _admin = shared.Admin;

    [Theory]
    [InlineData("{\"nameFr\":\"X\",\"nameAr\":\"س\",\"sector\":\"ministry\",\"region\":\"R\"}", "code")]
    [InlineData("{\"code\":\"A B\",\"nameFr\":\"X\",\"nameAr\":\"س\",\"sector\":\"ministry\",\"region\":\"R\"}", "code")]
    [InlineData("{\"code\":\"NEW\",\"nameAr\":\"س\",\"sector\":\"ministry\",\"region\":\"R\"}", "nameFr")]
    [InlineData("{\"code\":\"NEW\",\"nameFr\":\"X\",\"nameAr\":\" \",\"sector\":\"ministry\",\"region\":\"R\"}", "nameAr")]
    [InlineData("{\"code\":\"NEW\",\"nameFr\":\"X\",\"nameAr\":\"س\",\"sector\":\"bank\",\"region\":\"R\"}", "sector")]
    [InlineData("{\"code\":\"NEW\",\"nameFr\":\"X\",\"nameAr\":\"س\",\"sector\":\"ministry\"}", "region")]
    [InlineData("{\"code\":\"NEW\",\"nameFr\":\"X\",\"nameAr\":\"س\",\"sector\":\"ministry\",\"region\":\"R\",\"parentCode\":\"NOPE\"}", "parentCode")]
    [InlineData("{\"code\":\"NEW\",\"nameFr\":\"X\",\"nameAr\":\"س\",\"sector\":\"ministry\",\"region\":\"R\",\"parentCode\":\"NEW\"}", "parentCode")]
    public async Task Answers_422_naming_the_field_of_an_invalid_body_and_changes_nothing(string json, string field)
    {
        var response = await _admin.PostAsync("/api/directory/bodies", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal([field], await AdminAnswers.ErrorFieldsAsync(response, HttpStatusCode.UnprocessableEntity));
        await AssertUnchangedAsync();
    }

    [Fact]
    public async Task Answers_409_to_a_code_already_taken()
    {
        var response = await _admin.PostAsJsonAsync("/api/directory/bodies", Body("cnss"));

        Assert.Equal(["code"], await AdminAnswers.ErrorFieldsAsync(response, HttpStatusCode.Conflict));
        await AssertUnchangedAsync();
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData(StaffRoles.Ministry, HttpStatusCode.Forbidden)]
    [InlineData(StaffRoles.Head, HttpStatusCode.Forbidden)]
    public async Task Only_an_administrator_changes_bodies(string? role, HttpStatusCode status)
    {
        var client = role switch
        {
            null => _app.CreateClient(),
            StaffRoles.Head => await _app.SignInAsync(role, "MEF-H"),
            _ => await _app.SignInAsync(role),
        };

        Assert.Equal(status, (await client.PostAsJsonAsync("/api/directory/bodies", Body("DGI"))).StatusCode);
        Assert.Equal(status, (await client.PutAsJsonAsync("/api/directory/bodies/MEF", Body("MEF"))).StatusCode);

        await AssertUnchangedAsync();
    }

    [Theory]
    [InlineData("{\"bodyCode\":\"MEF\",\"fullName\":\"A\",\"email\":\"a@mef.gov.ma\",\"role\":\"designated\"}", "id")]
    [InlineData("{\"id\":\"MEF O3\",\"bodyCode\":\"MEF\",\"fullName\":\"A\",\"email\":\"a@mef.gov.ma\",\"role\":\"designated\"}", "id")]
    [InlineData("{\"id\":\"X-O1\",\"bodyCode\":\"NOPE\",\"fullName\":\"A\",\"email\":\"a@mef.gov.ma\",\"role\":\"designated\"}", "bodyCode")]
    [InlineData("{\"id\":\"MEF-O3\",\"bodyCode\":\"MEF\",\"email\":\"a@mef.gov.ma\",\"role\":\"designated\"}", "fullName")]
    [InlineData("{\"id\":\"MEF-O3\",\"bodyCode\":\"MEF\",\"fullName\":\"A\",\"email\":\"not an address\",\"role\":\"designated\"}", "email")]
    [InlineData("{\"id\":\"MEF-O3\",\"bodyCode\":\"MEF\",\"fullName\":\"A\",\"email\":\"a@localhost\",\"role\":\"designated\"}", "email")]
    [InlineData("{\"id\":\"MEF-O3\",\"bodyCode\":\"MEF\",\"fullName\":\"A\",\"role\":\"designated\"}", "email")]
    [InlineData("{\"id\":\"MEF-O3\",\"bodyCode\":\"MEF\",\"fullName\":\"A\",\"email\":\"a@mef.gov.ma\",\"role\":\"boss\"}", "role")]
    // a substitute names a designated officer of the same body: not nobody, not another body's, not a substitute
    [InlineData("{\"id\":\"MEF-S3\",\"bodyCode\":\"MEF\",\"fullName\":\"A\",\"email\":\"a@mef.gov.ma\",\"role\":\"substitute\"}", "substituteOf")]
    [InlineData("{\"id\":\"MEF-S3\",\"bodyCode\":\"MEF\",\"fullName\":\"A\",\"email\":\"a@mef.gov.ma\",\"role\":\"substitute\",\"substituteOf\":\"CNSS-O1\"}", "substituteOf")]
    [InlineData("{\"id\":\"MEF-S3\",\"bodyCode\":\"MEF\",\"fullName\":\"A\",\"email\":\"a@mef.gov.ma\",\"role\":\"substitute\",\"substituteOf\":\"MEF-S1\"}", "substituteOf")]
    [InlineData("{\"id\":\"MEF-S3\",\"bodyCode\":\"MEF\",\"fullName\":\"A\",\"email\":\"a@mef.gov.ma\",\"role\":\"substitute\",\"substituteOf\":\"MEF-H\"}", "substituteOf")]
    [InlineData("{\"id\":\"MEF-O3\",\"bodyCode\":\"MEF\",\"fullName\":\"A\",\"email\":\"a@mef.gov.ma\",\"role\":\"designated\",\"substituteOf\":\"MEF-O1\"}", "substituteOf")]
    public async Task Answers_422_naming_the_field_of_an_invalid_officer_and_changes_nothing(string json, string field)
    {
        var response = await _admin.PostAsync("/api/directory/officers", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal([field], await AdminAnswers.ErrorFieldsAsync(response, HttpStatusCode.UnprocessableEntity));
        await AssertUnchangedAsync();
    }

    [Theory]
    [InlineData("MEF-O1", "designated", "id")] // the id is taken
    [InlineData("MEF-H2", "head", "role")] // MEF has a head: one per body
    public async Task Answers_409_to_a_second_officer_of_an_id_or_a_second_head(string id, string role, string field)
    {
        var response = await _admin.PostAsJsonAsync("/api/directory/officers", Officer(id, role));

        Assert.Equal([field], await AdminAnswers.ErrorFieldsAsync(response, HttpStatusCode.Conflict));
        await AssertUnchangedAsync();
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData(StaffRoles.Officer, HttpStatusCode.Forbidden)]
    [InlineData(StaffRoles.Ministry, HttpStatusCode.Forbidden)]
    public async Task Only_an_administrator_changes_officers(string? role, HttpStatusCode status)
    {
        var client = role switch
        {
            null => _app.CreateClient(),
            StaffRoles.Officer => await _app.SignInAsync(role, "MEF-O1"),
            _ => await _app.SignInAsync(role),
        };

        Assert.Equal(status, (await client.PostAsJsonAsync("/api/directory/officers", Officer("MEF-O3", "designated"))).StatusCode);
        Assert.Equal(status, (await client.PutAsJsonAsync("/api/directory/officers/MEF-O2", Officer("MEF-O2", "designated", name: "X"))).StatusCode);
        Assert.Equal(status, (await client.DeleteAsync("/api/directory/officers/MEF-O2")).StatusCode);

        await AssertUnchangedAsync();
    }

    [Theory]
    [InlineData("{\"endsOn\":\"2026-12-01\"}", "startsOn")]
    [InlineData("{\"startsOn\":\"2026-12-01\"}", "endsOn")]
    [InlineData("{\"startsOn\":\"2026-12-02\",\"endsOn\":\"2026-12-01\"}", "endsOn")] // ends before it starts
    public async Task Answers_422_to_invalid_leave_and_records_nothing(string json, string field)
    {
        var response = await _admin.PostAsync("/api/directory/officers/MEF-O1/leaves", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal([field], await AdminAnswers.ErrorFieldsAsync(response, HttpStatusCode.UnprocessableEntity));
        await AssertUnchangedAsync();
    }

    [Fact]
    public async Task Answers_404_for_an_unknown_officer()
    {
        await AdminAnswers.ProblemAsync(await _admin.PostAsJsonAsync("/api/directory/officers/NOPE/leaves",
            new { startsOn = "2026-12-01", endsOn = "2026-12-02" }), HttpStatusCode.NotFound);
        await AdminAnswers.ProblemAsync(await _admin.GetAsync("/api/directory/officers/NOPE/leaves"), HttpStatusCode.NotFound);
        await AssertUnchangedAsync();
    }

    private async Task AssertUnchangedAsync()
    {
        Assert.Equal(12, await _app.CountAsync("bodies"));
        Assert.Equal(42, await _app.CountAsync("officers")); // as seeded
        Assert.Equal(0, await _app.CountAsync("officer_leaves"));
        Assert.Equal("Ministère de l'Économie et des Finances",
            Assert.Single(await _app.QueryAsync("SELECT name_fr FROM bodies WHERE code = 'MEF'"))["name_fr"]);
        Assert.Equal("Fatima Zahra El Idrissi", Assert.Single(await _app.QueryAsync("SELECT full_name FROM officers WHERE id = 'MEF-O2'"))["full_name"]);
        Assert.Single(await DirectoryOutbox.SnapshotsAsync(_app)); // the one of start-up
    }

    private static JsonObject Body(string code) => new()
    {
        ["code"] = code,
        ["nameFr"] = "Direction générale des impôts",
        ["nameAr"] = "المديرية العامة للضرائب",
        ["sector"] = "ministry",
        ["region"] = "Rabat-Salé-Kénitra",
    };

    private static JsonObject Officer(string id, string role, string name = "Leila Amrani") => new()
    {
        ["id"] = id,
        ["bodyCode"] = "MEF",
        ["fullName"] = name,
        ["email"] = "leila.amrani@mef.gov.ma",
        ["role"] = role,
    };
}
