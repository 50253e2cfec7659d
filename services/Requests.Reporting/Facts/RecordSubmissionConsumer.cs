using MassTransit;
using Requests.Contracts.Intake;
using Requests.Reporting.Storage;
using Requests.ServiceDefaults.Data;
using Requests.ServiceDefaults.Messaging;

namespace Requests.Reporting.Facts;

/// <summary>
/// Records a case's receipt: its dimensions and dates only. The message carries the requester's identity, subject
/// and description; none of it is read, so none of it can be stored here.
/// </summary>
public sealed class RecordSubmissionConsumer(ReportingDbContext db, FactBook facts, WriteGate writes, TimeProvider clock)
    : IConsumer<RequestSubmitted>
{
    public Task Consume(ConsumeContext<RequestSubmitted> context) =>
        db.HandleOnceAsync(context, nameof(RecordSubmissionConsumer), writes, clock, async cancellationToken =>
        {
            var m = context.Message;
            var fact = await facts.FactAsync(m.CaseId, cancellationToken);
            fact.TrackingNumber = m.TrackingNumber;
            fact.BodyId = await facts.BodyIdAsync(m.BodyCode, cancellationToken);
            fact.ThemeId = await facts.ThemeIdAsync(m.Theme, cancellationToken);
            FactBook.SetRegime(fact, m.Regime, m.Kind);
            fact.Codes = FactCodes.WithChannel(fact.Codes, Math.Max(0, FactCodes.Of(FactCodes.Channels, m.Channel)));
            if (m.Urgent)
                fact.Codes |= FactCodes.Urgent;
            fact.ReceivedDay = m.ReceivedOn.DayNumber;
            FactBook.SetDue(fact, m.DueOn, m.ReceivedAt);
            await facts.TouchAsync(fact, cancellationToken);
        });
}
