using System.Data.Common;

namespace Requests.ServiceDefaults.Data;

/// <summary>
/// Raw commands for the hot paths that bypass EF Core (group commits, the deadline sweep and its notices, imports): SQL
/// that SQLite and PostgreSQL both accept, prepared once with its parameters and bound by index for every row.
/// </summary>
public static class Commands
{
    /// <summary>A command for <paramref name="sql"/> with <paramref name="parameters"/> parameters <c>@p0</c>... to bind.</summary>
    public static DbCommand Prepare(DbConnection connection, string sql, int parameters, DbTransaction? transaction = null) =>
        Prepare(connection, transaction, sql, [.. Enumerable.Range(0, parameters).Select(i => $"@p{i}")]);

    /// <summary>A command for <paramref name="sql"/> with the named parameters, in the order <see cref="Bind"/> sets them.</summary>
    public static DbCommand Prepare(DbConnection connection, DbTransaction? transaction, string sql, params string[] names)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var name in names)
            AddParameter(command, name, null);
        return command;
    }

    /// <summary>Sets the parameters in order; a null is the database's NULL.</summary>
    public static void Bind(DbCommand command, params ReadOnlySpan<object?> values)
    {
        for (var i = 0; i < values.Length; i++)
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
    }

    /// <summary><c>INSERT INTO table (columns) VALUES (@p0, ...)</c>.</summary>
    public static string Insert(string table, IReadOnlyList<string> columns) =>
        $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select((_, i) => $"@p{i}"))})";

    public static void AddParameter(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }
}
