using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Requests.Intake.Storage;

namespace Requests.Intake.Tests;

// Settings read while the app is built (the connection string, the transport) must come from UseSetting, or
// every other test would silently share one database and look for a broker.
public sealed class Configuring_the_test_app : IDisposable
{
    private readonly IntakeApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Stores_cases_in_the_database_file_given_in_the_settings()
    {
        await (await _app.PostJsonAsync("/api/requests", Forms.Request())).ReadReceiptAsync();

        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        Assert.Equal($"Data Source={_app.DatabaseFile}", db.Database.GetConnectionString());
        Assert.Equal(1, await _app.CountAsync("cases"));
    }

    [Fact]
    public async Task Runs_on_the_fake_clock()
    {
        _app.Clock.Set(new DateTimeOffset(2027, 2, 3, 9, 0, 0, TimeSpan.Zero));

        var receipt = await (await _app.PostJsonAsync("/api/requests", Forms.Request())).ReadReceiptAsync();

        Assert.Equal("DAI-2027-000001", receipt.TrackingNumber);
        Assert.Same(_app.Clock, _app.Services.GetRequiredService<TimeProvider>());
    }
}
