using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Requests.Contracts.Routing;
using Requests.Domain.Deadlines;
using Requests.Routing.Calendar;
using Requests.Routing.Storage;
using Requests.ServiceDefaults.Data;
using Requests.ServiceDefaults.Messaging;

namespace Requests.Routing.Deadlines;

public sealed record DigestResult(int Officers, int Prepared)
{
    public override string ToString() => Prepared == Officers
        ? $"{Prepared} digests prepared"
        : $"{Prepared} digests prepared, {Officers - Prepared} already prepared today";
}

/// <summary>
/// Each morning, every officer with open cases gets one <see cref="OfficerDigestPrepared"/>: their cases whose
/// answer is due within 5 working days, and those overdue. Once per officer and day: the message id is named after
/// the pair, so a second run the same day (a restart, a second instance) adds nothing.
/// </summary>
public sealed class DailyDigest(RoutingDbContext db, WriteGate writes, CalendarStore calendar, OutboxSignal signal)
{
    public const int DueSoonDays = 5;

    public static Guid MessageId(string officerId, DateOnly on) =>
        NameBasedGuid.For(string.Create(CultureInfo.InvariantCulture, $"officer-digest/{officerId}/{on:yyyy-MM-dd}"));

    public async Task<DigestResult> RunAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var today = calendar.LocalDate(now);
        var days = calendar.Current;
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var digests = (await DigestQueries.OfficersWithOpenCasesAsync(connection, cancellationToken))
                .ToDictionary(id => id, _ => (DueSoon: new List<DigestLine>(), Overdue: new List<DigestLine>()), StringComparer.Ordinal);
            foreach (var (officerId, line) in await DigestQueries.DueByAsync(connection, days.AddWorkingDays(today, DueSoonDays), cancellationToken))
            {
                var left = DeadlineAlerts.WorkingDaysLeft(today, line.DueOn, days);
                if (!digests.TryGetValue(officerId, out var digest) || left > DueSoonDays)
                    continue;
                (line.DueOn < today ? digest.Overdue : digest.DueSoon).Add(line with { WorkingDaysLeft = left });
            }

            var prepared = 0;
            var at = now.UtcDateTime;
            await writes.EnterAsync(cancellationToken);
            try
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await using var insert = DigestQueries.InsertOrIgnore(connection, transaction);
                foreach (var (officerId, digest) in digests.OrderBy(d => d.Key, StringComparer.Ordinal))
                {
                    var message = OutboxMessage.For(new OfficerDigestPrepared(officerId, today, digest.DueSoon, digest.Overdue, now),
                        MessageId(officerId, today), at);
                    prepared += await DigestQueries.InsertAsync(insert, message, cancellationToken);
                }
                await transaction.CommitAsync(cancellationToken);
            }
            finally
            {
                writes.Exit();
            }
            if (prepared > 0)
                signal.Notify();
            return new DigestResult(digests.Count, prepared);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static class DigestQueries
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
}
