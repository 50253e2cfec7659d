using MassTransit;
using Microsoft.EntityFrameworkCore;
using Requests.Contracts.Routing;
using Requests.Domain.Lifecycle;
using Requests.Intake.Bodies;
using Requests.Intake.Calendar;
using Requests.Intake.Storage;

namespace Requests.Intake.Cases;

/// <summary>
/// Follows routing's moves of a case for its citizen: a timeline step for every move, in plain French and Arabic, and the
/// case's status and dates from the move with the highest sequence only, so a late message never rolls the case
/// back. A redirection also files the linked case at the competent body (once, however often the move arrives).
/// </summary>
public sealed class ShowMoveToCitizenConsumer(IntakeDbContext db, RedirectionFiling redirections, CalendarStore calendar,
    BodyDirectory bodies, TimeProvider clock, ILogger<ShowMoveToCitizenConsumer> logger) : IConsumer<CaseMoved>
{
    public async Task Consume(ConsumeContext<CaseMoved> context)
    {
        var cancellationToken = context.CancellationToken;
        var move = context.Message;
        var codes = MoveCodes.Parse(move.Trigger, move.FromStatus, move.ToStatus, move.Outcome, move.RefusalGround);
        var record = await db.Cases.FirstOrDefaultAsync(c => c.Id == move.CaseId, cancellationToken);
        if (record is null)
            logger.LogWarning("CaseMoved ({Trigger}) for {TrackingNumber}, which intake does not hold", move.Trigger, move.TrackingNumber);
        else
            await ShowAsync(record, move, codes, cancellationToken);
    }

    private async Task ShowAsync(CaseRecord record, CaseMoved move, MoveCodes codes, CancellationToken cancellationToken)
    {
        var recourseDueOn = move.RecourseDueOn ?? record.RecourseDueOn;
        if (move.Sequence > record.Sequence)
            Apply(record, move, codes);

        string? newTrackingNumber = null;
        if (codes.Trigger == CaseTrigger.Redirect && !string.IsNullOrWhiteSpace(move.RedirectedTo))
            newTrackingNumber = await redirections.FileOnceAsync(record, move, clock.GetUtcNow().UtcDateTime, cancellationToken);
        await MarkActionDoneAsync(record, move, codes, cancellationToken);

        var kind = Kind(codes);
        var dueOn = kind switch
        {
            "recourse-filed" => move.RecourseDueOn,
            "recourse-deadline-missed" => recourseDueOn,
            "answered" or "recourse-answered" or "redirected" or "closed" or "rated" or "clarification-asked" => null,
            _ => move.DueOn,
        };
        if (await AlreadyShownAsync(record, move.Sequence, kind, dueOn, cancellationToken))
            return;
        var commission = kind switch
        {
            "recourse-answered" when codes.Answer != AnswerOutcome.Granted => calendar.CommissionLastDay(move.OccurredOn),
            "recourse-deadline-missed" => calendar.CommissionLastDay(recourseDueOn ?? move.OccurredOn),
            _ => (DateOnly?)null,
        };
        var to = move.RedirectedTo is { } code ? bodies.Find(code) : null;
        db.CaseEvents.Add(new CaseEvent
        {
            CaseId = record.Id,
            At = move.At.UtcDateTime,
            Kind = kind,
            DueOn = dueOn,
            Sequence = move.Sequence,
        }.Describe(l => CitizenTexts.Move(move, codes, to, newTrackingNumber, commission, recourseDueOn, l)));
    }

    private static void Apply(CaseRecord record, CaseMoved move, MoveCodes codes)
    {
        record.Sequence = move.Sequence;
        record.Status = move.ToStatus;
        record.DueOn = move.DueOn;
        if (codes.Trigger == CaseTrigger.Answer)
        {
            // a late answer after a silence restarts the recourse window, and a full grant closes it
            record.Outcome = move.Outcome;
            record.RefusalGround = move.RefusalGround;
            record.AnsweredOn = move.OccurredOn;
            record.RecourseLastDay = move.RecourseLastDay;
        }
        else if (move.RecourseLastDay is { } last)
            record.RecourseLastDay = last;
        if (move.RecourseDueOn is { } headDue)
            record.RecourseDueOn = headDue;
    }

    /// <summary>
    /// One step per move, even if routing sends it again under another message id; and the first assignment and a
    /// missed deadline, which also come as messages of their own, make one step between them.
    /// </summary>
    private Task<bool> AlreadyShownAsync(CaseRecord record, int sequence, string kind, DateOnly? dueOn,
        CancellationToken cancellationToken) => db.CaseEvents.AnyAsync(e => e.CaseId == record.Id && (e.Sequence == sequence
            || (kind == "assigned" || kind == "recourse-deadline-missed") && e.Kind == kind
            || kind == "deadline-missed" && e.Kind == kind && e.DueOn == dueOn), cancellationToken);

    /// <summary>Routing applied the citizen's action: their pending request of that kind is done.</summary>
    private async Task MarkActionDoneAsync(CaseRecord record, CaseMoved move, MoveCodes codes, CancellationToken cancellationToken)
    {
        var action = codes.Trigger switch
        {
            CaseTrigger.FileRecourse => CitizenActions.FileRecourse,
            CaseTrigger.Reopen => CitizenActions.Reopen,
            CaseTrigger.Rate => CitizenActions.Rate,
            CaseTrigger.ReceiveClarification => CitizenActions.Clarify,
            CaseTrigger.Close when move.ActorRole == "citizen" => CitizenActions.Withdraw,
            _ => null,
        };
        if (action is null)
            return;
        var pending = await db.CitizenActions.Where(a => a.CaseId == record.Id && a.Action == action && a.State == "pending")
            .OrderBy(a => a.At).FirstOrDefaultAsync(cancellationToken);
        if (pending is not null)
            pending.State = "done";
    }

    /// <summary>The timeline step's kind: what happened, in the past tense.</summary>
    public static string Kind(MoveCodes move) => move.Trigger switch
    {
        CaseTrigger.Assign => move.From == CaseStatus.Received ? "assigned" : "reassigned",
        CaseTrigger.Accept => "accepted",
        CaseTrigger.AskClarification => "clarification-asked",
        CaseTrigger.ReceiveClarification => "clarification-received",
        CaseTrigger.Extend => "extended",
        CaseTrigger.Answer => "answered",
        CaseTrigger.Redirect => "redirected",
        CaseTrigger.Close => "closed",
        CaseTrigger.MissDeadline => move.To == CaseStatus.RecourseDeadlineMissed ? "recourse-deadline-missed" : "deadline-missed",
        CaseTrigger.FileRecourse => "recourse-filed",
        CaseTrigger.AnswerRecourse => "recourse-answered",
        CaseTrigger.Reopen => "reopened",
        CaseTrigger.Rate => "rated",
        _ => LifecycleCodes.Code(move.Trigger),
    };
}
