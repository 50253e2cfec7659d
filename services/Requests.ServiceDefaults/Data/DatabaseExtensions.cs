using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Requests.ServiceDefaults.Messaging;

namespace Requests.ServiceDefaults.Data;

public static class DatabaseExtensions
{
    /// <summary>
    /// Registers the service's database: SQLite by default (<c>Database:Provider=sqlite</c>), PostgreSQL with
    /// <c>Database:Provider=postgres</c>; the connection string is <c>ConnectionStrings:Database</c>.
    /// </summary>
    public static IHostApplicationBuilder AddDatabase<TContext>(this IHostApplicationBuilder builder, string defaultFile)
        where TContext : DbContext
    {
        var provider = DatabaseProvider.From(builder.Configuration);
        var connectionString = builder.Configuration.GetConnectionString("Database") ?? $"Data Source={defaultFile}";
        var walPages = builder.Configuration.GetValue("Database:WalAutocheckpointPages", SqlitePragmas.DefaultWalAutocheckpointPages);
        builder.Services.AddSingleton(provider);
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<WriteGate>();
        // pooled: a scope leases a context already built instead of building one (and its internal services) anew
        builder.Services.AddDbContextPool<TContext>((services, options) =>
        {
            if (provider.IsSqlite)
                options.UseSqlite(connectionString).AddInterceptors(new SqlitePragmas(walPages));
            else
                options.UseNpgsql(connectionString);
            options.AddInterceptors(new OutboxNotifier(services.GetRequiredService<OutboxSignal>()));
            // migrations are written by hand (no design-time tooling here); a test checks them against the model
            options.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
        });
        var interval = builder.Configuration.GetValue("Database:CheckpointInterval", TimeSpan.FromMilliseconds(200));
        if (provider.IsSqlite && interval > TimeSpan.Zero)
            builder.Services.AddHostedService(services => ActivatorUtilities.CreateInstance<SqliteCheckpointer>(services, connectionString, interval));
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck<TContext>>("database", tags: ["ready"]);
        return builder;
    }

    /// <summary>Applies pending migrations before the service takes any traffic.</summary>
    public static async Task MigrateDatabaseAsync<TContext>(this WebApplication app) where TContext : DbContext
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        if (db.Database.IsSqlite())
            CreateSqliteFolder(db.Database.GetConnectionString());
        await db.Database.MigrateAsync();
    }

    /// <summary>
    /// Starts a read-only snapshot: every query until it is disposed sees the database as it was at the first one,
    /// so a page built from several queries never mixes a row from before a commit with one from after it.
    /// On SQLite a deferred transaction (it takes no write lock); on PostgreSQL repeatable read.
    /// </summary>
    public static async Task<IAsyncDisposable> BeginSnapshotAsync(this DbContext db, CancellationToken cancellationToken)
    {
        if (!db.Database.IsSqlite())
            return await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = (Microsoft.Data.Sqlite.SqliteConnection)db.Database.GetDbConnection();
        var transaction = connection.BeginTransaction(deferred: true);
        await db.Database.UseTransactionAsync(transaction, cancellationToken);
        return new SqliteSnapshot(db, transaction);
    }

    private sealed class SqliteSnapshot(DbContext db, System.Data.Common.DbTransaction transaction) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await db.Database.UseTransactionAsync(null);
            await transaction.DisposeAsync();
            await db.Database.CloseConnectionAsync();
        }
    }

    private static void CreateSqliteFolder(string? connectionString)
    {
        var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(file));
        if (!string.IsNullOrEmpty(folder))
            Directory.CreateDirectory(folder);
    }
}

/// <summary>Which database the service runs on, chosen by configuration.</summary>
public sealed record DatabaseProvider(string Name)
{
    public bool IsSqlite => Name == "sqlite";

    public static DatabaseProvider From(IConfiguration configuration)
    {
        var name = (configuration["Database:Provider"] ?? "sqlite").ToLowerInvariant();
        return name is "sqlite" or "postgres"
            ? new DatabaseProvider(name)
            : throw new InvalidOperationException($"Database:Provider must be 'sqlite' or 'postgres', not '{name}'.");
    }
}
