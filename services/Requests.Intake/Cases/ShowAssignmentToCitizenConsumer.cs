using MassTransit;
using Microsoft.EntityFrameworkCore;
using Requests.Contracts.Routing;
using Requests.Intake.Storage;
using Requests.ServiceDefaults.Data;
using Requests.ServiceDefaults.Messaging;

namespace Requests.Intake.Cases;

/// <summary>
/// Puts routing's assignment on the citizen's timeline. The inbox makes a redelivery change nothing, and a case
/// that has already moved further keeps its status: events may arrive out of order.
/// </summary>
public sealed class ShowAssignmentToCitizenConsumer(IntakeDbContext db, WriteGate writes, TimeProvider clock,
    ILogger<ShowAssignmentToCitizenConsumer> logger) : IConsumer<CaseAssigned>
{
    public async Task Consume(ConsumeContext<CaseAssigned> context)
    {
        var assigned = context.Message;
        var messageId = context.MessageId ?? throw new InvalidOperationException("CaseAssigned without a message id.");
        if (!await db.TryRecordAsync(messageId, nameof(ShowAssignmentToCitizenConsumer), clock.GetUtcNow().UtcDateTime, context.CancellationToken))
            return;

        var record = await db.Cases.FirstOrDefaultAsync(c => c.Id == assigned.CaseId, context.CancellationToken);
        if (record is null)
            logger.LogWarning("CaseAssigned for {TrackingNumber}, which intake does not hold", assigned.TrackingNumber);
        else
        {
            if (record.Status == "received")
                record.Status = "assigned";
            db.CaseEvents.Add(new CaseEvent
            {
                CaseId = record.Id,
                At = assigned.AssignedAt.UtcDateTime,
                Kind = "assigned",
                Description = $"Assigned to the information officer of the body; an answer is due by {assigned.DueOn:yyyy-MM-dd}.",
                DueOn = assigned.DueOn,
            });
        }

        await writes.EnterAsync(context.CancellationToken);
        try
        {
            await db.SaveChangesAsync(context.CancellationToken);
        }
        finally
        {
            writes.Exit();
        }
    }
}
