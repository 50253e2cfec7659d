using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Requests.ServiceDefaults.Data;

/// <summary>
/// Copies the WAL back into the database file in the background: a passive checkpoint, on a connection of its own,
/// every <c>Database:CheckpointInterval</c>. Without it the commit that crosses <c>wal_autocheckpoint</c>'s threshold
/// copies the whole WAL before it returns, and every request waiting for that commit waits for the copy too. A passive
/// checkpoint blocks neither readers nor writers; <c>wal_autocheckpoint</c> stays as the safety net.
/// </summary>
public sealed class SqliteCheckpointer(string connectionString, TimeSpan interval, ILogger<SqliteCheckpointer> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // the file is the service's: never create it here (migrations do, at start-up)
        var readWrite = new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadWrite, Pooling = false }
            .ToString();
        SqliteConnection? connection = null;
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    if (connection is null)
                    {
                        connection = new SqliteConnection(readWrite);
                        connection.Open();
                    }
                    using var command = connection.CreateCommand();
                    command.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
                    command.ExecuteNonQuery();
                }
                catch (SqliteException ex)
                {
                    logger.LogDebug(ex, "Background checkpoint skipped");
                    connection?.Dispose();
                    connection = null;
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
        }
    }
}
