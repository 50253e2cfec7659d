using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Requests.Contracts.Routing;
using Requests.ServiceDefaults.Auth;

namespace Requests.Routing.Tests;

public sealed class Changing_bodies : IDisposable
{
    private static readonly DateTimeOffset Later = RoutingApp.DefaultNow.AddMinutes(10);

    private readonly RoutingApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Publishes_the_directory_once_at_start_up()
    {
        var snapshot = Assert.Single(await DirectoryOutbox.SnapshotsAsync(_app));

        Assert.Equal(12, snapshot.Bodies.Count);
        Assert.Equal(RoutingApp.DefaultNow.UtcTicks, snapshot.Version);
        Assert.Equal(new DirectoryBody("CNSS", "Caisse nationale de sécurité sociale", "الصندوق الوطني للضمان الاجتماعي",
            "public-establishment", "Casablanca-Settat", null), snapshot.Bodies.Single(b => b.Code == "CNSS") with { Officers = null });
    }

    [Fact]
    public async Task Adds_a_body_and_publishes_the_new_directory_in_the_same_transaction()
    {
        _ = _app.Services; // started, and its directory published, at the default time
        _app.Clock.Set(Later);
        var admin = await _app.SignInAsync(StaffRoles.Admin);

        var response = await admin.PostAsJsonAsync("/api/directory/bodies", Body("dgi", parent: "MEF"));

        var body = await AdminAnswers.JsonAsync(response, HttpStatusCode.Created);
        Assert.Equal("/api/directory/bodies/DGI", response.Headers.Location?.OriginalString);
        Assert.Equal(("DGI", "MEF", "ministry"), (Text(body, "code"), Text(body, "parentCode"), Text(body, "sector")));
        Assert.Equal(0, body.GetProperty("officers").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("head").ValueKind);
        var snapshot = (await DirectoryOutbox.SnapshotsAsync(_app))[^1];
        Assert.Equal(Later.UtcTicks, snapshot.Version);
        Assert.Equal(13, snapshot.Bodies.Count);
        Assert.Equal(new DirectoryBody("DGI", "Direction générale des impôts", "المديرية العامة للضرائب", "ministry",
            "Rabat-Salé-Kénitra", "MEF"), snapshot.Bodies.Single(b => b.Code == "DGI") with { Officers = null });
        Assert.Empty(snapshot.Bodies.Single(b => b.Code == "DGI").Officers!);
        var listed = await _app.CreateClient().GetFromJsonAsync<JsonArray>("/api/directory/bodies");
        Assert.Contains(listed!, b => (string?)b!["code"] == "DGI");
    }

    [Fact]
    public async Task Edits_a_body_and_publishes_a_newer_snapshot_even_within_the_same_tick()
    {
        var admin = await _app.SignInAsync(StaffRoles.Admin);

        var body = await AdminAnswers.JsonAsync(await admin.PutAsJsonAsync("/api/directory/bodies/COM-FES",
            Body("COM-FES", name: "Commune de Fès (Fès-Médina)", sector: "territorial-collectivity", region: "Fès-Meknès")), HttpStatusCode.OK);

        Assert.Equal("Commune de Fès (Fès-Médina)", Text(body, "nameFr"));
        Assert.Equal("COM-FES-H", Text(body.GetProperty("head"), "id"));
        var snapshots = await DirectoryOutbox.SnapshotsAsync(_app);
        Assert.Equal(2, snapshots.Count);
        // the clock has not moved since start-up: the version still rises, or intake would ignore the change
        Assert.Equal(snapshots[0].Version + 1, snapshots[1].Version);
        Assert.Equal("Commune de Fès (Fès-Médina)", snapshots[1].Bodies.Single(b => b.Code == "COM-FES").NameFr);
    }

    [Fact]
    public async Task Refuses_an_edit_that_renames_a_body_or_puts_it_below_itself()
    {
        var admin = await _app.SignInAsync(StaffRoles.Admin);
        await AdminAnswers.JsonAsync(await admin.PostAsJsonAsync("/api/directory/bodies", Body("DGI", parent: "MEF")), HttpStatusCode.Created);
        var before = await DirectoryOutbox.SnapshotsAsync(_app);

        var loop = await admin.PutAsJsonAsync("/api/directory/bodies/MEF", Body("MEF", parent: "DGI"));
        var renamed = await admin.PutAsJsonAsync("/api/directory/bodies/MEF", Body("MEFP"));
        var unknown = await admin.PutAsJsonAsync("/api/directory/bodies/NOPE", Body("NOPE"));

        Assert.Equal(["parentCode"], await AdminAnswers.ErrorFieldsAsync(loop, HttpStatusCode.UnprocessableEntity));
        Assert.Equal(["code"], await AdminAnswers.ErrorFieldsAsync(renamed, HttpStatusCode.UnprocessableEntity));
        await AdminAnswers.ProblemAsync(unknown, HttpStatusCode.NotFound);
        Assert.Equal(before.Count, (await DirectoryOutbox.SnapshotsAsync(_app)).Count);
        Assert.Null(Assert.Single(await _app.QueryAsync("SELECT parent_code FROM bodies WHERE code = 'MEF'"))["parent_code"]);
    }

    private static JsonObject Body(string code, string? parent = null, string name = "Direction générale des impôts",
        string sector = "ministry", string region = "Rabat-Salé-Kénitra") => new()
    {
        ["code"] = code,
        ["nameFr"] = name,
        ["nameAr"] = "المديرية العامة للضرائب",
        ["sector"] = sector,
        ["region"] = region,
        ["parentCode"] = parent,
    };

    private static string? Text(JsonElement element, string name) => element.GetProperty(name).GetString();
}
