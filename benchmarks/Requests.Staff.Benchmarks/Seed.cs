using Microsoft.Data.Sqlite;

namespace Requests.Staff.Benchmarks;

/// <summary>
/// The open cases of one body, written straight into routing's database (migrated and seeded by routing itself) in one
/// transaction, in the form EF Core stores them: text ids and dates. The first case carries the long audit trail.
/// </summary>
internal static class Seed
{
    // open statuses, with how often each occurs (out of 10)
    private static readonly string[] Statuses =
        ["assigned", "assigned", "assigned", "accepted", "accepted", "accepted", "accepted", "awaiting-clarification", "extended", "deadline-missed"];

    private static readonly string[] CaseColumns =
    [
        "id", "tracking_number", "regime", "kind", "body_code", "subject", "description", "urgent", "received_at", "received_on",
        "due_on", "rule_version", "clock_starts_on", "status", "assigned_officer_id", "assigned_at", "channel", "language",
        "version", "alert_stage", "paused_since", "extension_reasons", "requester_name", "requester_email",
    ];

    private static readonly string[] AuditColumns = ["case_id", "at", "actor", "action", "from_status", "to_status", "officer_id", "note", "previous_due_on"];

    /// <summary>Writes <paramref name="cases"/> open cases of <paramref name="body"/>; returns the id of the one with the audit trail.</summary>
    public static Guid Write(string database, int cases, int auditEntries, string body, IReadOnlyList<string> officers, DateOnly today)
    {
        using var connection = new SqliteConnection($"Data Source={database}");
        connection.Open();
        using var transaction = connection.BeginTransaction();
        using var insertCase = Command(connection, transaction, "cases", CaseColumns);
        using var insertAudit = Command(connection, transaction, "case_audit_entries", AuditColumns);
        var random = new Random(20261207);
        var first = Guid.Empty;
        for (var n = 0; n < cases; n++)
        {
            var id = Guid.NewGuid();
            if (n == 0)
                first = id;
            var complaint = n % 5 == 0;
            var status = Statuses[n % Statuses.Length];
            if (complaint && status == "extended")
                status = "accepted";
            // due from a month ago to three months ahead; received some thirty days before
            var dueOn = today.AddDays(status == "deadline-missed" ? -random.Next(1, 30) : random.Next(-5, 90));
            var receivedOn = dueOn.AddDays(-random.Next(20, 45));
            var receivedAt = receivedOn.ToDateTime(new TimeOnly(8, 0), DateTimeKind.Utc).AddSeconds(random.Next(0, 36_000));
            var officer = officers[n % officers.Count];
            Set(insertCase,
            [
                id.ToString("D"), complaint ? $"RCL-2026-{n:D7}" : $"DAI-2026-{n:D7}", complaint ? "complaint" : "information",
                complaint ? "complaint" : "request", body, $"Exécution budgétaire, lot {n}", "Les rapports trimestriels d'exécution de l'année.",
                n % 20 == 0, receivedAt, receivedOn, dueOn, "2026.1", receivedOn, status, officer, receivedAt.AddMinutes(1),
                n % 3 == 0 ? "counter" : "portal", n % 4 == 0 ? "ar" : "fr", 1 + (n % 3), 0,
                status == "awaiting-clarification" ? today.AddDays(-random.Next(1, 10)) : DBNull.Value,
                status == "extended" ? "Volume des documents demandés." : DBNull.Value, "Amina Alaoui", $"requester{n}@example.ma",
            ]);
            if (n == 0)
                WriteAudit(insertAudit, id, auditEntries, receivedAt, officers);
        }
        transaction.Commit();
        return first;
    }

    // a trail that goes round the moves an officer makes: notes, reassignments, pauses and their answers
    private static void WriteAudit(SqliteCommand insert, Guid caseId, int entries, DateTime from, IReadOnlyList<string> officers)
    {
        (string Action, string From, string To)[] moves =
        [
            ("assign", "received", "assigned"), ("accept", "assigned", "accepted"), ("ask-clarification", "accepted", "awaiting-clarification"),
            ("receive-clarification", "awaiting-clarification", "accepted"), ("reassign", "accepted", "assigned"),
        ];
        for (var i = 0; i < entries; i++)
        {
            var (action, fromStatus, toStatus) = moves[i % moves.Length];
            Set(insert,
            [
                caseId.ToString("D"), from.AddHours(i * 3), i % 7 == 0 ? "system" : officers[i % officers.Count], action,
                i == 0 ? DBNull.Value : fromStatus, toStatus, officers[(i + 1) % officers.Count],
                $"Étape {i + 1} : pièce reçue et versée au dossier.", i % 10 == 3 ? DateOnly.FromDateTime(from).AddDays(30) : DBNull.Value,
            ]);
        }
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string table, string[] columns)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})";
        for (var i = 0; i < columns.Length; i++)
            command.Parameters.Add(new SqliteParameter($"$p{i}", null));
        command.Prepare();
        return command;
    }

    private static void Set(SqliteCommand command, object[] values)
    {
        for (var i = 0; i < values.Length; i++)
            command.Parameters[i].Value = values[i];
        command.ExecuteNonQuery();
    }
}
