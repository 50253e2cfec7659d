using Microsoft.Data.Sqlite;
using static Requests.Testing.SqliteQueries;

namespace Requests.Testing;

/// <summary>
/// A SQLite schema as one line per table, column, index and foreign key, sorted: easy to diff.
/// Hand-written migrations must build exactly the database the EF model describes.
/// </summary>
public static class SqliteSchema
{
    /// <summary>The schema of a fresh database at <paramref name="file"/> built by <paramref name="script"/> (e.g. GenerateCreateScript()).</summary>
    public static async Task<List<string>> OfScriptAsync(string script, string file)
    {
        var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        await using (connection.ConfigureAwait(false))
        {
            await connection.OpenAsync().ConfigureAwait(false);
            var create = connection.CreateCommand();
            await using (create.ConfigureAwait(false))
            {
                create.CommandText = script;
                await create.ExecuteNonQueryAsync().ConfigureAwait(false);
            }
            return await ReadAsync(connection).ConfigureAwait(false);
        }
    }

    public static async Task<List<string>> ReadAsync(SqliteConnection connection)
    {
        var lines = new List<string>();
        var tables = await RowsAsync(connection,
            "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT IN ('__EFMigrationsHistory', '__EFMigrationsLock')"
            // a full-text index (a virtual table and its shadow tables) is the migration's alone: the EF model has none
            + " AND name IN (SELECT name FROM pragma_table_list WHERE type = 'table')").ConfigureAwait(false);
        foreach (var table in tables)
        {
            var name = (string)table[0]!;
            lines.Add($"table {name}");
            lines.Add($"table {name} autoincrement={((string)table[1]!).Contains("AUTOINCREMENT", StringComparison.OrdinalIgnoreCase)}");
            foreach (var c in await RowsAsync(connection, $"PRAGMA table_info(\"{name}\")").ConfigureAwait(false))
                lines.Add($"column {name}.{c[1]} {c[2]} notnull={c[3]} default={c[4]} pk={c[5]}");
            foreach (var i in await RowsAsync(connection, $"PRAGMA index_list(\"{name}\")").ConfigureAwait(false))
            {
                var columns = (await RowsAsync(connection, $"PRAGMA index_info(\"{i[1]}\")").ConfigureAwait(false)).Select(r => r[2]);
                var sql = (await RowsAsync(connection, $"SELECT sql FROM sqlite_master WHERE name = '{i[1]}'").ConfigureAwait(false)).SingleOrDefault()?[0] as string;
                var filter = sql?.Contains(" WHERE ", StringComparison.Ordinal) == true ? sql[sql.IndexOf(" WHERE ", StringComparison.Ordinal)..] : "";
                lines.Add($"index {name}.{i[1]} ({string.Join(", ", columns)}) unique={i[2]} origin={i[3]}{filter}");
            }
            foreach (var f in await RowsAsync(connection, $"PRAGMA foreign_key_list(\"{name}\")").ConfigureAwait(false))
                lines.Add($"foreign key {name}.{f[3]} -> {f[2]}.{f[4]} on delete {f[6]}");
        }
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }
}
