using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Requests.Contracts.Routing;
using Requests.Domain.Lifecycle;
using Requests.Routing.Calendar;
using Requests.Routing.Notices;
using Requests.Routing.Storage;
using Requests.ServiceDefaults.Messaging;

namespace Requests.Routing.Cases;

/// <summary>Who makes a move: an account's user name and role, or <c>citizen</c>.</summary>
public sealed record MoveActor(string Name, string Role);

/// <summary>What a move carries; each move reads what it needs. <see cref="Text"/> is the question, the clarification, the
/// reasons of an extension, a redirection or a closing, the answer, or the requester's recourse or reopening.</summary>
public sealed record MoveInput
{
    public string? Text { get; init; }
    public string? Outcome { get; init; }
    public string? RefusalGround { get; init; }
    public string? BodyCode { get; init; }
    public string? OfficerId { get; init; }
    public int? Rating { get; init; }

    /// <summary>The documents the move sends (see <see cref="MoveDocuments"/>).</summary>
    public IReadOnlyList<DocumentReference>? Documents { get; init; }
}

public enum MoveStatus
{
    Moved,

    /// <summary>The transition table has no such move from the case's status (409).</summary>
    NotAllowed,

    /// <summary>The move is in the table but breaks a rule of its content or its date (422).</summary>
    Refused,
}

/// <param name="Field">The input field at fault, when there is one.</param>
public sealed record MoveResult(MoveStatus Status, string? Reason = null, string? Field = null)
{
    public static readonly MoveResult Done = new(MoveStatus.Moved);
}

/// <summary>The one place a case moves, for officers' actions and the requester's alike: the transition table, the rules of
/// the move, its effect on the case and its deadlines, the audit entry and the <see cref="CaseMoved"/> event in the outbox.
/// Nothing is changed unless the move goes ahead; the caller saves (with its inbox record, if any).</summary>
public sealed partial class CaseMoves(RoutingDbContext db, CalendarStore calendar, TimeProvider clock, CaseNotices notices)
{
    public async Task<MoveResult> ApplyAsync(RoutedCase routed, CaseTrigger trigger, MoveInput input, MoveActor actor,
        DateOnly today, CancellationToken cancellationToken)
    {
        var regime = CaseClock.RegimeOf(routed);
        var from = CaseClock.StatusOf(routed);
        if (!CaseLifecycle.TryFire(regime, from, trigger, out var to))
            return new MoveResult(MoveStatus.NotAllowed,
                $"The case is {LifecycleCodes.Code(from)}: '{LifecycleCodes.Code(trigger)}' is not a move allowed from that status.");
        var refusal = await CheckAsync(routed, regime, trigger, input, today, cancellationToken);
        if (refusal is not null)
            return new MoveResult(MoveStatus.Refused, refusal.Value.Reason, refusal.Value.Field);

        var now = clock.GetUtcNow();
        var pauses = await db.CasePauses.Where(p => p.CaseId == routed.Id).ToListAsync(cancellationToken);
        var previousDueOn = routed.DueOn;
        var (told, note) = Change(routed, regime, trigger, input, today, now.UtcDateTime);
        bool dueMayMove = trigger is CaseTrigger.Extend or CaseTrigger.Reopen;
        if (from == CaseStatus.AwaitingClarification && to != CaseStatus.AwaitingClarification)
        {
            // the clock runs again (or stops for good): the paused days count from now on
            EndPause(routed, pauses, today, trigger == CaseTrigger.ReceiveClarification ? input.Text : null);
            dueMayMove = true;
        }
        if (dueMayMove)
            routed.DueOn = CaseClock.AnswerDueOn(routed, pauses, today, calendar.Rules, calendar.Current);
        DateOnly? changedFrom = routed.DueOn != previousDueOn ? previousDueOn : null;

        routed.Status = LifecycleCodes.Code(to);
        routed.Version += 1;
        if (changedFrom is not null)
            CaseClock.RescheduleAlerts(routed, calendar.Current);
        else
            CaseClock.ScheduleAlerts(routed, calendar.Current);

        db.CaseAuditEntries.Add(new CaseAuditEntry
        {
            CaseId = routed.Id, At = now.UtcDateTime, Actor = actor.Name, Action = LifecycleCodes.Code(trigger),
            FromStatus = LifecycleCodes.Code(from), ToStatus = routed.Status, OfficerId = routed.AssignedOfficerId,
            Note = note, PreviousDueOn = changedFrom,
            Documents = input.Documents is { Count: > 0 } sent ? JsonSerializer.Serialize(sent, JsonSerializerOptions.Web) : null,
        });
        var moved = new CaseMoved(routed.Id, routed.TrackingNumber, routed.Version, routed.Regime, routed.Kind,
            routed.BodyCode, LifecycleCodes.Code(trigger), LifecycleCodes.Code(from), routed.Status, now, today,
            actor.Name, actor.Role, routed.AssignedOfficerId, routed.DueOn, changedFrom,
            Outcome: trigger switch
            {
                CaseTrigger.Answer => routed.Outcome,
                CaseTrigger.AnswerRecourse => routed.RecourseOutcome,
                _ => null,
            },
            RefusalGround: trigger is CaseTrigger.Answer or CaseTrigger.AnswerRecourse ? input.RefusalGround : null,
            Text: told,
            RecourseLastDay: trigger is CaseTrigger.Answer or CaseTrigger.MissDeadline ? routed.RecourseLastDay : null,
            RecourseDueOn: to is CaseStatus.UnderRecourse ? routed.RecourseDueOn : null,
            RedirectedTo: trigger == CaseTrigger.Redirect ? routed.RedirectedTo : null,
            Rating: trigger == CaseTrigger.Rate ? routed.Rating : null);
        db.Add(OutboxMessage.For(moved, Guid.CreateVersion7(), now.UtcDateTime));
        // beside the move, not in it: reporting follows the moves and never receives documents; the requester's own files
        // were delivered at intake when they sent them
        if (input.Documents is { Count: > 0 } documents && actor.Role != "citizen" && MoveDocuments.StepOf(trigger) is { } step)
            db.Add(OutboxMessage.For(new CaseDocumentsDelivered(routed.Id, routed.TrackingNumber, routed.Version, step, actor.Name, now,
                documents, CaseNotices.WrittenByIntake(routed, documents) ? moved : null, notices.CommissionLastDay(trigger, today)),
                Guid.CreateVersion7(), now.UtcDateTime));
        await notices.AddForMoveAsync(routed, trigger, moved, input.Documents, now.UtcDateTime, cancellationToken);
        return MoveResult.Done;
    }

    private static void EndPause(RoutedCase routed, List<CasePause> pauses, DateOnly today, string? answer)
    {
        foreach (var pause in pauses.Where(p => p.EndsOn is null))
        {
            // a clarification relayed late can carry a date before the pause was recorded: the pause is then one day
            pause.EndsOn = today < pause.StartsOn ? pause.StartsOn : today;
            pause.Answer = answer;
        }
        routed.PausedSince = null;
    }
}
