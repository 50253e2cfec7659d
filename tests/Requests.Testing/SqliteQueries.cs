using Microsoft.Data.Sqlite;

namespace Requests.Testing;

/// <summary>Reads a service's SQLite file straight, outside the app.</summary>
public static class SqliteQueries
{
    /// <summary>A connection of our own to the file (WAL lets us read while the app writes).</summary>
    public static SqliteConnection Open(string file)
    {
        var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        connection.Open();
        return connection;
    }

    public static async Task<long> CountAsync(SqliteConnection connection, string table, string where = "1 = 1")
    {
        ArgumentNullException.ThrowIfNull(connection);
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.CommandText = $"SELECT COUNT(*) FROM {table} WHERE {where}";
            return (long)(await command.ExecuteScalarAsync().ConfigureAwait(false))!;
        }
    }

    /// <summary>Each row as column name to value (null for SQL NULL).</summary>
    public static async Task<List<Dictionary<string, object?>>> QueryAsync(SqliteConnection connection, string sql)
    {
        var rows = new List<Dictionary<string, object?>>();
        await ReadAsync(connection, sql, reader => rows.Add(Enumerable.Range(0, reader.FieldCount)
            .ToDictionary(reader.GetName, i => reader.IsDBNull(i) ? null : reader.GetValue(i)))).ConfigureAwait(false);
        return rows;
    }

    /// <summary>Each row as values by position: PRAGMA results are read that way.</summary>
    public static async Task<List<object?[]>> RowsAsync(SqliteConnection connection, string sql)
    {
        var rows = new List<object?[]>();
        await ReadAsync(connection, sql, reader => rows.Add(
            [.. Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? null : reader.GetValue(i))])).ConfigureAwait(false);
        return rows;
    }

    private static async Task ReadAsync(SqliteConnection connection, string sql, Action<SqliteDataReader> row)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.CommandText = sql;
            var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync().ConfigureAwait(false))
                    row(reader);
            }
        }
    }
}
