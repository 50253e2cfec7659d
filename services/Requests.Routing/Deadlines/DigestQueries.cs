using System.Data.Common;
using Requests.Contracts.Routing;
using Requests.ServiceDefaults.Messaging;

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
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@horizon";
        parameter.Value = horizon;
        command.Parameters.Add(parameter);
        var lines = new List<(string, DigestLine)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            lines.Add((reader.GetString(0), new DigestLine(Guid.Parse(reader.GetString(1)), reader.GetString(2),
                reader.GetString(3), reader.GetString(4), reader.GetFieldValue<DateOnly>(5), 0)));
        return lines;
    }

    public static DbCommand InsertOrIgnore(DbConnection connection, DbTransaction transaction)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        // SQLite and PostgreSQL alike: the unique index on message_id makes a second digest of the day a no-op
        command.CommandText = """
            INSERT INTO outbox_messages (message_id, message_type, body, created_at)
            VALUES (@message_id, @message_type, @body, @created_at)
            ON CONFLICT (message_id) DO NOTHING
            """;
        foreach (var name in new[] { "@message_id", "@message_type", "@body", "@created_at" })
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    public static async Task<int> InsertAsync(DbCommand insert, OutboxMessage message, CancellationToken cancellationToken)
    {
        insert.Parameters[0].Value = message.MessageId.ToString("D");
        insert.Parameters[1].Value = message.MessageType;
        insert.Parameters[2].Value = message.Body;
        insert.Parameters[3].Value = message.CreatedAt;
        return await insert.ExecuteNonQueryAsync(cancellationToken);
    }
}
