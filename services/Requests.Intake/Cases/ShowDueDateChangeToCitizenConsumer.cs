using MassTransit;
using Microsoft.EntityFrameworkCore;
using Requests.Contracts.Routing;
using Requests.Intake.Storage;
using Requests.ServiceDefaults.Data;
using Requests.ServiceDefaults.Messaging;

namespace Requests.Intake.Cases;

/// <summary>
/// A holiday correction moved a deadline of the case: the citizen sees the new date, the previous one and why.
/// The case's date changes only if it still is the previous one: a later move has already brought the right date.
/// </summary>
public sealed class ShowDueDateChangeToCitizenConsumer(IntakeDbContext db, WriteGate writes, TimeProvider clock,
    ILogger<ShowDueDateChangeToCitizenConsumer> logger) : IConsumer<DueDateChanged>
{
    public Task Consume(ConsumeContext<DueDateChanged> context) =>
        db.HandleOnceAsync(context, nameof(ShowDueDateChangeToCitizenConsumer), writes, clock, async cancellationToken =>
        {
            var change = context.Message;
            var record = await db.Cases.FirstOrDefaultAsync(c => c.Id == change.CaseId, cancellationToken);
            if (record is null)
            {
                logger.LogWarning("DueDateChanged for {TrackingNumber}, which intake does not hold", change.TrackingNumber);
                return;
            }
            switch (change.Deadline)
            {
                case "head-answer":
                    if (record.RecourseDueOn == change.PreviousDueOn)
                        record.RecourseDueOn = change.DueOn;
                    break;
                case "recourse-head":
                    if (record.RecourseLastDay == change.PreviousDueOn)
                        record.RecourseLastDay = change.DueOn;
                    break;
                default:
                    if (record.DueOn == change.PreviousDueOn)
                        record.DueOn = change.DueOn;
                    break;
            }
            db.CaseEvents.Add(new CaseEvent
            {
                CaseId = record.Id,
                At = change.At.UtcDateTime,
                Kind = "due-date-changed",
                Description = CitizenTexts.DueDateChanged(change),
                DueOn = change.DueOn,
            });
        });
}
