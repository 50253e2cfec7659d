using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Requests.ServiceDefaults.Data;

namespace Requests.Intake.Tests;

/// <summary>The services' SQLite files: the WAL is copied back into the database file in the background.</summary>
public sealed class Checkpointing_the_database : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("checkpoint-tests-").FullName;

    private string DatabaseFile => Path.Combine(_folder, "service.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Copies_the_WAL_into_the_database_file_without_any_commit_doing_it()
    {
        using (var writer = new SqliteConnection($"Data Source={DatabaseFile}"))
        {
            writer.Open();
            Execute(writer, "PRAGMA journal_mode=WAL; PRAGMA wal_autocheckpoint=0; CREATE TABLE rows (data BLOB)");
            for (var i = 0; i < 100; i++)
                Execute(writer, "INSERT INTO rows VALUES (randomblob(4000))");
        }
        // the commits copied nothing: the rows are in the WAL only
        Assert.True(new FileInfo(DatabaseFile).Length < 100 * 4000);
        Assert.True(new FileInfo(DatabaseFile + "-wal").Length > 100 * 4000);

        using var checkpointer = new SqliteCheckpointer($"Data Source={DatabaseFile}", TimeSpan.FromMilliseconds(20),
            NullLogger<SqliteCheckpointer>.Instance);
        await checkpointer.StartAsync(CancellationToken.None);
        for (var i = 0; i < 100 && new FileInfo(DatabaseFile).Length < 100 * 4000; i++)
            await Task.Delay(50);
        await checkpointer.StopAsync(CancellationToken.None);

        Assert.True(new FileInfo(DatabaseFile).Length > 100 * 4000, "the rows were not copied into the database file");
    }

    [Fact]
    public async Task Never_creates_a_database_file_that_is_not_there_yet()
    {
        using var checkpointer = new SqliteCheckpointer($"Data Source={DatabaseFile}", TimeSpan.FromMilliseconds(20),
            NullLogger<SqliteCheckpointer>.Instance);
        await checkpointer.StartAsync(CancellationToken.None);
        await Task.Delay(300);
        await checkpointer.StopAsync(CancellationToken.None);

        Assert.False(File.Exists(DatabaseFile));
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
