using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Requests.ServiceDefaults.Data;

namespace Requests.Notifications.Tests.Infrastructure;

/// <summary>A migrated database of <see cref="NotificationsDb"/>, dropped at the end.</summary>
public interface ITestDatabase : IDisposable
{
    void Configure(DbContextOptionsBuilder options);

    NotificationsDb Open();
}

/// <summary>A migrated SQLite file of <see cref="NotificationsDb"/> in a folder of its own, deleted at the end.</summary>
public sealed class TempDatabase : ITestDatabase
{
    public TempDatabase()
    {
        Folder = Directory.CreateTempSubdirectory("notifications-tests-").FullName;
        File = Path.Combine(Folder, "notifications.db");
        using var db = Open();
        db.Database.Migrate();
    }

    public string Folder { get; }
    public string File { get; }
    public string ConnectionString => $"Data Source={File}";

    public void Configure(DbContextOptionsBuilder options) => options
        .UseSqlite(ConnectionString).AddInterceptors(new SqlitePragmas())
        .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));

    public NotificationsDb Open()
    {
        var options = new DbContextOptionsBuilder<NotificationsDb>();
        Configure(options);
        return new NotificationsDb(options.Options);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // a file still open on a slow machine: the temp folder is cleaned up by the system
        }
    }
}
