using MassTransit;
using Microsoft.EntityFrameworkCore;
using Requests.Contracts.Routing;
using Requests.Intake.Storage;
using Requests.ServiceDefaults.Data;

namespace Requests.Intake.Cases;

/// <summary>
/// Puts routing's assignment on the citizen's timeline. The inbox makes a redelivery change nothing, and a case
/// that has already moved further keeps its status: events may arrive out of order. The first assignment is also a
/// <c>CaseMoved</c>: whichever of the two arrives first writes the timeline's step. Every filing is assigned once,
/// so these come at the rate of filings: they are handled in batches, one commit each, so as not to hold up receipts.
/// </summary>
public sealed class ShowAssignmentToCitizenConsumer(IntakeDbContext db, WriteGate writes, TimeProvider clock,
    ILogger<ShowAssignmentToCitizenConsumer> logger) : IConsumer<Batch<CaseAssigned>>
{
    public Task Consume(ConsumeContext<Batch<CaseAssigned>> context) =>
        db.HandleBatchOnceAsync(context, nameof(ShowAssignmentToCitizenConsumer), writes, clock, async (assigned, cancellationToken) =>
        {
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

/// <summary>Delivers assignments to <see cref="ShowAssignmentToCitizenConsumer"/> in batches, one batch at a time.</summary>
public sealed class ShowAssignmentToCitizenConsumerDefinition : ConsumerDefinition<ShowAssignmentToCitizenConsumer>
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<ShowAssignmentToCitizenConsumer> consumerConfigurator, IRegistrationContext context)
    {
        ArgumentNullException.ThrowIfNull(endpointConfigurator);
        endpointConfigurator.PrefetchCount = 200;
        consumerConfigurator.Options<BatchOptions>(o => o.SetMessageLimit(100).SetTimeLimit(TimeSpan.FromMilliseconds(5)).SetConcurrencyLimit(1));
    }
}
