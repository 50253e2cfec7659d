using System.Net;
using Requests.Contracts.Routing;

namespace Requests.Intake.Tests;

/// <summary>Routing publishes its directory of bodies; intake validates filings and lists bodies from the latest snapshot.</summary>
public sealed class Taking_the_directory_from_routing : IDisposable
{
    private static readonly DirectoryBody Agency = new("ANRT", "Agence nationale de réglementation des télécommunications",
        "الوكالة الوطنية لتقنين المواصلات", "public-establishment", "Rabat-Salé-Kénitra", null);

    private static readonly DirectoryBody Ministry = new("MEF", "Ministère de l'Économie et des Finances", "وزارة الاقتصاد والمالية",
        "ministry", "Rabat-Salé-Kénitra", null);

    private readonly IntakeApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Lists_and_accepts_the_bodies_of_the_snapshot_only()
    {
        await _app.DeliverAsync(Snapshot(100, Ministry, Agency));

        var bodies = await _app.CreateClient().GetJsonAsync("/api/bodies");
        Assert.Equal(["ANRT", "MEF"], bodies.EnumerateArray().Select(b => b.Text("code")));
        Assert.Equal("Agence nationale de réglementation des télécommunications", bodies[0].Text("nameFr"));
        await _app.FileAsync(Forms.Request().With("bodyCode", "ANRT"));
        // in the seed file, but no longer in routing's directory
        var refused = await _app.PostJsonAsync("/api/requests", Forms.Request().With("bodyCode", "CNSS"));
        Assert.Contains("bodyCode", (await refused.ReadProblemAsync(HttpStatusCode.UnprocessableEntity)).ErrorFields());
    }

    [Fact]
    public async Task Ignores_an_older_snapshot_that_arrives_late()
    {
        await _app.DeliverAsync(Snapshot(200, Ministry, Agency));

        await _app.DeliverAsync(Snapshot(150, Ministry));

        Assert.Equal(2, (await _app.CreateClient().GetJsonAsync("/api/bodies")).GetArrayLength());
        Assert.Equal(2, await _app.CountAsync("bodies"));
        Assert.Equal(200L, (await _app.QueryAsync("SELECT version FROM directory_versions")).Single()["version"]);
    }

    [Fact]
    public async Task Replaces_every_body_with_a_newer_snapshot()
    {
        await _app.DeliverAsync(Snapshot(200, Ministry, Agency));

        await _app.DeliverAsync(Snapshot(300, Agency));

        Assert.Equal(["ANRT"], (await _app.CreateClient().GetJsonAsync("/api/bodies")).EnumerateArray().Select(b => b.Text("code")));
        Assert.Equal(1, await _app.CountAsync("bodies"));
    }

    [Fact]
    public async Task Keeps_the_snapshot_after_a_restart()
    {
        await _app.DeliverAsync(Snapshot(100, Agency));

        await using var restarted = await _app.RestartAsync();

        Assert.Equal(["ANRT"], (await restarted.CreateClient().GetJsonAsync("/api/bodies")).EnumerateArray().Select(b => b.Text("code")));
    }

    [Fact]
    public async Task A_redelivered_snapshot_changes_nothing()
    {
        var messageId = Guid.NewGuid();
        await _app.DeliverAsync(Snapshot(100, Agency), messageId);
        await _app.DeliverAsync(Snapshot(200, Ministry));

        await _app.RedeliverAsync(Snapshot(100, Agency), messageId);

        Assert.Equal(["MEF"], (await _app.CreateClient().GetJsonAsync("/api/bodies")).EnumerateArray().Select(b => b.Text("code")));
    }

    private static BodyDirectoryPublished Snapshot(long version, params DirectoryBody[] bodies) =>
        new(version, bodies, IntakeApp.DefaultNow);
}
