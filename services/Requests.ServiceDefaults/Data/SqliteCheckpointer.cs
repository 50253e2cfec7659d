using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Win32.SafeHandles;

namespace Requests.ServiceDefaults.Data;

/// <summary>
/// Copies the WAL back into the database file in the background, every <c>Database:CheckpointInterval</c>, on a
/// connection of its own, so that no commit has to (every request waiting for that commit would wait for the copy):
/// a passive checkpoint while the writers go on, a flush of the copied pages, then a second passive checkpoint with
/// the writers held at the <see cref="WriteGate"/> for a moment, which copies the little they wrote meanwhile and
/// reaches the WAL's end, so the next commit starts the WAL afresh. Without that last step a checkpoint never catches
/// up with a steady stream of commits: the WAL grows until <c>wal_autocheckpoint</c>'s threshold makes a commit finish
/// the copy and flush the whole file itself (about 10 ms, twice a second, at 5,000 filings a second). That threshold
/// stays as the safety net.
/// </summary>
public sealed class SqliteCheckpointer(string connectionString, TimeSpan interval, WriteGate writes, ILogger<SqliteCheckpointer> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // the file is the service's: never create it here (migrations do, at start-up)
        var readWrite = new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadWrite, Pooling = false }
            .ToString();
        SqliteConnection? connection = null;
        SafeFileHandle? file = null;
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    if (connection is null || file is null)
                    {
                        connection = new SqliteConnection(readWrite);
                        connection.Open();
                        // to flush the database file: fsync flushes a file whichever descriptor wrote to it
                        file = File.OpenHandle(connection.DataSource, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                    }
                    if (Checkpoint(connection) <= 0)
                        continue;
                    RandomAccess.FlushToDisk(file);
                    using (await writes.HoldAsync(stoppingToken))
                        Checkpoint(connection);
                }
                catch (Exception ex) when (ex is SqliteException or IOException)
                {
                    logger.LogDebug(ex, "Background checkpoint skipped");
                    connection?.Dispose();
                    connection = null;
                    file?.Dispose();
                    file = null;
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // the service is stopping
        }
        finally
        {
            connection?.Dispose();
            file?.Dispose();
        }
    }

    /// <summary>A passive checkpoint; returns how many frames the WAL holds.</summary>
    private static long Checkpoint(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
        using var reader = command.ExecuteReader();
        // busy, frames in the WAL, frames copied into the database file
        return reader.Read() ? reader.GetInt64(1) : 0;
    }
}
