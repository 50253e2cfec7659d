using Microsoft.Data.Sqlite;
using Requests.Testing;

namespace Requests.Intake.Tests;

// What the service stored, read straight from its SQLite file.
public sealed partial class IntakeApp
{
    /// <summary>A connection of our own to the service's file, outside the app (WAL lets us read while it writes).</summary>
    public SqliteConnection OpenDatabase()
    {
        _ = Services; // starts the app, which creates the database, if no request did yet
        return SqliteQueries.Open(DatabaseFile);
    }

    /// <summary>Cases and outbox messages: what a rejected filing must leave as it was.</summary>
    public async Task<(long Cases, long Messages)> StoredAsync() =>
        (await CountAsync("cases"), await CountAsync("outbox_messages"));

    public async Task<long> CountAsync(string table, string where = "1 = 1")
    {
        await using var connection = OpenDatabase();
        return await SqliteQueries.CountAsync(connection, table, where);
    }

    public async Task<List<Dictionary<string, object?>>> QueryAsync(string sql)
    {
        await using var connection = OpenDatabase();
        return await SqliteQueries.QueryAsync(connection, sql);
    }
}
