using MassTransit;
using Requests.Contracts.Routing;
using Requests.Domain.Deadlines;

namespace Requests.Reporting.Facts;

/// <summary>
/// A holiday correction moved an open case's answer due date (the other deadlines it may move are not reported on); a
/// date that has not passed yet undoes a deadline declared missed.
/// </summary>
public sealed class RecordDueDateChangeConsumer(FactBook facts)
    : IConsumer<DueDateChanged>
{
    public async Task Consume(ConsumeContext<DueDateChanged> context)
    {
        var cancellationToken = context.CancellationToken;
        var m = context.Message;
        if (DeadlineCodes.ParseStep(m.Deadline) != DeadlineStep.Answer)
            return;
        var fact = await facts.FactAsync(m.CaseId, cancellationToken);
        fact.TrackingNumber ??= m.TrackingNumber;
        FactBook.SetDue(fact, m.DueOn, m.At);
        if (m.ReopenedStatus is { } reopened)
        {
            // the new date has not passed: the deadline was not missed after all
            fact.Codes &= ~FactCodes.DeadlineMissed;
            if (m.Sequence > fact.Sequence)
            {
                fact.Sequence = m.Sequence.Value;
                fact.Status = reopened;
            }
        }
        await facts.TouchAsync(fact, cancellationToken);
    }
}
