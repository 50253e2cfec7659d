using MassTransit;
using Requests.Contracts.Routing;
using Requests.Reporting.Storage;
using Requests.ServiceDefaults.Data;
using Requests.ServiceDefaults.Messaging;

namespace Requests.Reporting.Facts;

/// <summary>A holiday correction moved an open case's answer due date (the other deadlines it may move are not reported on).</summary>
public sealed class RecordDueDateChangeConsumer(ReportingDbContext db, FactBook facts, WriteGate writes, TimeProvider clock)
    : IConsumer<DueDateChanged>
{
    public Task Consume(ConsumeContext<DueDateChanged> context) =>
        db.HandleOnceAsync(context, nameof(RecordDueDateChangeConsumer), writes, clock, async cancellationToken =>
        {
            var m = context.Message;
            if (m.Deadline != "answer")
                return;
            var fact = await facts.FactAsync(m.CaseId, cancellationToken);
            fact.TrackingNumber ??= m.TrackingNumber;
            FactBook.SetDue(fact, m.DueOn, m.At);
            await facts.TouchAsync(fact, cancellationToken);
        });
}
