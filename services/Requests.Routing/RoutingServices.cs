using Requests.Routing.Assignment;
using Requests.Routing.Bodies;
using Requests.Routing.Storage;
using Requests.ServiceDefaults.Data;
using Requests.ServiceDefaults.Messaging;

namespace Requests.Routing;

public static class RoutingServices
{
    public static WebApplicationBuilder AddRoutingServices(this WebApplicationBuilder builder)
    {
        builder.AddDatabase<RoutingDbContext>("routing.db");
        builder.AddBus<RoutingDbContext>(bus => bus.AddConsumer<AssignCaseOnSubmissionConsumer>());
        builder.Services.AddScoped<OfficerPicker>();
        return builder;
    }

    /// <summary>Migrates the database and loads the directory seed into it the first time.</summary>
    public static async Task StartRoutingAsync(this WebApplication app)
    {
        await app.MigrateDatabaseAsync<RoutingDbContext>();
        var seed = app.Configuration["Routing:DirectoryFile"];
        if (string.IsNullOrEmpty(seed))
            seed = Path.Combine(AppContext.BaseDirectory, "Data", "directory.json");
        await using var scope = app.Services.CreateAsyncScope();
        await DirectorySeed.LoadIfEmptyAsync(scope.ServiceProvider.GetRequiredService<RoutingDbContext>(), seed,
            app.Services.GetRequiredService<ILogger<RoutingDbContext>>(), CancellationToken.None);
    }
}
