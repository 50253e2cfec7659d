using System.Data.Common;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Requests.Contracts.Routing;
using Requests.Intake.Storage;
using Requests.ServiceDefaults.Data;
using Requests.ServiceDefaults.Messaging;

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
    public async Task Consume(ConsumeContext<Batch<CaseAssigned>> context)
    {
        var cancellationToken = context.CancellationToken;
        var batch = context.Message.Select(m => (m.Message, MessageId: m.MessageId
            ?? throw new InvalidOperationException($"A message for {nameof(ShowAssignmentToCitizenConsumer)} without a message id."))).ToList();
        await writes.EnterAsync(cancellationToken);
        try
        {
            // one transaction for the batch, its reads in three queries and its writes with prepared statements
            await db.Database.OpenConnectionAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            var fresh = await db.TryRecordAllAsync(batch.Select(b => b.MessageId), nameof(ShowAssignmentToCitizenConsumer), now, cancellationToken);
            var caseIds = batch.Select(b => b.Message.CaseId).Distinct().ToList();
            var statuses = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id))
                .ToDictionaryAsync(c => c.Id, c => c.Status, cancellationToken);
            var shown = (await db.CaseEvents.AsNoTracking().Where(e => caseIds.Contains(e.CaseId) && e.Kind == "assigned")
                .Select(e => e.CaseId).ToListAsync(cancellationToken)).ToHashSet();

            var steps = new List<CaseEvent>();
            var nowAssigned = new List<Guid>();
            foreach (var (assigned, messageId) in batch)
            {
                if (!fresh.Remove(messageId))
                    continue;
                if (!statuses.TryGetValue(assigned.CaseId, out var status))
                {
                    logger.LogWarning("CaseAssigned for {TrackingNumber}, which intake does not hold", assigned.TrackingNumber);
                    continue;
                }
                // a case that has already moved further keeps its status
                if (status == "received")
                {
                    statuses[assigned.CaseId] = "assigned";
                    nowAssigned.Add(assigned.CaseId);
                }
                if (!shown.Add(assigned.CaseId))
                    continue;
                steps.Add(new CaseEvent
                {
                    CaseId = assigned.CaseId,
                    At = assigned.AssignedAt.UtcDateTime,
                    Kind = "assigned",
                    Description = CitizenTexts.Assigned(assigned.DueOn),
                    DueOn = assigned.DueOn,
                });
            }
            await db.InsertAllAsync(steps, cancellationToken);
            await MarkAssignedAsync(nowAssigned, transaction.GetDbTransaction(), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            writes.Exit();
        }
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
