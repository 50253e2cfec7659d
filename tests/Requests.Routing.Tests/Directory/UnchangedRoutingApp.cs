using Requests.ServiceDefaults.Auth;

namespace Requests.Routing.Tests;

/// <summary>
/// One routing app for the tests of a class that must change nothing (refusals): starting an app per row costs
/// seconds, and each test still checks that nothing changed, so a refusal that let something through is caught.
/// </summary>
public sealed class UnchangedRoutingApp : IAsyncLifetime
{
    public RoutingApp App { get; } = new();

    /// <summary>A client signed in as an administrator.</summary>
    public HttpClient Admin { get; private set; } = null!;

    public async Task InitializeAsync() => Admin = await App.SignInAsync(StaffRoles.Admin);

    public async Task DisposeAsync()
    {
        Admin.Dispose();
        await App.DisposeAsync();
    }
}
