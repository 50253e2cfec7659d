using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Requests.Routing.Tests;

// The services speak to their own broker, database and SMTP server only: MassTransit's usage report to its authors'
// server (on by default) is off, in every service, as they all set up the bus the same way.
public sealed class Sending_nothing_outside : IDisposable
{
    private readonly RoutingApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public void The_bus_reports_no_usage_to_MassTransit_s_authors()
    {
        _ = _app.CreateClient();

        Assert.False(_app.Services.GetRequiredService<IOptions<UsageTelemetryOptions>>().Value.Enabled);
    }
}
