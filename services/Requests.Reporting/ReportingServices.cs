using System.Text.Json.Serialization;
using Requests.Reporting.Facts;
using Requests.Reporting.Import;
using Requests.Reporting.Reports;
using Requests.Reporting.Storage;
using Requests.ServiceDefaults.Auth;
using Requests.ServiceDefaults.Calendar;
using Requests.ServiceDefaults.Data;
using Requests.ServiceDefaults.Messaging;

namespace Requests.Reporting;

public static class ReportingServices
{
    public static WebApplicationBuilder AddReportingServices(this WebApplicationBuilder builder)
    {
        builder.AddDatabase<ReportingDbContext>("reporting.db");
        builder.AddBus<ReportingDbContext>(bus =>
        {
            bus.AddConsumer<RecordOpeningConsumer>();
            bus.AddConsumer<RecordMoveConsumer>();
            bus.AddConsumer<RecordMissedDeadlineConsumer>();
            bus.AddConsumer<RecordDueDateChangeConsumer>();
            bus.AddConsumer<ReplaceReportDirectoryConsumer>();
            bus.AddConsumer<ReplaceReportCalendarConsumer>();
        });
        // the tokens routing signs (bearer or its cookie), checked with its public key
        builder.AddStaffAuthentication();
        builder.Services.AddScoped<FactBook>();
        builder.Services.AddSingleton(builder.Configuration.GetSection("Reporting:Import").Get<ImportOptions>() ?? new ImportOptions());
        builder.Services.AddScoped<FactImport>();
        builder.Services.AddScoped<ReportBuilder>();
        builder.Services.AddSingleton<FactCache>();
        builder.Services.AddSingleton<PublishedCalendar>();
        builder.Services.AddHostedService<WarmReportsAtStart>();
        builder.Services.ConfigureHttpJsonOptions(o =>
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never);
        return builder;
    }

    public static async Task StartReportingAsync(this WebApplication app)
    {
        await app.MigrateDatabaseAsync<ReportingDbContext>();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReportingDbContext>();
        await app.Services.GetRequiredService<PublishedCalendar>().LoadAsync(db, CancellationToken.None);
    }
}
