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
}
