using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.Logging;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.Storage.SQLite;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Requests.Routing.Storage;

namespace Requests.Routing.Deadlines;

/// <summary>The recurring jobs that enforce deadlines (Hangfire), and the administrators' view of them.</summary>
public static partial class DeadlineJobs
{
    /// <summary>Every job, as the administrators' view lists them.</summary>
    public static readonly IReadOnlyList<(string Name, string Description)> All =
    [
        (DeadlineSweepJob.Name, "Reminds the officers 5 and 1 working days before each deadline, and declares a passed deadline missed, escalating it to the head of the body."),
        (DailyDigestJob.Name, "Prepares each officer's morning digest: their cases due within 5 working days, and those overdue."),
    ];

    // workers look for enqueued jobs every second, so a job run from POST /api/jobs/{name}/run or the dashboard starts at once
    private static readonly TimeSpan QueuePollInterval = TimeSpan.FromSeconds(1);

    public static WebApplicationBuilder AddDeadlineJobs(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(DeadlineJobOptions.Section);
        builder.Services.Configure<DeadlineJobOptions>(section);
        builder.Services.AddScoped<DeadlineSweep>();
        builder.Services.AddScoped<Notices.AlertNotices>();
        builder.Services.AddScoped<DailyDigest>();
        if (!(section.Get<DeadlineJobOptions>() ?? new DeadlineJobOptions()).Enabled)
            return builder;

        // the storage and the activator are the service's own rather than Hangfire's statics (JobStorage.Current,
        // JobActivator.Current), which the clients, the server and the dashboard then take from here
        builder.Services.AddSingleton(Storage);
        builder.Services.AddSingleton<JobActivator>(services => new AspNetCoreJobActivator(services.GetRequiredService<IServiceScopeFactory>()));
        builder.Services.AddHangfire((services, hangfire) => hangfire
            .UseLogProvider(new HangfireLogs(services.GetRequiredService<ILoggerFactory>()))
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());
        // the scheduler keeps the wall clock; the jobs read the service's TimeProvider for the legal "today"
        builder.Services.AddHangfireServer(server => server.WorkerCount = 2);
        return builder;
    }

    /// <summary>Hangfire's storage: on SQLite a file beside routing's database (routing.db: routing.hangfire.db), on
    /// PostgreSQL the schema <c>hangfire</c> of routing's database.</summary>
    private static JobStorage Storage(IServiceProvider services)
    {
        services.GetRequiredService<IGlobalConfiguration>(); // Hangfire's settings first: its logs, its serializer
        using var scope = services.CreateScope();
        var database = scope.ServiceProvider.GetRequiredService<RoutingDbContext>().Database;
        var connectionString = database.GetConnectionString()!;
        if (!database.IsSqlite())
        {
            var options = new PostgreSqlStorageOptions { SchemaName = "hangfire", QueuePollInterval = QueuePollInterval };
            return new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, options), options);
        }
        var file = Path.GetFullPath(Path.ChangeExtension(new SqliteConnectionStringBuilder(connectionString).DataSource, ".hangfire.db"));
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        return new SQLiteStorage(file, new SQLiteStorageOptions { QueuePollInterval = QueuePollInterval });
    }

    /// <summary>Hangfire's logs in the service's logging. Hangfire keeps its log provider in a static, which another host
    /// in the same process (tests) may replace and then dispose: loggers asked of a disposed factory are silent.</summary>
    private sealed class HangfireLogs(ILoggerFactory factory) : ILogProvider
    {
        private readonly AspNetCoreLogProvider _logs = new(factory);

        public ILog GetLogger(string name)
        {
            try
            {
                return _logs.GetLogger(name);
            }
            catch (ObjectDisposedException)
            {
                return new Silent();
            }
        }

        private sealed class Silent : ILog
        {
            public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
        }
    }
}
