using MassTransit;
using Requests.Contracts.Routing;
using Requests.Reporting.Storage;
using Requests.ServiceDefaults.Data;
using Requests.ServiceDefaults.Messaging;

namespace Requests.Reporting.Facts;

/// <summary>Records the body that handles a case and its due date at assignment.</summary>
public sealed class RecordAssignmentConsumer(ReportingDbContext db, FactBook facts, WriteGate writes, TimeProvider clock)
    : IConsumer<CaseAssigned>
{
    public Task Consume(ConsumeContext<CaseAssigned> context) =>
        db.HandleOnceAsync(context, nameof(RecordAssignmentConsumer), writes, clock, async cancellationToken =>
        {
            var m = context.Message;
            var fact = await facts.FactAsync(m.CaseId, cancellationToken);
            fact.TrackingNumber ??= m.TrackingNumber;
            if (fact.BodyId == 0)
                fact.BodyId = await facts.BodyIdAsync(m.BodyCode, cancellationToken);
            FactBook.SetDue(fact, m.DueOn, m.AssignedAt);
            await facts.TouchAsync(fact, cancellationToken);
        });
}
