using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Requests.ServiceDefaults.Data;

/// <summary>
/// Inserts new rows with one prepared statement per table, straight from the model's mapping (table, columns, value
/// conversions), without change tracking: for a batch, EF Core's <c>SaveChanges</c> spends most of its time building
/// a statement per row, where one prepared once costs a few microseconds a row. The rows are not tracked: the caller
/// keeps them, inside a transaction so they commit with the rest of its work.
/// </summary>
public static class ModelInserts
{
    // the statement and its columns, read from the model once per entity type
    private static readonly ConcurrentDictionary<IEntityType, (string Sql, List<(IClrPropertyGetter Getter, ValueConverter? Converter)> Columns)> Statements = new();

    private static (string, List<(IClrPropertyGetter, ValueConverter?)>) Statement(IEntityType entityType)
    {
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        // a key the database generates (an integer identity) is left to it
        var properties = entityType.GetProperties()
            .Where(p => !(p.IsPrimaryKey() && p.ValueGenerated == ValueGenerated.OnAdd && p.ClrType == typeof(long)))
            .ToList();
        var sql = $"INSERT INTO \"{table.Name}\" ({string.Join(", ", properties.Select(p => $"\"{p.GetColumnName(table)}\""))}) " +
                  $"VALUES ({string.Join(", ", properties.Select((_, i) => $"@p{i}"))})";
        return (sql, [.. properties.Select(p => (p.GetGetter(), p.GetTypeMapping().Converter))]);
    }

    /// <summary>Inserts <paramref name="rows"/> into <typeparamref name="T"/>'s table in the current transaction.</summary>
    public static async Task InsertAllAsync<T>(this DbContext db, IReadOnlyCollection<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        if (rows.Count == 0)
            return;
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException($"Insert {typeof(T).Name} rows inside a transaction, so they commit with the rest.");
        var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var (sql, columns) = Statements.GetOrAdd(entityType, Statement);
        await using var command = Commands.Prepare(transaction.Connection!, sql, columns.Count, transaction);
        foreach (var row in rows)
        {
            for (var i = 0; i < columns.Count; i++)
            {
                var (getter, converter) = columns[i];
                var value = getter.GetClrValueUsingContainingEntity(row);
                if (value is not null && converter is not null)
                    value = converter.ConvertToProvider(value);
                command.Parameters[i].Value = value ?? DBNull.Value;
            }
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
