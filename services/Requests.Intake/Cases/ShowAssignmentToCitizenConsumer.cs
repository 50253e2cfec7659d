using System.Data.Common;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Requests.Contracts.Routing;
using Requests.Domain.Lifecycle;
using Requests.Intake.Storage;
using Requests.ServiceDefaults.Data;
using Requests.ServiceDefaults.Messaging;

namespace Requests.Intake.Cases;

/// <summary>
/// Puts the assignment routing made as it opened a case on the citizen's timeline (<see cref="CaseOpened"/>, with its
/// officer; a case left for a person to route shows nothing yet). The inbox makes a redelivery change nothing, and a case
/// that has already moved further keeps its status: events may arrive out of order. The first assignment is also a
/// <c>CaseMoved</c>: whichever of the two arrives first writes the timeline's step. Every filing is opened once, so these
/// come at the rate of filings: routing sends a batch's openings in one message, and they are handled in batches, one
/// commit each, so as not to hold up receipts.
/// </summary>
public sealed class ShowAssignmentToCitizenConsumer(IntakeDbContext db,
    ILogger<ShowAssignmentToCitizenConsumer> logger) : IConsumer<Batch<CasesOpened>>
{
    public async Task Consume(ConsumeContext<Batch<CasesOpened>> context)
    {
        var cancellationToken = context.CancellationToken;
        // the batch's reads in two queries and its writes with prepared statements, in the inbox's transaction
        var batch = context.Message.SelectMany(m => m.Message.Cases).Where(c => c.AssignedAt is not null).ToList();
        var caseIds = batch.Select(m => m.CaseId).Distinct().ToList();
        var statuses = (await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id)).Select(c => new { c.Id, c.Status })
            .ToListAsync(cancellationToken)).ToDictionary(c => c.Id, c => LifecycleCodes.Parse<CaseStatus>(c.Status));
        var shown = (await db.CaseEvents.AsNoTracking().Where(e => caseIds.Contains(e.CaseId) && e.Kind == "assigned")
            .Select(e => e.CaseId).ToListAsync(cancellationToken)).ToHashSet();

        var steps = new List<CaseEvent>();
        var nowAssigned = new List<Guid>();
        foreach (var assigned in batch)
        {
            if (!statuses.TryGetValue(assigned.CaseId, out var status))
            {
                logger.LogWarning("CaseOpened for {TrackingNumber}, which intake does not hold", assigned.TrackingNumber);
                continue;
            }
            // a case that has already moved further keeps its status
            if (status == CaseStatus.Received)
            {
                statuses[assigned.CaseId] = CaseStatus.Assigned;
                nowAssigned.Add(assigned.CaseId);
            }
            if (!shown.Add(assigned.CaseId))
                continue;
            steps.Add(new CaseEvent
            {
                CaseId = assigned.CaseId,
                At = assigned.AssignedAt!.Value.UtcDateTime,
                Kind = "assigned",
                DueOn = assigned.DueOn,
            }.Describe(l => CitizenTexts.Assigned(assigned.DueOn, l)));
        }
        await db.InsertAllAsync(steps, cancellationToken);
        await MarkAssignedAsync(nowAssigned, db.Database.CurrentTransaction!.GetDbTransaction(), cancellationToken);
    }

    private static async Task MarkAssignedAsync(List<Guid> caseIds, DbTransaction transaction, CancellationToken cancellationToken)
    {
        if (caseIds.Count == 0)
            return;
        await using var update = Commands.Prepare(transaction.Connection!,
            "UPDATE cases SET status = 'assigned' WHERE id = @p0 AND status = 'received'", 1, transaction);
        foreach (var caseId in caseIds)
        {
            Commands.Bind(update, caseId.ToString()); // guids are stored as text (UseTextGuids)
            await update.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}

/// <summary>Delivers routing's openings to <see cref="ShowAssignmentToCitizenConsumer"/> in batches, one batch at a time.</summary>
public sealed class ShowAssignmentToCitizenConsumerDefinition : ConsumerDefinition<ShowAssignmentToCitizenConsumer>
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<ShowAssignmentToCitizenConsumer> consumerConfigurator, IRegistrationContext context)
    {
        ArgumentNullException.ThrowIfNull(endpointConfigurator);
        endpointConfigurator.PrefetchCount = 20;
        consumerConfigurator.Options<BatchOptions>(o => o.SetMessageLimit(10).SetTimeLimit(TimeSpan.FromMilliseconds(5)).SetConcurrencyLimit(1));
        consumerConfigurator.UseBatchInbox<ShowAssignmentToCitizenConsumer, CasesOpened>();
    }
}
