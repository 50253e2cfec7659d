using Microsoft.EntityFrameworkCore;
using Requests.Domain.Deadlines;
using Requests.Domain.Lifecycle;
using Requests.Routing.Storage;
using static System.FormattableString;

namespace Requests.Routing.Cases;

// What each move must carry (checked before anything changes) and what it changes on the case.
public sealed partial class CaseMoves
{
    private async Task<(string Reason, string? Field)?> CheckAsync(RoutedCase routed, Regime regime, CaseTrigger trigger,
        MoveInput input, DateOnly today, CancellationToken cancellationToken)
    {
        switch (trigger)
        {
            case CaseTrigger.AskClarification:
                if (string.IsNullOrWhiteSpace(input.Text))
                    return ("A clarification request must say what is unclear.", "question");
                // the clock cannot stop once it has run out (LegalClock refuses such a pause too)
                return today > routed.DueOn
                    ? (Invariant($"The answer was due on {routed.DueOn:yyyy-MM-dd}: the clock cannot be paused once it has run out."), null)
                    : null;
            case CaseTrigger.ReceiveClarification:
                return string.IsNullOrWhiteSpace(input.Text) ? ("The clarification received is empty.", "answer") : null;
            case CaseTrigger.Extend:
                return Refusal(CaseRules.CheckExtension(routed.Extended, today, routed.DueOn, input.Text, routed.Urgent), "reasons");
            case CaseTrigger.Answer:
                return Refusal(CaseRules.CheckAnswer(regime, input.Outcome, input.RefusalGround, input.Text), null);
            case CaseTrigger.AnswerRecourse:
                return Refusal(CaseRules.CheckAnswer(Regime.Information, input.Outcome, input.RefusalGround, input.Text), null);
            case CaseTrigger.Redirect:
                if (string.IsNullOrWhiteSpace(input.Text))
                    return ("A redirection must give its reasons.", "reasons");
                if (string.Equals(input.BodyCode, routed.BodyCode, StringComparison.Ordinal))
                    return ("The case is already at this body: redirect it to the competent one.", "bodyCode");
                return await db.Bodies.AnyAsync(b => b.Code == input.BodyCode, cancellationToken)
                    ? null
                    : ($"There is no body '{input.BodyCode}' in the directory.", "bodyCode");
            case CaseTrigger.Close:
                return Refusal(CaseRules.CheckClose(input.Text), "reason");
            case CaseTrigger.Assign:
                return await db.Officers.AnyAsync(o => o.Id == input.OfficerId && o.BodyCode == routed.BodyCode, cancellationToken)
                    ? null
                    : ($"There is no officer '{input.OfficerId}' of body {routed.BodyCode}.", "officerId");
            case CaseTrigger.FileRecourse:
                return Refusal(CaseRules.CheckRecourse(AnswerOf(routed), routed.DueOn, routed.AnsweredOn, today, calendar.Rules,
                    calendar.Current), null);
            case CaseTrigger.Rate:
                return input.Rating is >= 1 and <= 5 ? null : ("A rating is a whole number from 1 to 5.", "rating");
            default:
                return null;
        }
    }

    /// <summary>Applies the move's own changes; returns what the requester is told and the audit's note.</summary>
    private (string? Told, string? Note) Change(RoutedCase routed, Regime regime, CaseTrigger trigger, MoveInput input,
        DateOnly today, DateTime now)
    {
        switch (trigger)
        {
            case CaseTrigger.AskClarification:
                db.CasePauses.Add(new CasePause { CaseId = routed.Id, StartsOn = today, Question = input.Text! });
                routed.PausedSince = today;
                return (input.Text, input.Text);
            case CaseTrigger.ReceiveClarification:
                return (null, input.Text);
            case CaseTrigger.Extend:
                routed.ExtensionReasons = input.Text;
                return (input.Text, input.Text);
            case CaseTrigger.Answer:
                routed.Outcome = input.Outcome;
                routed.RefusalGround = input.RefusalGround;
                routed.AnswerText = input.Text;
                routed.AnsweredOn = today;
                // the window to contest opens on the answer's receipt; a full grant leaves nothing to contest
                routed.RecourseLastDay = regime == Regime.Information
                    ? CaseRules.RecourseLastDay(AnswerOf(routed), routed.DueOn, today, calendar.Rules, calendar.Current)
                    : null;
                return (input.Text, Summary(input.Outcome, input.RefusalGround, input.Text));
            case CaseTrigger.AnswerRecourse:
                routed.RecourseOutcome = input.Outcome;
                routed.RecourseAnswerText = input.Text;
                return (input.Text, Summary(input.Outcome, input.RefusalGround, input.Text));
            case CaseTrigger.Redirect:
                routed.RedirectedTo = input.BodyCode;
                return (input.Text, $"to {input.BodyCode}: {input.Text}");
            case CaseTrigger.Close:
                routed.CloseReason = input.Text;
                return (input.Text, input.Text);
            case CaseTrigger.Assign:
                routed.AssignedOfficerId = input.OfficerId;
                routed.AssignedAt = now;
                routed.Flag = null; // someone has it now: nothing left for a person to route
                return (null, $"to {input.OfficerId}");
            case CaseTrigger.FileRecourse:
                routed.RecourseFiledOn = today;
                routed.RecourseText = input.Text;
                routed.RecourseDueOn = CaseClock.HeadAnswerDueOn(today, calendar.Rules, calendar.Current);
                return (input.Text, input.Text);
            case CaseTrigger.Reopen:
                // the previous answer stays on record in the audit trail only: the case owes a new one
                var note = Invariant($"{input.Text} (previous answer {routed.Outcome} of {routed.AnsweredOn:yyyy-MM-dd}: {routed.AnswerText})");
                routed.ClockStartsOn = today;
                routed.Outcome = null;
                routed.RefusalGround = null;
                routed.AnswerText = null;
                routed.AnsweredOn = null;
                return (input.Text, note);
            case CaseTrigger.Rate:
                routed.Rating = input.Rating;
                return (null, Invariant($"{input.Rating}/5"));
            case CaseTrigger.MissDeadline when regime == Regime.Information && routed.RecourseFiledOn is null:
                // silence is an implicit refusal: the recourse to the head opens at the expiry of the deadline
                routed.RecourseLastDay = CaseRules.RecourseLastDay(null, routed.DueOn, null, calendar.Rules, calendar.Current);
                return (null, null);
            default:
                return (null, null);
        }
    }

    private static (string Reason, string? Field)? Refusal(string? reason, string? field) => reason is null ? null : (reason, field);

    /// <summary>The body's answer to an information request, or null for a silence.</summary>
    internal static AnswerOutcome? AnswerOf(RoutedCase routed) =>
        LifecycleCodes.TryParse(routed.Outcome, out AnswerOutcome outcome) ? outcome : null;

    private static string Summary(string? outcome, string? ground, string? text) =>
        ground is null ? $"{outcome}: {text}" : $"{outcome} ({ground}): {text}";
}
