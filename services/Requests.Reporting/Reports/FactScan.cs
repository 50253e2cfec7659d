using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Requests.Reporting.Storage;

namespace Requests.Reporting.Reports;

/// <summary>
/// Reads a year's facts in one scan of the covering index <c>ix_case_facts_year</c> (integers only): one query
/// for every figure and breakdown of a report.
/// </summary>
public static class FactScan
{
    public static async Task ReadAsync(ReportingDbContext db, YearFacts facts, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = """
            SELECT id, body_id, theme_id, codes, received_day, due_day, answered_day, closed_day
            FROM case_facts WHERE received_day BETWEEN @from AND @to
            """;
        Add(command, "@from", new DateOnly(facts.Year, 1, 1).DayNumber);
        Add(command, "@to", new DateOnly(facts.Year, 12, 31).DayNumber);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        // Read() rather than ReadAsync(): the SQLite driver is synchronous underneath, and a task per row costs more than the row
        while (reader.Read())
        {
            facts.Add(reader.GetInt64(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetInt32(4),
                reader.IsDBNull(5) ? YearFacts.None : reader.GetInt32(5),
                reader.IsDBNull(6) ? YearFacts.None : reader.GetInt32(6),
                reader.IsDBNull(7) ? YearFacts.None : reader.GetInt32(7));
        }
        facts.Trim();
    }

    private static void Add(DbCommand command, string name, int value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
