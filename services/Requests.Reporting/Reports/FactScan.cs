using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Requests.Reporting.Facts;
using Requests.Reporting.Storage;
using SQLitePCL;

namespace Requests.Reporting.Reports;

/// <summary>
/// Reads a year's facts in one scan of the covering index <c>ix_case_facts_year</c> (integers only): one query
/// for every figure and breakdown of a report.
/// </summary>
public static class FactScan
{
    private const string Sql = """
        SELECT id, body_id, theme_id, codes, received_day,
               IFNULL(due_day, 2147483647), IFNULL(answered_day, 2147483647), IFNULL(closed_day, 2147483647)
        FROM case_facts WHERE received_day BETWEEN @from AND @to
        """;

    public static async Task ReadAsync(ReportingDbContext db, YearFacts facts, CancellationToken cancellationToken)
    {
        var from = new DateOnly(facts.Year, 1, 1).DayNumber;
        var to = new DateOnly(facts.Year, 12, 31).DayNumber;
        var connection = db.Database.GetDbConnection();
        if (connection is SqliteConnection sqlite && sqlite.Handle is { } handle)
            ReadSqlite(handle, from, to, facts);
        else
            await ReadAnyAsync(db, connection, from, to, facts, cancellationToken);
        facts.Trim();
    }

    /// <summary>
    /// SQLite's own statement API, on the connection (and so in the snapshot) the context holds: the ADO.NET reader
    /// costs about ten times the engine's own time per row here, which would make the cold read of a year of
    /// millions of cases many times slower than the scan itself.
    /// </summary>
    private static void ReadSqlite(sqlite3 handle, int from, int to, YearFacts facts)
    {
        Check(handle, raw.sqlite3_prepare_v2(handle, Sql, out var statement));
        using (statement)
        {
            Check(handle, raw.sqlite3_bind_int(statement, raw.sqlite3_bind_parameter_index(statement, "@from"), from));
            Check(handle, raw.sqlite3_bind_int(statement, raw.sqlite3_bind_parameter_index(statement, "@to"), to));
            int rc;
            while ((rc = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
            {
                facts.Add(raw.sqlite3_column_int64(statement, 0), raw.sqlite3_column_int(statement, 1),
                    raw.sqlite3_column_int(statement, 2), raw.sqlite3_column_int(statement, 3),
                    raw.sqlite3_column_int(statement, 4), raw.sqlite3_column_int(statement, 5),
                    raw.sqlite3_column_int(statement, 6), raw.sqlite3_column_int(statement, 7));
            }
            if (rc != raw.SQLITE_DONE)
                Check(handle, rc);
        }
    }

    private static async Task ReadAnyAsync(ReportingDbContext db, DbConnection connection, int from, int to, YearFacts facts,
        CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = Sql.Replace("IFNULL", "COALESCE", StringComparison.Ordinal);
        Add(command, "@from", from);
        Add(command, "@to", to);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            facts.Add(reader.GetInt64(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetInt32(4),
                reader.GetInt32(5), reader.GetInt32(6), reader.GetInt32(7));
        }
    }

    /// <summary>
    /// The year's facts written after <paramref name="since"/> (by the index on year and version) into
    /// <paramref name="changed"/>, and the ids of the facts that left the year since; null when there are more than
    /// <paramref name="most"/> changed facts, when reading the whole year costs less, and when <paramref name="since"/>
    /// is more than <see cref="FactBook.VersionsKept"/> versions behind <paramref name="version"/> (its departures may
    /// be deleted).
    /// </summary>
    public static async Task<List<long>?> ReadChangedAsync(ReportingDbContext db, YearFacts changed, long since, long version,
        int most, CancellationToken cancellationToken)
    {
        if (version - since > FactBook.VersionsKept)
            return null;
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        await using (var count = connection.CreateCommand())
        {
            count.Transaction = transaction;
            count.CommandText = "SELECT COUNT(*) FROM (SELECT 1 FROM case_facts WHERE year = @year AND version > @since LIMIT @limit) AS c";
            Add(count, "@year", changed.Year);
            Add(count, "@since", since);
            Add(count, "@limit", most + 1);
            if (Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) > most)
                return null;
        }
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = Sql.Replace("IFNULL", "COALESCE", StringComparison.Ordinal)
                .Replace("received_day BETWEEN @from AND @to", "year = @year AND version > @since", StringComparison.Ordinal);
            Add(command, "@year", changed.Year);
            Add(command, "@since", since);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                changed.Add(reader.GetInt64(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetInt32(4),
                    reader.GetInt32(5), reader.GetInt32(6), reader.GetInt32(7));
            }
        }
        var gone = new List<long>();
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = "SELECT fact_id FROM fact_departures WHERE year = @year AND version > @since";
            Add(command, "@year", changed.Year);
            Add(command, "@since", since);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                gone.Add(reader.GetInt64(0));
        }
        return gone;
    }

    private static void Check(sqlite3 handle, int rc)
    {
        if (rc != raw.SQLITE_OK)
            throw new SqliteException($"SQLite error {rc}: {raw.sqlite3_errmsg(handle).utf8_to_string()}", rc);
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
