using Microsoft.Data.Sqlite;

namespace Requests.Routing.Benchmarks;

/// <summary>The insert of one open case, in the form EF Core stores it (text ids and dates), with one prepared command.</summary>
internal sealed class CaseRows(SqliteConnection connection)
{
    private static readonly string[] Columns =
    [
        "id", "tracking_number", "regime", "kind", "body_code", "subject", "description", "urgent", "received_at", "received_on",
        "due_on", "rule_version", "clock_starts_on", "status", "assigned_officer_id", "assigned_at", "channel", "language",
        "version", "alert_deadline", "alert_stage", "next_alert_on", "requester_name", "requester_email",
    ];

    private static readonly string[] Statuses = ["assigned", "accepted", "extended"];

    private readonly SqliteCommand _insert = Create(connection);

    public void Enlist(SqliteTransaction transaction) => _insert.Transaction = transaction;

    public void Insert(Guid id, int n, (string Id, string Body) officer, DateOnly dueOn, DateOnly receivedOn, int stage, DateOnly nextAlertOn)
    {
        var complaint = n % 5 == 0;
        var receivedAt = receivedOn.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc);
        object[] values =
        [
            id.ToString("D"), complaint ? $"RCL-2026-{n:D7}" : $"DAI-2026-{n:D7}", complaint ? "complaint" : "information",
            complaint ? "complaint" : "request", officer.Body, $"Budget execution {n}", "The quarterly execution reports of the year.",
            false, receivedAt, receivedOn, dueOn, "2026.1", receivedOn, Statuses[n % (complaint ? 2 : 3)], officer.Id,
            receivedAt.AddMinutes(1), "portal", "fr", 1 + (n % 3), "answer", stage, nextAlertOn, "Amina Alaoui",
            $"requester{n}@example.ma",
        ];
        for (var i = 0; i < values.Length; i++)
            _insert.Parameters[i].Value = values[i];
        _insert.ExecuteNonQuery();
    }

    private static SqliteCommand Create(SqliteConnection connection)
    {
        var command = connection.CreateCommand();
        command.CommandText = $"INSERT INTO cases ({string.Join(", ", Columns)}) VALUES ({string.Join(", ", Columns.Select((_, i) => $"$p{i}"))})";
        for (var i = 0; i < Columns.Length; i++)
            command.Parameters.Add(new SqliteParameter($"$p{i}", null));
        return command;
    }
}
