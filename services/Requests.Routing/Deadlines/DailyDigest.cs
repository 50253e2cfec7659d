using Microsoft.EntityFrameworkCore;
using Requests.Contracts.Routing;
using Requests.Domain.Deadlines;
using Requests.Notifications.Delivery;
using Requests.Routing.Calendar;
using Requests.Routing.Notices;
using Requests.Routing.Storage;
using Requests.ServiceDefaults.Data;
using Requests.ServiceDefaults.Messaging;
using static System.FormattableString;

namespace Requests.Routing.Deadlines;

public sealed record DigestResult(int Officers, int Prepared)
{
    public override string ToString() => Prepared == Officers
        ? $"{Prepared} digests prepared"
        : $"{Prepared} digests prepared, {Officers - Prepared} already prepared today";
}

/// <summary>Each morning, every officer with open cases gets one <see cref="OfficerDigestPrepared"/>: their cases whose
/// answer is due within 5 working days, and those overdue. Once per officer and day: the message id is named after the
/// pair, so a second run the same day (a restart, a second instance) adds nothing.</summary>
public sealed class DailyDigest(RoutingDbContext db, WriteGate writes, CalendarStore calendar, OutboxSignal signal,
    NoticeLinks links)
{
    public const int DueSoonDays = 5;

    public static Guid MessageId(string officerId, DateOnly on) =>
        NameBasedGuid.For(Invariant($"officer-digest/{officerId}/{on:yyyy-MM-dd}"));

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
            var directory = await NoticeDirectory.LoadAsync(connection, cancellationToken);
            await writes.EnterAsync(cancellationToken);
            try
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                // the unique index on message_id makes a second digest of the day a no-op
                await using var insert = OutboxMessage.InsertCommand(connection, transaction, ignoreDuplicates: true);
                await using var notify = NotificationStore.InsertCommand(connection, transaction);
                foreach (var (officerId, digest) in digests.OrderBy(d => d.Key, StringComparer.Ordinal))
                {
                    var message = OutboxMessage.For(new OfficerDigestPrepared(officerId, today, digest.DueSoon, digest.Overdue, now),
                        MessageId(officerId, today), at);
                    OutboxMessage.Bind(insert, message);
                    prepared += await insert.ExecuteNonQueryAsync(cancellationToken);
                    // the e-mail, once per officer and day like the message
                    if (directory.Officer(officerId) is { } officer)
                        await NoticeSql.InsertAsync(notify, NotificationKey.For(Invariant($"digest:{officerId}:{today:yyyy-MM-dd}"),
                                Notifications.Templates.Staff.DailyDigest.Template, officer.Email),
                            new Notifications.Templates.Staff.DailyDigest(officer.Name, today, digest.DueSoon, digest.Overdue, links.Queue),
                            officer.Language, officer.Email, null, at, cancellationToken);
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
}
