using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Requests.Notifications.Delivery;
using Requests.Notifications.Templates;
using Requests.Notifications.Templates.Citizen;
using Requests.Notifications.Templates.Staff;
using Requests.Routing.Calendar;
using Requests.Routing.Cases;
using Requests.Routing.Deadlines;
using Requests.Routing.Storage;
using Requests.ServiceDefaults.Data;
using Requests.ServiceDefaults.Messaging;
using static System.FormattableString;

namespace Requests.Routing.Notices;

/// <summary>Writes the notices of the alerts the sweep recorded in <c>alert_notices</c>: a reminder to the officer and
/// whoever stands in with them (or the head, for a recourse); at a missed deadline the overdue notice, the head's
/// escalation and the requester's notice (the silence that opens the recourse, the head's silence that opens the
/// Commission, a complaint's delay). Each batch renders its notifications, inserts them (their keys make a second pass a
/// no-op) and deletes its rows in one transaction: a crash leaves the rows to the next pass, which every sweep runs.</summary>
public sealed class AlertNotices(RoutingDbContext db, WriteGate writes, CalendarStore calendar, NoticeLinks links, OutboxSignal signal)
{
    public const string Reminder = "reminder";
    public const string Missed = "missed";
    private const int BatchSize = 500;

    internal static DbCommand Insert(DbConnection connection) => Commands.Prepare(connection, """
        INSERT INTO alert_notices (case_id, kind, sequence, deadline, due_on, working_days_left, recourse_last_day, at)
        VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7)
        """, 8);

    internal static Task<int> InsertAsync(DbCommand insert, string caseId, string kind, int sequence, string deadline, DateOnly dueOn,
        int workingDaysLeft, DateOnly? recourseLastDay, DateTime at, CancellationToken cancellationToken)
    {
        Commands.Bind(insert, caseId, kind, sequence, deadline, dueOn, workingDaysLeft, recourseLastDay, at);
        return insert.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Writes every pending alert's notices; returns how many alerts were handled.</summary>
    public async Task<int> WriteAsync(CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var directory = await NoticeDirectory.LoadAsync(connection, cancellationToken);
            var recipients = await AlertRecipients.LoadAsync(connection, cancellationToken);
            var handled = 0;
            while (true)
            {
                int read;
                await writes.EnterAsync(cancellationToken);
                try
                {
                    await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                    await using var insert = NotificationStore.InsertCommand(connection, transaction);
                    await using var outbox = OutboxMessage.InsertCommand(connection, transaction);
                    var batch = await ReadAsync(connection, transaction, cancellationToken);
                    read = batch.Count;
                    var writer = new Writer(insert, outbox, directory, recipients, links, calendar);
                    foreach (var alert in batch)
                        await writer.WriteAsync(alert, cancellationToken);
                    if (read > 0)
                    {
                        await using var delete = Commands.Prepare(connection, "DELETE FROM alert_notices WHERE id <= @p0", 1, transaction);
                        Commands.Bind(delete, batch[^1].Id);
                        await delete.ExecuteNonQueryAsync(cancellationToken);
                    }
                    await transaction.CommitAsync(cancellationToken);
                }
                finally
                {
                    writes.Exit();
                }
                handled += read;
                if (read < BatchSize)
                    break;
            }
            if (handled > 0)
                signal.Notify();
            return handled;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private sealed record Alert(long Id, string CaseId, string Kind, int Sequence, string Deadline, DateOnly DueOn, int WorkingDaysLeft,
        DateOnly? RecourseLastDay, DateTime At, string TrackingNumber, string BodyCode, string CaseKind, string? OfficerId,
        string? RequesterEmail, string Language);

    private static async Task<List<Alert>> ReadAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var select = Commands.Prepare(connection, """
            SELECT a.id, a.case_id, a.kind, a.sequence, a.deadline, a.due_on, a.working_days_left, a.recourse_last_day, a.at,
                   c.tracking_number, c.body_code, c.kind, c.assigned_officer_id, c.requester_email, c.language
            FROM alert_notices a JOIN cases c ON c.id = a.case_id
            ORDER BY a.id
            LIMIT @p0
            """, 1, transaction);
        Commands.Bind(select, BatchSize);
        var alerts = new List<Alert>();
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            alerts.Add(new Alert(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3), reader.GetString(4),
                reader.GetFieldValue<DateOnly>(5), reader.GetInt32(6), reader.IsDBNull(7) ? null : reader.GetFieldValue<DateOnly>(7),
                reader.GetDateTime(8), reader.GetString(9), reader.GetString(10), reader.GetString(11),
                reader.IsDBNull(12) ? null : reader.GetString(12), reader.IsDBNull(13) ? null : reader.GetString(13), reader.GetString(14)));
        return alerts;
    }

    private sealed class Writer(DbCommand insert, DbCommand outbox, NoticeDirectory directory, AlertRecipients recipients,
        NoticeLinks links, CalendarStore calendar)
    {
        public async Task WriteAsync(Alert alert, CancellationToken cancellationToken)
        {
            var headAnswer = alert.Deadline == CaseClock.HeadAnswerDeadline;
            var officers = headAnswer ? recipients.ForHeadAnswer(alert.BodyCode) : recipients.ForAnswer(alert.OfficerId, alert.BodyCode);
            var caseUrl = links.Case(alert.CaseId);
            if (alert.Kind == Reminder)
            {
                var scope = Invariant($"{alert.CaseId}:{alert.Deadline}:{alert.DueOn:yyyy-MM-dd}:{alert.Sequence}");
                foreach (var id in officers)
                    if (directory.Officer(id) is { } officer)
                        await StaffAsync(scope, new DeadlineReminder(officer.Name, alert.TrackingNumber, alert.Deadline, alert.DueOn,
                            alert.WorkingDaysLeft, caseUrl), officer.Email, officer.Language, alert, cancellationToken);
                return;
            }

            var moved = Invariant($"{alert.CaseId}:{alert.Sequence}");
            foreach (var id in officers)
                if (directory.Officer(id) is { } officer)
                    await StaffAsync(moved, new OverdueNotice(officer.Name, alert.TrackingNumber, alert.Deadline, alert.DueOn,
                        alert.RecourseLastDay, caseUrl), officer.Email, officer.Language, alert, cancellationToken);
            var head = recipients.HeadOf(alert.BodyCode);
            if (directory.Officer(head) is { } chief && !officers.Contains(head!))
                await StaffAsync(moved, new EscalationNotice(chief.Name, alert.TrackingNumber, directory.Body(alert.BodyCode),
                    directory.Officer(alert.OfficerId)?.Name, alert.DueOn, alert.RecourseLastDay, caseUrl), chief.Email, chief.Language,
                    alert, cancellationToken);

            var body = directory.Body(alert.BodyCode);
            var follow = links.Follow(alert.TrackingNumber);
            // the head's silence on a recourse opens the complaint to the Commission (CDAI), 30 days from its expiry
            IEmailTemplate notice = headAnswer
                ? new HeadSilenceNotice(alert.TrackingNumber, body, alert.DueOn, calendar.CommissionLastDay(alert.DueOn), follow)
                : alert.RecourseLastDay is { } lastDay
                    ? new SilenceNotice(alert.TrackingNumber, body, alert.DueOn, lastDay, follow)
                    : new ComplaintDelayNotice(alert.TrackingNumber, alert.CaseKind, body, alert.DueOn, follow);
            var added = await NoticeSql.InsertAsync(insert, NotificationKey.For(moved, notice.Name, alert.RequesterEmail), notice,
                Languages.Parse(alert.Language), alert.RequesterEmail, alert.CaseId, alert.At, cancellationToken);
            // the requester's timeline shows the notice: intake is told in the same transaction
            if (added is not null && CitizenNoticeRelay.For(added, alert.TrackingNumber, alert.At) is { } message)
            {
                OutboxMessage.Bind(outbox, message);
                await outbox.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        private Task<Notification?> StaffAsync(string scope, IEmailTemplate notice, string email, Language language, Alert alert,
            CancellationToken cancellationToken) =>
            NoticeSql.InsertAsync(insert, NotificationKey.For(scope, notice.Name, email), notice, language, email,
                alert.CaseId, alert.At, cancellationToken);
    }
}
