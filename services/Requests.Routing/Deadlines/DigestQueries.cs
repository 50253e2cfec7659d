using System.Data.Common;
using Requests.Contracts.Routing;
using Requests.ServiceDefaults.Data;

namespace Requests.Routing.Deadlines;

/// <summary>The digest's SQL: officers with open cases, and their cases due by a day.</summary>
internal static class DigestQueries
{
    // the officer's own duty: an answer is owed (a recourse is the head's); a paused case is open but not running
    private const string Open = "('received', 'assigned', 'accepted', 'awaiting-clarification', 'extended', 'reopened', 'deadline-missed')";

    public static async Task<List<string>> OfficersWithOpenCasesAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT DISTINCT assigned_officer_id FROM cases WHERE assigned_officer_id IS NOT NULL AND status IN {Open}";
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            ids.Add(reader.GetString(0));
        return ids;
    }

    public static async Task<List<(string OfficerId, DigestLine Line)>> DueByAsync(DbConnection connection, DateOnly horizon,
        CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT assigned_officer_id, id, tracking_number, body_code, status, due_on
            FROM cases
            WHERE assigned_officer_id IS NOT NULL AND due_on <= @horizon
              AND status IN ('received', 'assigned', 'accepted', 'extended', 'reopened', 'deadline-missed')
            ORDER BY due_on, tracking_number
            """;
        Commands.AddParameter(command, "@horizon", horizon);
        var lines = new List<(string, DigestLine)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            lines.Add((reader.GetString(0), new DigestLine(Guid.Parse(reader.GetString(1)), reader.GetString(2),
                reader.GetString(3), reader.GetString(4), reader.GetFieldValue<DateOnly>(5), 0)));
        return lines;
    }
}
