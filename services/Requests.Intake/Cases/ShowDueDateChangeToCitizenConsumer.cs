using MassTransit;
using Microsoft.EntityFrameworkCore;
using Requests.Contracts.Routing;
using Requests.Domain.Deadlines;
using Requests.Intake.Storage;

namespace Requests.Intake.Cases;

/// <summary>
/// A holiday correction moved a deadline of the case: the citizen sees the new date, the previous one and why.
/// The case's date changes only if it still is the previous one: a later move has already brought the right date.
/// A change that undoes a missed deadline opens the case again, unless a later move has already moved it on.
/// </summary>
public sealed class ShowDueDateChangeToCitizenConsumer(IntakeDbContext db,
    ILogger<ShowDueDateChangeToCitizenConsumer> logger) : IConsumer<DueDateChanged>
{
    public async Task Consume(ConsumeContext<DueDateChanged> context)
    {
        var cancellationToken = context.CancellationToken;
        var change = context.Message;
        var step = DeadlineCodes.ParseStep(change.Deadline);
        var record = await db.Cases.FirstOrDefaultAsync(c => c.Id == change.CaseId, cancellationToken);
        if (record is null)
        {
            logger.LogWarning("DueDateChanged for {TrackingNumber}, which intake does not hold", change.TrackingNumber);
            return;
        }
        switch (step)
        {
            case DeadlineStep.HeadAnswer:
                if (record.RecourseDueOn == change.PreviousDueOn)
                    record.RecourseDueOn = change.DueOn;
                break;
            case DeadlineStep.RecourseHead:
                if (record.RecourseLastDay == change.PreviousDueOn)
                    record.RecourseLastDay = change.DueOn;
                break;
            default:
                if (record.DueOn == change.PreviousDueOn)
                    record.DueOn = change.DueOn;
                break;
        }
        // the new date has not passed: the deadline was declared missed too early, and the case is open again
        if (change.ReopenedStatus is { } reopened && change.Sequence > record.Sequence)
        {
            record.Sequence = change.Sequence.Value;
            record.Status = reopened;
            if (step == DeadlineStep.Answer)
                record.RecourseLastDay = null;
        }
        db.CaseEvents.Add(new CaseEvent
        {
            CaseId = record.Id,
            At = change.At.UtcDateTime,
            Kind = "due-date-changed",
            DueOn = change.DueOn,
        }.Describe(l => CitizenTexts.DueDateChanged(change, step, l)));
    }
}
