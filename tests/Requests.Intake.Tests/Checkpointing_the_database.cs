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
            new WriteGate(), NullLogger<SqliteCheckpointer>.Instance);
        await checkpointer.StartAsync(CancellationToken.None);
        for (var i = 0; i < 100 && new FileInfo(DatabaseFile).Length < 100 * 4000; i++)
            await Task.Delay(50);
        await checkpointer.StopAsync(CancellationToken.None);

        Assert.True(new FileInfo(DatabaseFile).Length > 100 * 4000, "the rows were not copied into the database file");
    }

    [Fact]
    public async Task Lets_the_WAL_start_again_while_commits_keep_coming()
    {
        // a writer that never stops, as a service's group commit under load, and never checkpoints itself
        using var writes = new WriteGate();
        using (var setup = new SqliteConnection($"Data Source={DatabaseFile}"))
        {
            setup.Open();
            Execute(setup, "PRAGMA journal_mode=WAL; CREATE TABLE rows (data BLOB)");
        }
        using var checkpointer = new SqliteCheckpointer($"Data Source={DatabaseFile}", TimeSpan.FromMilliseconds(20),
            writes, NullLogger<SqliteCheckpointer>.Instance);
        // started off the test framework's synchronisation context, as the host starts it
        await Task.Run(() => checkpointer.StartAsync(CancellationToken.None));

        // the WAL's header counts the times it started again from its beginning
        var restarts = new HashSet<uint>();
        // on a thread of its own, as the receipt writer
        await Task.Factory.StartNew(() =>
        {
            using var writer = new SqliteConnection($"Data Source={DatabaseFile}");
            writer.Open();
            Execute(writer, "PRAGMA synchronous=NORMAL; PRAGMA wal_autocheckpoint=0");
            var writing = System.Diagnostics.Stopwatch.StartNew();
            for (var i = 0; restarts.Count < 4 && writing.Elapsed < TimeSpan.FromSeconds(3); i++)
            {
                if (i % 100 == 0)
                    restarts.Add(WalCheckpointSequence());
                writes.Enter();
                try
                {
                    Execute(writer, "INSERT INTO rows VALUES (randomblob(1000))");
                }
                finally
                {
                    writes.Exit();
                }
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        await checkpointer.StopAsync(CancellationToken.None);

        Assert.True(restarts.Count >= 3, $"the WAL started again {restarts.Count - 1} times");
    }

    private uint WalCheckpointSequence()
    {
        using var wal = new FileStream(DatabaseFile + "-wal", FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        Span<byte> header = stackalloc byte[16];
        wal.ReadExactly(header);
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(header[12..]);
    }

    [Fact]
    public async Task Never_creates_a_database_file_that_is_not_there_yet()
    {
        using var checkpointer = new SqliteCheckpointer($"Data Source={DatabaseFile}", TimeSpan.FromMilliseconds(20),
            new WriteGate(), NullLogger<SqliteCheckpointer>.Instance);
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
