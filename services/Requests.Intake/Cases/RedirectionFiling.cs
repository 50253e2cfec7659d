using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Requests.Contracts.Intake;
using Requests.Contracts.Routing;
using Requests.Domain.Deadlines;
using Requests.Intake.Calendar;
using Requests.Intake.Documents;
using Requests.Intake.Storage;
using Requests.Intake.Submissions;
using Requests.ServiceDefaults.Messaging;

namespace Requests.Intake.Cases;

/// <summary>
/// Files the case a redirection opens at the competent body: the same filing and requester, a new tracking number,
/// the same access code (its hash), so the citizen follows both cases with the code they hold, and the filing's files
/// (<c>RequestSubmitted</c> carries their references). Runs inside the
/// consumer's transaction: the new case, its number and its <c>SubmissionsStored</c> commit with the move, or none.
/// </summary>
public sealed class RedirectionFiling(IntakeDbContext db, CalendarStore calendar)
{
    /// <summary>The tracking number of the case opened from <paramref name="original"/>, filing it if it is not yet.</summary>
    public async Task<string> FileOnceAsync(CaseRecord original, CaseMoved move, DateTime now, CancellationToken cancellationToken)
    {
        // the unique redirected_from column holds the line against a second message about the same redirection
        var filed = await db.Cases.Where(c => c.RedirectedFrom == original.Id).Select(c => c.TrackingNumber)
            .FirstOrDefaultAsync(cancellationToken);
        return filed ?? await FileAsync(original, move, now, cancellationToken);
    }

    private async Task<string> FileAsync(CaseRecord original, CaseMoved move, DateTime now, CancellationToken cancellationToken)
    {
        var regime = original.Regime == "complaint" ? Regime.Complaint : Regime.Information;
        // redirectionRestartsClock: the competent body's clock starts on the day of the redirection
        var receivedOn = calendar.Rules.For(regime).RedirectionRestartsClock ? move.OccurredOn : original.ReceivedOn;
        var due = calendar.DueOn(new DeadlineQuery(regime, DeadlineStep.Answer, receivedOn, original.Urgent));
        var record = new CaseRecord
        {
            Id = Guid.CreateVersion7(move.At),
            Regime = original.Regime,
            Kind = original.Kind,
            BodyCode = move.RedirectedTo!.Trim().ToUpperInvariant(),
            Channel = original.Channel,
            Language = original.Language,
            Subject = original.Subject,
            Description = original.Description,
            Theme = original.Theme,
            DocumentType = original.DocumentType,
            Delivery = original.Delivery,
            PeriodFrom = original.PeriodFrom,
            PeriodTo = original.PeriodTo,
            Urgent = original.Urgent,
            UrgentReason = original.UrgentReason,
            RequesterName = original.RequesterName,
            RequesterIdentity = original.RequesterIdentity,
            RequesterEmail = original.RequesterEmail,
            RequesterPhone = original.RequesterPhone,
            RequesterAddress = original.RequesterAddress,
            ReceivedAt = move.At.UtcDateTime,
            ReceivedOn = receivedOn,
            DueOn = due.DueOn,
            RuleVersion = due.RuleVersion,
            AccessCodeHash = original.AccessCodeHash,
            Status = "received",
            RecordedBy = original.RecordedBy,
            RedirectedFrom = original.Id,
        };
        record.TrackingNumber = await NextTrackingNumberAsync(record, cancellationToken);
        db.Cases.Add(record);
        // the filing's files go with it (the photo of a complaint, the scan of a paper filing): the competent body's staff
        // see them, the body that redirected the case no longer does
        var files = await db.Documents.Where(d => d.CaseId == original.Id && (d.Step == DocumentSteps.Filing || d.Step == DocumentSteps.Scan))
            .OrderBy(d => d.AddedAt).ToListAsync(cancellationToken);
        foreach (var file in files)
            file.CaseId = record.Id;
        db.Add(OutboxMessage.For(new SubmissionsStored([ReceiptSql.Submitted(record) with { Documents = DocumentRecord.References(files) }]),
            Guid.CreateVersion7(), now));
        return record.TrackingNumber;
    }

    /// <summary>The same counter as the receipt writer's, in the consumer's transaction.</summary>
    private async Task<string> NextTrackingNumberAsync(CaseRecord record, CancellationToken cancellationToken)
    {
        var key = TrackingNumbers.CounterKey(record.Regime, record.ReceivedOn);
        var transaction = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("A redirection is filed inside the consumer's transaction.");
        await using var command = ReceiptSql.Counter(db.Database.GetDbConnection());
        command.Transaction = transaction.GetDbTransaction();
        command.Parameters[0].Value = key;
        command.Parameters[1].Value = 1L;
        var last = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        return TrackingNumbers.Format(key, last);
    }
}
