using System.Text.Json.Serialization;
using Requests.Reporting.Facts;
using Requests.Reporting.Import;
using Requests.Reporting.Reports;
using Requests.Reporting.Storage;
using Requests.ServiceDefaults.Auth;
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
            bus.AddConsumer<RecordSubmissionConsumer>();
            bus.AddConsumer<RecordAssignmentConsumer>();
            bus.AddConsumer<RecordMoveConsumer>();
            bus.AddConsumer<RecordMissedDeadlineConsumer>();
            bus.AddConsumer<RecordDueDateChangeConsumer>();
            bus.AddConsumer<ReplaceDirectoryConsumer>();
            bus.AddConsumerWithItsOwnInbox<ApplyHolidayCorrectionConsumer>();
        });
        // the bearer tokens and cookies routing issues, checked with the shared key ring
        builder.AddStaffAuthentication();
        builder.Services.AddScoped<FactBook>();
        builder.Services.AddScoped<FactImport>();
        builder.Services.AddScoped<ReportBuilder>();
        builder.Services.AddSingleton<FactCache>();
        builder.Services.AddSingleton<ReportCalendar>();
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
        await app.Services.GetRequiredService<ReportCalendar>().ReloadAsync(db, CancellationToken.None);
    }
}
