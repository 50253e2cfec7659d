using System.Net.Http.Json;
using Requests.EndToEnd.Tests.Infrastructure;

namespace Requests.EndToEnd.Tests.Scaled;

/// <summary>
/// Routing's directory snapshot reaches one intake instance (competing consumers), which stores it; the other reads it
/// from the shared database (<c>Database:ReloadInterval</c>) and accepts filings to the new body as well.
/// </summary>
[Collection(SharedInstances.Name)]
public sealed class Sharing_the_directory(TwoOfEach system)
{
    [Fact]
    public async Task A_body_added_on_routing_is_known_to_both_intake_instances()
    {
        using var admin = await Steps.SignInAsync(system.RoutingA, RoutingProcess.AdminUserName, RoutingProcess.AdminPassword);
        var created = await admin.PostAsJsonAsync("/api/directory/bodies", new
        {
            code = "COM-ESSAOUIRA", nameFr = "Commune d'Essaouira", nameAr = "جماعة الصويرة", sector = "territorial-collectivity",
            region = "Marrakech-Safi", parentCode = (string?)null,
        });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());

        foreach (var intake in system.Intakes)
        {
            using var http = new HttpClient { BaseAddress = intake.Address };
            await Steps.EventuallyAsync(() => http.GetStringAsync(new Uri("/api/bodies", UriKind.Relative)),
                bodies => bodies.Contains("COM-ESSAOUIRA", StringComparison.Ordinal), intake);
        }
    }
}
