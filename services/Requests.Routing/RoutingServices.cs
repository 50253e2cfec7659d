using Requests.Routing.Accounts;
using Requests.Routing.Assignment;
using Requests.Routing.Bodies;
using Requests.Routing.Calendar;
using Requests.Routing.Cases;
using Requests.Routing.Deadlines;
using Requests.Notifications;
using Requests.Notifications.Delivery;
using Requests.Routing.Notices;
using Requests.Routing.Storage;
using Requests.ServiceDefaults.Data;
using Requests.ServiceDefaults.Messaging;

namespace Requests.Routing;

public static class RoutingServices
{
    public static WebApplicationBuilder AddRoutingServices(this WebApplicationBuilder builder)
    {
        builder.AddDatabase<RoutingDbContext>("routing.db");
        builder.AddBus<RoutingDbContext>(bus =>
        {
            bus.AddConsumer<AssignCaseOnSubmissionConsumer>(typeof(AssignCaseOnSubmissionConsumerDefinition));
            bus.AddConsumer<ApplyCitizenActionConsumer>();
            bus.AddConsumer<RecordDocumentDownloadConsumer>();
            bus.AddConsumer<ListIntakeMessageConsumer>();
        });
        builder.AddNotifications<RoutingDbContext>();
        builder.Services.AddOptions<NoticeOptions>().BindConfiguration(NoticeOptions.Section);
        builder.Services.AddSingleton<NoticeLinks>();
        builder.Services.AddScoped<INotificationListener<RoutingDbContext>, CitizenNoticeRelay>();
        builder.Services.AddScoped<OfficerPicker>();
        builder.Services.AddSingleton<OfficerLoads>();
        builder.Services.AddSingleton<CalendarStore>();
        if (DatabaseProvider.From(builder.Configuration).IsSqlite)
            builder.Services.AddHostedService<OfficerLoadsRecount>();
        else
            builder.Services.AddHostedService<CalendarReload>(); // several instances share the database
        builder.AddAccounts();
        builder.Services.AddScoped<CaseMoves>();
        builder.Services.AddScoped<CaseNotices>();
        builder.AddDeadlineJobs();
        return builder;
    }

    public static WebApplication MapRoutingEndpoints(this WebApplication app)
    {
        app.MapAccounts();
        app.MapDirectory();
        app.MapBodyOverview();
        app.MapQueue();
        app.MapCases();
        app.MapJobs();
        app.MapCalendar();
        app.MapNotifications();
        return app;
    }

    /// <summary>Migrates the database, loads the directory seed the first time, publishes the directory and the calendar,
    /// loads the calendar's corrections, creates the first administrator.</summary>
    public static async Task StartRoutingAsync(this WebApplication app)
    {
        await app.MigrateDatabaseAsync<RoutingDbContext>();
        var seed = app.Configuration["Routing:DirectoryFile"];
        if (string.IsNullOrEmpty(seed))
            seed = Path.Combine(AppContext.BaseDirectory, "Data", "directory.json");
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RoutingDbContext>();
        var logger = app.Services.GetRequiredService<ILogger<RoutingDbContext>>();
        await DirectorySeed.LoadIfEmptyAsync(db, seed, logger, CancellationToken.None);
        // intake and reporting learn the directory and the calendar even when nothing changes for months
        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        await DirectorySnapshot.PublishAsync(db, now, CancellationToken.None);
        await CalendarSnapshot.PublishAsync(db, now, CancellationToken.None);
        await db.SaveChangesAsync(CancellationToken.None);
        await app.Services.GetRequiredService<CalendarStore>().ReloadAsync(db, CancellationToken.None);
        await AccountServices.EnsureAdministratorAsync(scope.ServiceProvider, app.Configuration, logger);
    }
}
