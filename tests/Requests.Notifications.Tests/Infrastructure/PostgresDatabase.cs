using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Requests.Notifications.Tests.Infrastructure;

/// <summary>A migrated PostgreSQL database of <see cref="NotificationsDb"/> on the test run's server (<c>REQUESTS_POSTGRES</c>), dropped at the end.</summary>
public sealed class PostgresDatabase : ITestDatabase
{
    private static string Server => Environment.GetEnvironmentVariable("REQUESTS_POSTGRES") is { Length: > 0 } server
        ? server
        : throw new InvalidOperationException("REQUESTS_POSTGRES is not set: run ./test.sh, or start infra/postgres.sh and export it.");

    private readonly string _name = $"notifications_{Guid.NewGuid():N}";

    public PostgresDatabase()
    {
        using var db = Open();
        db.Database.Migrate();
    }

    public void Configure(DbContextOptionsBuilder options) => options
        .UseNpgsql($"{Server};Database={_name}")
        .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));

    public NotificationsDb Open()
    {
        var options = new DbContextOptionsBuilder<NotificationsDb>();
        Configure(options);
        return new NotificationsDb(options.Options);
    }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(Server);
        connection.Open();
        using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)", connection);
        drop.ExecuteNonQuery();
    }
}
