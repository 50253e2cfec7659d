using MassTransit;
using Requests.Contracts.Routing;

namespace Requests.Reporting.Facts;

/// <summary>Records the body that handles a case and its due date at assignment.</summary>
public sealed class RecordAssignmentConsumer(FactBook facts)
    : IConsumer<CaseAssigned>
{
    public async Task Consume(ConsumeContext<CaseAssigned> context)
    {
        var cancellationToken = context.CancellationToken;
        var m = context.Message;
        var fact = await facts.FactAsync(m.CaseId, cancellationToken);
        fact.TrackingNumber ??= m.TrackingNumber;
        if (fact.BodyId == 0)
            fact.BodyId = await facts.BodyIdAsync(m.BodyCode, cancellationToken);
        FactBook.SetDue(fact, m.DueOn, m.AssignedAt);
        await facts.TouchAsync(fact, cancellationToken);
    }
}
