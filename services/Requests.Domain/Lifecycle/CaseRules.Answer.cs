using Requests.Domain.Deadlines;

namespace Requests.Domain.Lifecycle;

/// <summary>
/// What a move must carry to be lawful, beyond the status the table checks: an answer's ground and reasons, an
/// extension's date and reasons, a recourse's basis and window. Each check returns null when the move may go ahead,
/// or a message saying what is wrong, for a 422; none of them reads a clock.
/// </summary>
public static partial class CaseRules
{
    /// <summary>
    /// An answer to an information request, by the body or by its head on a recourse. <paramref name="reasons"/> is
    /// the written reasons (the answer text may carry them).
    /// </summary>
    public static string? CheckAnswer(AnswerOutcome outcome, RefusalGround? ground, string? reasons)
    {
        if (!Enum.IsDefined(outcome))
        {
            return "Unknown answer outcome.";
        }

        if (ground is { } g && !Enum.IsDefined(g))
        {
            return "Unknown refusal ground.";
        }

        return outcome switch
        {
            AnswerOutcome.Granted when ground is not null =>
                "A full grant refuses nothing: it cannot name a refusal ground.",
            AnswerOutcome.Refused or AnswerOutcome.PartiallyGranted when ground is null =>
                "A refusal, total or partial, must name its legal ground (Law 31.13).",
            // one spelling for one fact, so that the report's breakdown by outcome counts it once
            AnswerOutcome.Refused when ground == RefusalGround.NotHeld =>
                "A refusal because the information is not held is answered with the outcome not-held.",
            AnswerOutcome.NotHeld when ground is not null and not RefusalGround.NotHeld =>
                "An answer that the information is not held cannot name another ground: answer refused with that ground.",
            not AnswerOutcome.Granted when string.IsNullOrWhiteSpace(reasons) =>
                "A refusal, total or partial, must give its reasons in writing (Law 31.13).",
            _ => null,
        };
    }

    /// <summary>An answer to a complaint, observation or suggestion: reasoned whatever the outcome (Decree 2.17.265).</summary>
    public static string? CheckAnswer(ComplaintOutcome outcome, RefusalGround? ground, string? reasons)
    {
        if (!Enum.IsDefined(outcome))
        {
            return "Unknown complaint outcome.";
        }

        if (ground is not null)
        {
            return "A complaint's answer has no refusal ground: those are for information requests (Law 31.13).";
        }

        if (string.IsNullOrWhiteSpace(reasons))
        {
            return outcome == ComplaintOutcome.NotAdmissible
                ? "A complaint found not admissible must say why (before a court, already judged, a judicial-police matter)."
                : "A complaint's answer must give its reasons, whatever the outcome (Decree 2.17.265).";
        }

        return null;
    }

    /// <summary>The outcome of an answer given as codes, for the regime of the case; null when it is lawful.</summary>
    public static string? CheckAnswer(Regime regime, string? outcome, string? ground, string? reasons)
    {
        RefusalGround? parsed = LifecycleCodes.TryParse(ground, out RefusalGround g) ? g : null;
        if (ground is not null && parsed is null)
        {
            return $"Unknown refusal ground '{ground}'.";
        }

        return regime switch
        {
            Regime.Information => LifecycleCodes.TryParse(outcome, out AnswerOutcome answer)
                ? CheckAnswer(answer, parsed, reasons)
                : Expected("an information request", outcome, LifecycleCodes.All<AnswerOutcome>()),
            Regime.Complaint => LifecycleCodes.TryParse(outcome, out ComplaintOutcome verdict)
                ? CheckAnswer(verdict, parsed, reasons)
                : Expected("a complaint", outcome, LifecycleCodes.All<ComplaintOutcome>()),
            _ => "Unknown regime.",
        };
    }

    private static string Expected(string what, string? outcome, IReadOnlyList<string> codes) =>
        $"'{outcome}' is not an outcome for {what}: expected {string.Join(", ", codes.Take(codes.Count - 1))} or {codes[^1]}.";
}
