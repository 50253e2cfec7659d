using MassTransit;
using Requests.Contracts.Routing;
using Requests.Reporting.Storage;
using Requests.ServiceDefaults.Data;
using Requests.ServiceDefaults.Messaging;

namespace Requests.Reporting.Facts;

/// <summary>Marks a case whose answer deadline passed without an answer (the move says so too; either is enough).</summary>
public sealed class RecordMissedDeadlineConsumer(ReportingDbContext db, FactBook facts, WriteGate writes, TimeProvider clock)
    : IConsumer<DeadlineMissed>
{
    public Task Consume(ConsumeContext<DeadlineMissed> context) =>
        db.HandleOnceAsync(context, nameof(RecordMissedDeadlineConsumer), writes, clock, async cancellationToken =>
        {
            var m = context.Message;
            if (m.Deadline != "answer")
                return;
            var fact = await facts.FactAsync(m.CaseId, cancellationToken);
            fact.TrackingNumber ??= m.TrackingNumber;
            if (fact.BodyId == 0)
                fact.BodyId = await facts.BodyIdAsync(m.BodyCode, cancellationToken);
            fact.Codes |= FactCodes.DeadlineMissed;
            await facts.TouchAsync(fact, cancellationToken);
        });
}
