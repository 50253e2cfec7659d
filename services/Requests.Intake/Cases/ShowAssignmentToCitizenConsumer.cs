using MassTransit;
using Microsoft.EntityFrameworkCore;
using Requests.Contracts.Routing;
using Requests.Intake.Storage;
using Requests.ServiceDefaults.Data;

namespace Requests.Intake.Cases;

/// <summary>
/// Puts routing's assignment on the citizen's timeline. The inbox makes a redelivery change nothing, and a case
/// that has already moved further keeps its status: events may arrive out of order. The first assignment is also a
/// <c>CaseMoved</c>: whichever of the two arrives first writes the timeline's step.
/// </summary>
public sealed class ShowAssignmentToCitizenConsumer(IntakeDbContext db, WriteGate writes, TimeProvider clock,
    ILogger<ShowAssignmentToCitizenConsumer> logger) : IConsumer<CaseAssigned>
{
    public Task Consume(ConsumeContext<CaseAssigned> context) =>
        db.HandleOnceAsync(context, nameof(ShowAssignmentToCitizenConsumer), writes, clock, async cancellationToken =>
        {
            var assigned = context.Message;
            var record = await db.Cases.FirstOrDefaultAsync(c => c.Id == assigned.CaseId, cancellationToken);
            if (record is null)
            {
                logger.LogWarning("CaseAssigned for {TrackingNumber}, which intake does not hold", assigned.TrackingNumber);
                return;
            }
            if (record.Status == "received")
                record.Status = "assigned";
            if (await db.CaseEvents.AnyAsync(e => e.CaseId == record.Id && e.Kind == "assigned", cancellationToken))
                return;
            db.CaseEvents.Add(new CaseEvent
            {
                CaseId = record.Id,
                At = assigned.AssignedAt.UtcDateTime,
                Kind = "assigned",
                Description = CitizenTexts.Assigned(assigned.DueOn),
                DueOn = assigned.DueOn,
            });
        });
}
