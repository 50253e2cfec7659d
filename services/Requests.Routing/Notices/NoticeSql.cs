using System.Data.Common;
using Requests.Notifications.Delivery;
using Requests.Notifications.Templates;
using Requests.Routing.Storage;

namespace Requests.Routing.Notices;

/// <summary>
/// Notifications written with raw commands on a job's own connection and transaction (the sweep, the digest): one
/// prepared insert reused for every row. The unique idempotency key makes a second run's insert a no-op.
/// </summary>
internal static class NoticeSql
{
    private static readonly string[] Columns =
    [
        "idempotency_key", "template", "language", "recipient", "subject", "html", "text", "status", "attempts",
        "next_attempt_at", "last_error", "case_id", "created_at",
    ];

    public static DbCommand Insert(DbConnection connection)
    {
        var command = connection.CreateCommand();
        // SQLite and PostgreSQL alike
        command.CommandText = $"INSERT INTO notifications ({string.Join(", ", Columns)}) " +
            $"VALUES ({string.Join(", ", Columns.Select((_, i) => $"@n{i}"))}) ON CONFLICT (idempotency_key) DO NOTHING";
        for (var i = 0; i < Columns.Length; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = $"@n{i}";
            command.Parameters.Add(parameter);
        }
        return command;
    }

    /// <summary>Renders and inserts one notification; null when its key was already there.</summary>
    public static async Task<Notification?> InsertAsync(DbCommand insert, string key, IEmailTemplate message, Language language,
        string? address, string? caseId, DateTime now, CancellationToken cancellationToken)
    {
        var n = Notification.Create(key, message, language, address, caseId is null ? null : Guid.Parse(caseId), now);
        object?[] values =
        [
            n.IdempotencyKey, n.Template, n.Language, n.Recipient, n.Subject, n.Html, n.Text, n.Status, 0,
            n.NextAttemptAt, n.LastError, caseId, n.CreatedAt,
        ];
        for (var i = 0; i < values.Length; i++)
            insert.Parameters[i].Value = values[i] ?? DBNull.Value;
        return await insert.ExecuteNonQueryAsync(cancellationToken) == 1 ? n : null;
    }
}

/// <summary>The directory as the jobs read it once per run: officers' names and e-mails, bodies' names.</summary>
internal sealed class NoticeDirectory
{
    private readonly Dictionary<string, (string Name, string Email)> _officers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, BodyName> _bodies = new(StringComparer.Ordinal);

    public static async Task<NoticeDirectory> LoadAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var directory = new NoticeDirectory();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT id, full_name, email FROM officers";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                directory._officers[reader.GetString(0)] = (reader.GetString(1), reader.GetString(2));
        }
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT code, name_fr, name_ar FROM bodies";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                directory._bodies[reader.GetString(0)] = new BodyName(reader.GetString(1), reader.GetString(2));
        }
        return directory;
    }

    public (string Name, string Email)? Officer(string? id) =>
        id is not null && _officers.TryGetValue(id, out var officer) ? officer : null;

    public BodyName Body(string code) => _bodies.GetValueOrDefault(code) ?? new BodyName(code, code);

    public static BodyName NameOf(Body? body, string code) => body is null ? new BodyName(code, code) : new BodyName(body.NameFr, body.NameAr);
}
