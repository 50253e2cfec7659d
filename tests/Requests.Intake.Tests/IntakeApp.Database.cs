using Microsoft.Data.Sqlite;

namespace Requests.Intake.Tests;

// What the service stored, read straight from its SQLite file.
public sealed partial class IntakeApp
{
    /// <summary>A connection of our own to the service's file, outside the app (WAL lets us read while it writes).</summary>
    public SqliteConnection OpenDatabase()
    {
        _ = Services; // starts the app, which creates the database, if no request did yet
        var connection = new SqliteConnection($"Data Source={DatabaseFile};Pooling=False");
        connection.Open();
        return connection;
    }

    /// <summary>Cases and outbox messages: what a rejected filing must leave as it was.</summary>
    public async Task<(long Cases, long Messages)> StoredAsync() =>
        (await CountAsync("cases"), await CountAsync("outbox_messages"));

    public async Task<long> CountAsync(string table, string where = "1 = 1")
    {
        await using var connection = OpenDatabase();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {table} WHERE {where}";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public async Task<List<Dictionary<string, object?>>> QueryAsync(string sql)
    {
        await using var connection = OpenDatabase();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<Dictionary<string, object?>>();
        while (await reader.ReadAsync())
            rows.Add(Enumerable.Range(0, reader.FieldCount)
                .ToDictionary(reader.GetName, i => reader.IsDBNull(i) ? null : reader.GetValue(i)));
        return rows;
    }
}
