using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Requests.Routing.Storage;

namespace Requests.Routing.Tests;

// The migration is written by hand: it must build exactly the database the EF model describes.
public sealed class Migrating_a_fresh_database : IDisposable
{
    private readonly RoutingApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Applies_every_migration_at_start()
    {
        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RoutingDbContext>();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Contains("20261123000000_Initial", await db.Database.GetAppliedMigrationsAsync());
    }

    [Fact]
    public async Task Creates_the_tables_columns_and_indexes_of_the_model()
    {
        string script;
        using (var scope = _app.Services.CreateScope())
            script = scope.ServiceProvider.GetRequiredService<RoutingDbContext>().Database.GenerateCreateScript();
        var modelFile = Path.Combine(Path.GetDirectoryName(_app.DatabaseFile)!, "model.db");
        await using var model = new SqliteConnection($"Data Source={modelFile};Pooling=False");
        await model.OpenAsync();
        await using (var create = model.CreateCommand())
        {
            create.CommandText = script;
            await create.ExecuteNonQueryAsync();
        }
        await using var migrated = _app.OpenDatabase();

        var expected = await SchemaAsync(model);
        Assert.Contains("table cases", expected);
        Assert.Contains("table officer_leaves", expected);
        Assert.Equal(expected, await SchemaAsync(migrated));
    }

    /// <summary>One line per table, column, index and foreign key, sorted: easy to diff.</summary>
    private static async Task<List<string>> SchemaAsync(SqliteConnection connection)
    {
        var lines = new List<string>();
        var tables = await RowsAsync(connection,
            "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT IN ('__EFMigrationsHistory', '__EFMigrationsLock')");
        foreach (var table in tables)
        {
            var name = (string)table[0]!;
            lines.Add($"table {name}");
            lines.Add($"table {name} autoincrement={((string)table[1]!).Contains("AUTOINCREMENT", StringComparison.OrdinalIgnoreCase)}");
            foreach (var c in await RowsAsync(connection, $"PRAGMA table_info(\"{name}\")"))
                lines.Add($"column {name}.{c[1]} {c[2]} notnull={c[3]} default={c[4]} pk={c[5]}");
            foreach (var i in await RowsAsync(connection, $"PRAGMA index_list(\"{name}\")"))
            {
                var columns = (await RowsAsync(connection, $"PRAGMA index_info(\"{i[1]}\")")).Select(r => r[2]);
                var sql = (await RowsAsync(connection, $"SELECT sql FROM sqlite_master WHERE name = '{i[1]}'")).SingleOrDefault()?[0] as string;
                var filter = sql?.Contains(" WHERE ", StringComparison.Ordinal) == true ? sql[sql.IndexOf(" WHERE ", StringComparison.Ordinal)..] : "";
                lines.Add($"index {name}.{i[1]} ({string.Join(", ", columns)}) unique={i[2]} origin={i[3]}{filter}");
            }
            foreach (var f in await RowsAsync(connection, $"PRAGMA foreign_key_list(\"{name}\")"))
                lines.Add($"foreign key {name}.{f[3]} -> {f[2]}.{f[4]} on delete {f[6]}");
        }
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    private static async Task<List<object?[]>> RowsAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<object?[]>();
        while (await reader.ReadAsync())
            rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? null : reader.GetValue(i))]);
        return rows;
    }
}
