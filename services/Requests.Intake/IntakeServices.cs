using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Requests.Intake.Bodies;
using Requests.Intake.Calendar;
using Requests.Intake.Cases;
using Requests.Intake.Documents;
using Requests.Intake.Notices;
using Requests.Intake.Publication;
using Requests.Intake.Storage;
using Requests.Notifications;
using Requests.Notifications.Delivery;
using Requests.Notifications.Email;
using Requests.Intake.Submissions;
using Requests.ServiceDefaults.Auth;
using Requests.ServiceDefaults.Calendar;
using Requests.ServiceDefaults.Data;
using Requests.ServiceDefaults.Http;
using Requests.ServiceDefaults.Messaging;

namespace Requests.Intake;

public static class IntakeServices
{
    public static WebApplicationBuilder AddIntakeServices(this WebApplicationBuilder builder)
    {
        builder.AddDatabase<IntakeDbContext>("intake.db");
        builder.AddBus<IntakeDbContext>(bus =>
        {
            bus.AddConsumer<ShowAssignmentToCitizenConsumer>(typeof(ShowAssignmentToCitizenConsumerDefinition));
            bus.AddConsumer<ShowMoveToCitizenConsumer>();
            bus.AddConsumer<ShowMissedDeadlineToCitizenConsumer>();
            bus.AddConsumer<ShowDueDateChangeToCitizenConsumer>();
            bus.AddConsumer<ShowRefusedActionToCitizenConsumer>();
            bus.AddConsumer<ShowNoticeToCitizenConsumer>();
            bus.AddConsumer<ReplaceDirectoryConsumer>();
            bus.AddConsumer<ReplaceCalendarConsumer>();
            bus.AddConsumer<DeliverDocumentsConsumer>();
        });
        // staff registration takes the tokens routing signs, checked with its public key
        builder.AddStaffAuthentication();
        // the key ring that wraps the keys sealing access codes: intake's alone, kept across restarts
        var keys = builder.Configuration["DataProtection:KeysPath"];
        if (string.IsNullOrEmpty(keys))
            keys = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData,
                Environment.SpecialFolderOption.Create), "Requests", "keys");
        builder.Services.AddDataProtection().SetApplicationName("Requests").PersistKeysToFileSystem(new DirectoryInfo(keys));
        var bodies = Path.Combine(AppContext.BaseDirectory, "Data", "bodies.json");
        builder.Services.AddSingleton(BodyDirectory.Load(builder.Configuration["Intake:BodiesFile"] ?? bodies));
        builder.Services.AddSingleton<PublishedCalendar>();
        builder.Services.AddSingleton<CalendarStore>();
        if (!DatabaseProvider.From(builder.Configuration).IsSqlite)
            builder.Services.AddHostedService<SharedStateReload>(); // several instances share the database
        builder.Services.AddSingleton<SubmissionValidator>();
        // the receipt's access code is written in clear only into the e-mail as it is sent
        builder.Services.AddScoped<SmtpEmailSender>();
        builder.Services.AddScoped<IEmailSender, AccessCodeSender>();
        builder.Services.AddScoped<INotificationListener<IntakeDbContext>, NoticeDeliveryListener>();
        builder.AddNotifications<IntakeDbContext>();
        builder.Services.AddOptions<IntakeNoticeOptions>().BindConfiguration(IntakeNoticeOptions.Section);
        builder.Services.AddSingleton(AccessCodes.Load(builder.Configuration));
        builder.Services.AddSingleton<AccessCodeSeal>();
        builder.Services.AddSingleton<ReceiptNotices>();
        builder.Services.AddSingleton<ReceiptNoticeWriter>();
        builder.Services.AddHostedService(s => s.GetRequiredService<ReceiptNoticeWriter>());
        builder.Services.AddSingleton<ReceiptWriter>();
        builder.Services.AddHostedService(s => s.GetRequiredService<ReceiptWriter>());
        builder.Services.AddScoped<Filings>();
        builder.Services.AddScoped<IdempotencyKeys>();
        builder.Services.AddScoped<RedirectionFiling>();
        builder.AddDocuments();
        builder.AddPublication();
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, SubmissionJson.Default));
        builder.Services.AddRateLimiter(o => AddRateLimits(o, builder.Configuration));
        return builder;
    }

    /// <summary>The documents' store (on disk, or in PostgreSQL with <c>Database:Provider=postgres</c>), uploads and e-mail attachments.</summary>
    private static void AddDocuments(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DocumentOptions>().BindConfiguration(DocumentOptions.Section);
        if (DatabaseProvider.From(builder.Configuration).IsSqlite)
        {
            var root = FileDocumentStore.RootFrom(builder.Configuration.GetSection(DocumentOptions.Section).Get<DocumentOptions>() ?? new(),
                builder.Configuration.GetConnectionString("Database") ?? "Data Source=intake.db");
            builder.Services.AddSingleton<IDocumentStore>(new FileDocumentStore(root));
        }
        else
            builder.Services.AddSingleton<IDocumentStore, DatabaseDocumentStore>();
        builder.Services.AddSingleton<DocumentUploads>();
        builder.Services.AddScoped<DocumentAttachments>();
    }

    /// <summary>What bodies publish: the writer, the full-text index, the public search and reporting's figures.</summary>
    private static void AddPublication(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<PublicationIndex>();
        builder.Services.AddScoped<PublicationWriter>();
        builder.Services.AddScoped<PublicSearch>();
        var reporting = builder.Configuration["Services:Reporting"];
        builder.Services.AddHttpClient<ReportingFigures>(http =>
        {
            if (!string.IsNullOrWhiteSpace(reporting))
                http.BaseAddress = new Uri(reporting);
            http.Timeout = TimeSpan.FromSeconds(5);
        });
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, PublicationJson.Default));
    }

    public static async Task StartIntakeAsync(this WebApplication app)
    {
        await app.MigrateDatabaseAsync<IntakeDbContext>();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        await app.Services.GetRequiredService<PublishedCalendar>().LoadAsync(db, CancellationToken.None);
        await app.Services.GetRequiredService<BodyDirectory>().LoadAsync(db, CancellationToken.None);
        await app.Services.GetRequiredService<PublicationIndex>().FillAsync(db, CancellationToken.None);
        await KeyLegacyAccessCodesAsync(db, app.Services.GetRequiredService<AccessCodes>());
    }

    /// <summary>Access codes hashed before hashes were keyed (a bare SHA-256) get the keyed hash of that hash, so the
    /// same codes open the same cases; done once, before the service takes requests.</summary>
    private static async Task KeyLegacyAccessCodesAsync(IntakeDbContext db, AccessCodes codes)
    {
        while (await db.Cases.Where(c => c.AccessCodeHash.Length == 32).Select(c => new { c.Id, c.AccessCodeHash })
                   .Take(5000).ToListAsync() is { Count: > 0 } legacy)
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            foreach (var c in legacy)
            {
                var keyed = codes.Upgrade(c.AccessCodeHash);
                await db.Cases.Where(x => x.Id == c.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.AccessCodeHash, keyed));
            }
            await transaction.CommitAsync();
        }
    }

    /// <summary>Per client address (an IPv6 address's /64): a few filings a minute is plenty for a citizen and stops a flood.</summary>
    private static void AddRateLimits(RateLimiterOptions options, IConfiguration configuration)
    {
        options.AddPolicy(SubmissionEndpoints.RateLimitPolicy, http => Partition(http, configuration, "Submissions", 20));
        options.AddPolicy(CaseEndpoints.RateLimitPolicy, http => Partition(http, configuration, "Lookups", 60));
        // a citizen's access code is tested at the lookups' pace; staff, with a token, are not counted
        options.AddPolicy(DocumentEndpoints.RateLimitPolicy, http => http.Request.Headers.ContainsKey("Authorization")
            ? RateLimitPartition.GetNoLimiter("staff")
            : Partition(http, configuration, "Lookups", 60));
        options.AddPolicy(PublicEndpoints.RateLimitPolicy, http => Partition(http, configuration, "Public", 600));
        options.OnRejected = async (context, cancellationToken) =>
        {
            var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
            var seconds = (int)Math.Ceiling(retryAfter.TotalSeconds);
            context.HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            await Results.Problem(statusCode: 429, title: "Too many requests from this address.",
                    detail: $"Try again in {seconds} seconds.")
                .ExecuteAsync(context.HttpContext);
        };
    }

    private static RateLimitPartition<string> Partition(HttpContext http, IConfiguration configuration, string name, int perMinute)
    {
        var limit = configuration.GetValue($"Intake:RateLimits:{name}PerMinute", perMinute);
        return RateLimitPartition.GetFixedWindowLimiter(ClientAddress.Partition(http), _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
    }
}
