using MassTransit;
using Requests.Contracts.Routing;
using Requests.Reporting.Storage;
using Requests.ServiceDefaults.Data;
using Requests.ServiceDefaults.Messaging;

namespace Requests.Reporting.Facts;

/// <summary>
/// Records what a move of the lifecycle tells the reports: an extension, a pause, the answer with its outcome and
/// ground, a redirection, a closing, a missed deadline, a recourse, a reopening, a rating; the due date after it.
/// </summary>
public sealed class RecordMoveConsumer(ReportingDbContext db, FactBook facts, WriteGate writes, TimeProvider clock)
    : IConsumer<CaseMoved>
{
    public Task Consume(ConsumeContext<CaseMoved> context) =>
        db.HandleOnceAsync(context, nameof(RecordMoveConsumer), writes, clock, async cancellationToken =>
        {
            var m = context.Message;
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
            FactBook.SetDue(fact, m.DueOn, m.At);
            Apply(fact, m);
            await facts.TouchAsync(fact, cancellationToken);
        });

    private static void Apply(CaseFact fact, CaseMoved m)
    {
        switch (m.Trigger)
        {
            case "extend":
                fact.Codes |= FactCodes.Extended;
                break;
            case "ask-clarification":
                fact.Codes |= FactCodes.Paused;
                break;
            case "answer":
                FactBook.SetAnswer(fact, m.OccurredOn, m.Outcome, m.RefusalGround);
                break;
            case "redirect":
                FactBook.SetAnswer(fact, m.OccurredOn, "redirected", null);
                break;
            case "close":
                FactBook.SetClosed(fact, m.OccurredOn);
                break;
            case "miss-deadline" when m.ToStatus == "deadline-missed":
                fact.Codes |= FactCodes.DeadlineMissed;
                break;
            case "file-recourse":
                fact.Codes |= FactCodes.Recourse;
                break;
            case "reopen":
                fact.Codes |= FactCodes.Reopened;
                break;
            case "rate":
                fact.Rating = m.Rating;
                break;
        }
    }
}
