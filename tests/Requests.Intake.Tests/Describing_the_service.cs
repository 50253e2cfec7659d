using System.Net;
using System.Text.Json;

namespace Requests.Intake.Tests;

public sealed class Describing_the_service : IDisposable
{
    private readonly IntakeApp _app = new();

    public void Dispose() => _app.Dispose();

    [Theory]
    [InlineData("/")]
    [InlineData("/publication.html")]
    [InlineData("/citizen.js")]
    public async Task The_citizen_s_and_the_public_pages_run_only_the_service_s_own_scripts_and_are_never_framed(string path)
    {
        var response = await _app.CreateClient().GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task Lists_the_bodies_a_citizen_can_address_with_their_names_sector_and_region()
    {
        var bodies = await _app.CreateClient().GetJsonAsync("/api/bodies");

        var seed = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Data", "bodies.json")));
        var codes = bodies.EnumerateArray().Select(b => Text(b, "code")).ToList();
        Assert.Equal(seed.RootElement.EnumerateArray().Select(b => Text(b, "code")).Order(StringComparer.Ordinal), codes);
        var rabat = bodies.EnumerateArray().Single(b => b.GetProperty("code").GetString() == "COM-RABAT");
        Assert.Equal(("Commune de Rabat", "جماعة الرباط", "territorial-collectivity", "Rabat-Salé-Kénitra"),
            (Text(rabat, "nameFr"), Text(rabat, "nameAr"), Text(rabat, "sector"), Text(rabat, "region")));
        Assert.Equal(["ministry", "public-establishment", "territorial-collectivity"],
            bodies.EnumerateArray().Select(b => Text(b, "sector")).Distinct().Order());
    }

    [Fact]
    public async Task Is_live()
    {
        var response = await _app.CreateClient().GetAsync(new Uri("/health/live", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Is_ready_with_its_database_and_the_in_memory_bus()
    {
        var client = _app.CreateClient();

        // the bus reports ready a moment after the host has started
        var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        for (var i = 0; i < 50 && response.StatusCode != HttpStatusCode.OK; i++)
        {
            await Task.Delay(100);
            response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Describes_every_endpoint_in_its_OpenAPI_document()
    {
        var document = await _app.CreateClient().GetJsonAsync("/openapi/v1.json");

        var paths = document.GetProperty("paths");
        Assert.True(paths.GetProperty("/api/requests").TryGetProperty("post", out _));
        Assert.True(paths.GetProperty("/api/complaints").TryGetProperty("post", out _));
        Assert.True(paths.GetProperty("/api/staff/requests").TryGetProperty("post", out _));
        Assert.True(paths.GetProperty("/api/staff/complaints").TryGetProperty("post", out _));
        Assert.True(paths.GetProperty("/api/cases/{trackingNumber}").TryGetProperty("get", out _));
        Assert.True(paths.GetProperty("/api/bodies").TryGetProperty("get", out _));
        Assert.True(paths.GetProperty("/api/deadlines").TryGetProperty("get", out _));
        Assert.True(paths.GetProperty("/api/calendar/{year}").TryGetProperty("get", out _));
        foreach (var action in new[] { "recourse", "reopen", "rating", "clarification", "withdrawal" })
            Assert.True(paths.GetProperty($"/api/cases/{{trackingNumber}}/{action}").TryGetProperty("post", out _), action);
        // routing owns the calendar's corrections
        Assert.DoesNotContain(paths.EnumerateObject(), p => p.Name.StartsWith("/api/calendar/corrections", StringComparison.Ordinal));
    }

    private static string? Text(JsonElement element, string name) => element.GetProperty(name).GetString();
}
