using MassTransit;
using Requests.Contracts.Routing;
using Requests.Domain.Lifecycle;
using Requests.Reporting.Storage;

namespace Requests.Reporting.Facts;

/// <summary>
/// Records what a move of the lifecycle tells the reports: an extension, a pause, the answer with its outcome and
/// ground, a redirection, a closing, a missed deadline, a recourse, a reopening, a rating; the due date after it.
/// </summary>
public sealed class RecordMoveConsumer(FactBook facts)
    : IConsumer<CaseMoved>
{
    public async Task Consume(ConsumeContext<CaseMoved> context)
    {
        var cancellationToken = context.CancellationToken;
        var m = context.Message;
        var move = MoveCodes.Parse(m.Trigger, m.FromStatus, m.ToStatus, m.Outcome, m.RefusalGround);
        var fact = await facts.FactAsync(m.CaseId, cancellationToken);
        fact.TrackingNumber ??= m.TrackingNumber;
        if (fact.BodyId == 0)
            fact.BodyId = await facts.BodyIdAsync(m.BodyCode, cancellationToken);
        if (fact.ReceivedDay is null)
            FactBook.SetRegime(fact, m.Regime, m.Kind);
        if (m.Sequence > fact.Sequence)
        {
            fact.Sequence = m.Sequence;
            fact.Status = m.ToStatus;
        }
        Apply(fact, m, move);
        FactBook.SetDue(fact, m.DueOn, m.At);
        await facts.TouchAsync(fact, cancellationToken);
    }

    private static void Apply(CaseFact fact, CaseMoved m, MoveCodes move)
    {
        switch (move.Trigger)
        {
            case CaseTrigger.Extend:
                fact.Codes |= FactCodes.Extended;
                break;
            case CaseTrigger.AskClarification:
                fact.Codes |= FactCodes.Paused;
                break;
            case CaseTrigger.Answer:
                FactBook.SetAnswer(fact, m.OccurredOn, m.Outcome, m.RefusalGround);
                break;
            case CaseTrigger.Redirect:
                FactBook.SetAnswer(fact, m.OccurredOn, "redirected", null);
                break;
            case CaseTrigger.Close:
                FactBook.SetClosed(fact, m.OccurredOn);
                break;
            case CaseTrigger.MissDeadline when move.To == CaseStatus.DeadlineMissed:
                FactBook.SetMissed(fact, m.DueOn, m.At);
                break;
            case CaseTrigger.FileRecourse:
                fact.Codes |= FactCodes.Recourse;
                break;
            case CaseTrigger.Reopen:
                fact.Codes |= FactCodes.Reopened;
                break;
            case CaseTrigger.Rate:
                fact.Rating = m.Rating;
                break;
        }
    }
}
