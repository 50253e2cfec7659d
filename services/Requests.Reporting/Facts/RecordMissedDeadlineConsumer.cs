using MassTransit;
using Requests.Contracts.Routing;
using Requests.Domain.Deadlines;

namespace Requests.Reporting.Facts;

/// <summary>Marks a case whose answer deadline passed without an answer (the move says so too; either is enough).</summary>
public sealed class RecordMissedDeadlineConsumer(FactBook facts)
    : IConsumer<DeadlineMissed>
{
    public async Task Consume(ConsumeContext<DeadlineMissed> context)
    {
        var cancellationToken = context.CancellationToken;
        var m = context.Message;
        if (DeadlineCodes.ParseStep(m.Deadline) != DeadlineStep.Answer)
            return;
        var fact = await facts.FactAsync(m.CaseId, cancellationToken);
        fact.TrackingNumber ??= m.TrackingNumber;
        if (fact.BodyId == 0)
            fact.BodyId = await facts.BodyIdAsync(m.BodyCode, cancellationToken);
        FactBook.SetMissed(fact, m.DueOn, m.At);
        await facts.TouchAsync(fact, cancellationToken);
    }
}
