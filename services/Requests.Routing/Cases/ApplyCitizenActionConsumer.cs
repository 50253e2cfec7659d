using MassTransit;
using Microsoft.EntityFrameworkCore;
using Requests.Contracts.Intake;
using Requests.Contracts.Routing;
using Requests.Domain.Lifecycle;
using Requests.Routing.Calendar;
using Requests.Routing.Storage;
using Requests.ServiceDefaults.Messaging;

namespace Requests.Routing.Cases;

/// <summary>Applies what the requester did through intake (recourse, reopening, rating, clarification, withdrawal) with the
/// same rules as the officers' moves. When the table or a rule refuses, the case stays as it is and
/// <see cref="CitizenActionRefused"/> tells intake why; either way the inbox records the message with the effect.</summary>
public sealed class ApplyCitizenActionConsumer(
    RoutingDbContext db, CaseMoves moves, TimeProvider clock, CalendarStore calendar,
    ILogger<ApplyCitizenActionConsumer> logger) : IConsumer<CitizenActed>
{
    public const string Withdrawn = "withdrawn by the requester";

    private static readonly MoveActor Citizen = new("citizen", "citizen");

    public async Task Consume(ConsumeContext<CitizenActed> context)
    {
        var message = context.Message;
        var cancellationToken = context.CancellationToken;
        var routed = await db.Cases.FirstOrDefaultAsync(c => c.Id == message.CaseId, cancellationToken);
        if (routed is null)
        {
            logger.LogWarning("{Action} by the requester of unknown case {CaseId} ({TrackingNumber}) ignored",
                message.Action, message.CaseId, message.TrackingNumber);
            return;
        }

        // the legal date is the day the requester acted at intake, not the day the message got here
        var today = message.OccurredOn == default ? calendar.Today : message.OccurredOn;
        var result = MoveOf(message) is { } move
            ? await moves.ApplyAsync(routed, move.Trigger, move.Input, Citizen, today, cancellationToken)
            : new MoveResult(MoveStatus.Refused, $"Unknown action '{message.Action}'.");
        if (result.Status != MoveStatus.Moved)
        {
            var reason = result.Status == MoveStatus.NotAllowed
                ? $"The case is {routed.Status}: '{message.Action}' is not possible at this stage."
                : result.Reason!;
            logger.LogInformation("{Action} by the requester of case {TrackingNumber} refused: {Reason}",
                message.Action, routed.TrackingNumber, reason);
            var now = clock.GetUtcNow();
            var refused = new CitizenActionRefused(message.ActionId, routed.Id, routed.TrackingNumber, message.Action, reason, now);
            db.Add(OutboxMessage.For(refused, Guid.CreateVersion7(), now.UtcDateTime));
        }
    }

    private static (CaseTrigger Trigger, MoveInput Input)? MoveOf(CitizenActed message) => message.Action switch
    {
        "file-recourse" => (CaseTrigger.FileRecourse, new MoveInput { Text = message.Text, Documents = message.Documents }),
        "reopen" => (CaseTrigger.Reopen, new MoveInput { Text = message.Text }),
        "rate" => (CaseTrigger.Rate, new MoveInput { Rating = message.Rating, Text = message.Text }),
        "clarify" => (CaseTrigger.ReceiveClarification, new MoveInput { Text = message.Text, Documents = message.Documents }),
        "withdraw" => (CaseTrigger.Close, new MoveInput { Text = Withdrawn }),
        _ => null,
    };
}
