using MassTransit;
using Microsoft.EntityFrameworkCore;
using Requests.Contracts.Routing;
using Requests.Intake.Storage;

namespace Requests.Intake.Cases;

/// <summary>Routing could not apply the citizen's action (e.g. the recourse window had closed): the citizen reads why.</summary>
public sealed class ShowRefusedActionToCitizenConsumer(IntakeDbContext db,
    ILogger<ShowRefusedActionToCitizenConsumer> logger) : IConsumer<CitizenActionRefused>
{
    public async Task Consume(ConsumeContext<CitizenActionRefused> context)
    {
        var cancellationToken = context.CancellationToken;
        var refused = context.Message;
        if (!await db.Cases.AnyAsync(c => c.Id == refused.CaseId, cancellationToken))
        {
            logger.LogWarning("CitizenActionRefused for {TrackingNumber}, which intake does not hold", refused.TrackingNumber);
            return;
        }
        var action = await db.CitizenActions.FirstOrDefaultAsync(a => a.Id == refused.ActionId, cancellationToken);
        if (action is not null)
        {
            action.State = "refused";
            action.RefusalReason = refused.Reason;
        }
        db.CaseEvents.Add(new CaseEvent
        {
            CaseId = refused.CaseId,
            At = refused.At.UtcDateTime,
            Kind = "action-refused",
        }.Describe(l => CitizenTexts.ActionRefused(refused.Action, refused.Reason, l)));
    }
}
