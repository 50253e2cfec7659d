using System.Data.Common;
using Requests.ServiceDefaults.Data;
using Requests.ServiceDefaults.Messaging;

namespace Requests.Routing.Deadlines;

/// <summary>The sweep's SQL, one command object each, created once per sweep and reused for every row: SQLite compiles a
/// command's statement on its first run and keeps it, so each row costs a bind and a step.</summary>
internal sealed class SweepCommands : IAsyncDisposable
{
    private readonly DbCommand _due;
    private readonly DbCommand _alert;
    private readonly DbCommand _move;
    private readonly DbCommand _audit;
    private readonly DbCommand _outbox;

    public SweepCommands(DbConnection connection)
    {
        // the filtered index ix_cases_next_alert_on serves the range and the order: no scan, no sort
        _due = Commands.Prepare(connection, null, """
            SELECT id, tracking_number, regime, kind, body_code, status, version, alert_deadline, alert_stage,
                   due_on, recourse_due_on, assigned_officer_id
            FROM cases
            WHERE next_alert_on IS NOT NULL AND next_alert_on <= @today
            ORDER BY next_alert_on
            LIMIT @limit
            """, "@today", "@limit");
        // the compare-and-set: changes the case only if nobody moved it since it was read. Two statements, so that a
        // reminder leaves the status alone and with it the two indexes that hold the status
        _alert = Commands.Prepare(connection, null, """
            UPDATE cases SET alert_stage = @stage, next_alert_on = @next
            WHERE id = @id AND alert_stage = @old_stage AND version = @version
            """, "@stage", "@next", "@id", "@old_stage", "@version");
        _move = Commands.Prepare(connection, null, """
            UPDATE cases
            SET alert_stage = @stage, next_alert_on = @next, status = @status, version = @new_version,
                recourse_last_day = COALESCE(@recourse_last_day, recourse_last_day)
            WHERE id = @id AND alert_stage = @old_stage AND version = @version
            """, "@stage", "@next", "@status", "@new_version", "@recourse_last_day", "@id", "@old_stage", "@version");
        _audit = Commands.Prepare(connection, null, """
            INSERT INTO case_audit_entries (case_id, at, actor, action, from_status, to_status, officer_id, note)
            VALUES (@case_id, @at, @actor, @action, @from_status, @to_status, @officer_id, @note)
            """, "@case_id", "@at", "@actor", "@action", "@from_status", "@to_status", "@officer_id", "@note");
        _outbox = OutboxMessage.InsertCommand(connection);
    }

    private DbCommand[] All => [_due, _alert, _move, _audit, _outbox];

    public void Enlist(DbTransaction transaction)
    {
        foreach (var command in All)
            command.Transaction = transaction;
    }

    public async Task<List<DueCase>> ReadDueAsync(DateOnly today, int limit, CancellationToken cancellationToken)
    {
        Commands.Bind(_due, today, limit);
        var rows = new List<DueCase>(limit);
        await using var reader = await _due.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            rows.Add(new DueCase(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.GetString(4), reader.GetString(5), reader.GetInt32(6), reader.IsDBNull(7) ? null : reader.GetString(7),
                reader.GetInt32(8), reader.GetFieldValue<DateOnly>(9),
                reader.IsDBNull(10) ? null : reader.GetFieldValue<DateOnly>(10), reader.IsDBNull(11) ? null : reader.GetString(11)));
        return rows;
    }

    /// <summary>Moves the alerts on (or stops them), if the case is still as read: true when it was, and is now changed.</summary>
    public async Task<bool> TryAlertAsync(DueCase row, SweepStep step, CancellationToken cancellationToken)
    {
        Commands.Bind(_alert, (int)step.Stage, step.NextAlertOn, row.Id, row.Stage, row.Version);
        return await _alert.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>Moves the case to <paramref name="status"/> as its version <paramref name="newVersion"/>, if it is still as read.</summary>
    public async Task<bool> TryMoveAsync(DueCase row, SweepStep step, string status, int newVersion, DateOnly? recourseLastDay,
        CancellationToken cancellationToken)
    {
        Commands.Bind(_move, (int)step.Stage, step.NextAlertOn, status, newVersion, recourseLastDay, row.Id, row.Stage, row.Version);
        return await _move.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public Task AuditAsync(string caseId, DateTime at, string actor, string action, string fromStatus, string toStatus,
        string? officerId, string note, CancellationToken cancellationToken)
    {
        Commands.Bind(_audit, caseId, at, actor, action, fromStatus, toStatus, officerId, note);
        return _audit.ExecuteNonQueryAsync(cancellationToken);
    }

    public Task OutboxAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        OutboxMessage.Bind(_outbox, message);
        return _outbox.ExecuteNonQueryAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in All)
            await command.DisposeAsync();
    }
}
