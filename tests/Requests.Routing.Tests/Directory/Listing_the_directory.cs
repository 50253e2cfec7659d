using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.DependencyInjection;
using Requests.Routing.Bodies;
using Requests.Routing.Storage;

namespace Requests.Routing.Tests;

public sealed class Listing_the_directory : IDisposable
{
    private readonly RoutingApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Lists_the_same_bodies_as_intake_each_with_officers_a_substitute_and_a_head()
    {
        var bodies = (await _app.CreateClient().GetFromJsonAsync<JsonArray>("/api/directory/bodies"))!;

        Assert.Equal(IntakeBodyCodes(), bodies.Select(b => (string)b!["code"]!).Order(StringComparer.Ordinal));
        foreach (var body in bodies)
        {
            var roles = body!["officers"]!.AsArray().Select(o => (string)o!["role"]!).ToList();
            Assert.InRange(roles.Count(r => r == OfficerRoles.Designated), 1, 2);
            Assert.Single(roles, OfficerRoles.Substitute);
            Assert.Single(roles, OfficerRoles.Head);
        }
    }

    [Fact]
    public async Task Loads_the_seed_only_into_an_empty_directory()
    {
        var before = await _app.CountAsync("officers");
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RoutingDbContext>();
            var seed = Path.Combine(AppContext.BaseDirectory, "Data", "directory.json");
            await DirectorySeed.LoadIfEmptyAsync(db, seed, NullLogger.Instance, CancellationToken.None);
        }

        Assert.Equal(12, await _app.CountAsync("bodies"));
        Assert.Equal(before, await _app.CountAsync("officers"));
    }

    private static List<string> IntakeBodyCodes()
    {
        var file = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "services", "Requests.Intake", "Data", "bodies.json");
        using var stream = File.OpenRead(file);
        return [.. JsonDocument.Parse(stream).RootElement.EnumerateArray()
            .Select(b => b.GetProperty("code").GetString()!).Order(StringComparer.Ordinal)];
    }
}
