using System.Data.Common;
using Requests.Notifications.Delivery;
using Requests.Notifications.Templates;
using Requests.Routing.Storage;

namespace Requests.Routing.Notices;

/// <summary>Notifications written with raw commands on a job's own connection and transaction (the deadline alerts, the
/// digest), through one prepared insert (<see cref="NotificationStore.InsertCommand"/>) reused for every row.</summary>
internal static class NoticeSql
{
    /// <summary>Renders and inserts one notification; null when its key was already there.</summary>
    public static async Task<Notification?> InsertAsync(DbCommand insert, string key, IEmailTemplate message, Language language,
        string? address, string? caseId, DateTime now, CancellationToken cancellationToken)
    {
        var n = Notification.Create(key, message, language, address, caseId is null ? null : Guid.Parse(caseId), now);
        return await NotificationStore.InsertAsync(insert, n, cancellationToken) ? n : null;
    }
}

/// <summary>The directory as the jobs read it once per run: officers' names, e-mails and languages, bodies' names.</summary>
internal sealed class NoticeDirectory
{
    private readonly Dictionary<string, (string Name, string Email, Language Language)> _officers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, BodyName> _bodies = new(StringComparer.Ordinal);

    public static async Task<NoticeDirectory> LoadAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var directory = new NoticeDirectory();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT id, full_name, email, language FROM officers";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                directory._officers[reader.GetString(0)] = (reader.GetString(1), reader.GetString(2), Languages.Parse(reader.GetString(3)));
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

    public (string Name, string Email, Language Language)? Officer(string? id) =>
        id is not null && _officers.TryGetValue(id, out var officer) ? officer : null;

    public BodyName Body(string code) => _bodies.GetValueOrDefault(code) ?? new BodyName(code, code);

    public static BodyName NameOf(Body? body, string code) => body is null ? new BodyName(code, code) : new BodyName(body.NameFr, body.NameAr);
}
