using Requests.Domain.Deadlines;
using Requests.Domain.Lifecycle;
using Requests.Intake.Storage;

namespace Requests.Intake.Cases;

/// <summary>
/// One thing a citizen may do on their case: its name in the case's view, the last segment of its endpoint
/// (<c>POST /api/cases/{trackingNumber}/{Path}</c>), its code in <c>CitizenActed</c>, the move it asks routing for.
/// </summary>
public sealed record CitizenActionKind(string Name, string Path, string Code, CaseTrigger Trigger);

/// <summary>
/// What a citizen may do now, read from the status intake last heard from routing and the case's regime: the
/// lifecycle table says which moves the status allows. Routing has the last word; this only spares the citizen a
/// request that cannot succeed (and routing refuses the rest with <c>CitizenActionRefused</c>).
/// </summary>
public static class CitizenActions
{
    public const string FileRecourse = "file-recourse";
    public const string Reopen = "reopen";
    public const string Rate = "rate";
    public const string Clarify = "clarify";
    public const string Withdraw = "withdraw";

    public static readonly CitizenActionKind Recourse = new("recourse", "recourse", FileRecourse, CaseTrigger.FileRecourse);
    public static readonly CitizenActionKind Reopening = new("reopen", "reopen", Reopen, CaseTrigger.Reopen);
    public static readonly CitizenActionKind Rating = new("rate", "rating", Rate, CaseTrigger.Rate);
    public static readonly CitizenActionKind Clarification = new("clarify", "clarification", Clarify, CaseTrigger.ReceiveClarification);
    public static readonly CitizenActionKind Withdrawal = new("withdraw", "withdrawal", Withdraw, CaseTrigger.Close);

    public static readonly IReadOnlyList<CitizenActionKind> All = [Recourse, Reopening, Rating, Clarification, Withdrawal];

    /// <summary>The actions open on the case today, in a fixed order.</summary>
    public static IReadOnlyList<CitizenActionKind> Available(CaseRecord record, DateOnly today) =>
        [.. All.Where(a => WhyNot(record, a, today) is null)];

    /// <summary>Why the citizen may not take <paramref name="action"/> now; null when they may.</summary>
    public static string? WhyNot(CaseRecord record, CitizenActionKind action, DateOnly today)
    {
        if (!DeadlineCodes.TryParseRegime(record.Regime, out var regime) || !LifecycleCodes.TryParse(record.Status, out CaseStatus status))
            return $"The case's status '{record.Status}' is not known here.";
        if (action.Trigger == CaseTrigger.FileRecourse && regime != Regime.Information)
            return "A recourse to the head of the body exists for information requests only (Law 31.13); a complaint may be reopened.";
        if (action.Trigger is CaseTrigger.Reopen or CaseTrigger.Rate && regime != Regime.Complaint)
            return "Only a complaint, observation or suggestion may be reopened or rated (Decree 2.17.265).";
        if (!CaseLifecycle.TryFire(regime, status, action.Trigger, out _))
            return $"Not possible while the case is '{record.Status}'. " + action.Trigger switch
            {
                CaseTrigger.FileRecourse => "A recourse follows a refusal, or an answer deadline passed without an answer.",
                CaseTrigger.Reopen => "A complaint may be reopened once it has been answered.",
                CaseTrigger.Rate => "The answer to a complaint may be rated once, when it has been given.",
                CaseTrigger.ReceiveClarification => "A clarification answers a question the body asked.",
                _ => "A case may be withdrawn while an answer is still owed.",
            };
        if (action.Trigger == CaseTrigger.FileRecourse && status == CaseStatus.Answered && record.Outcome == "granted")
            return "The information was granted in full: there is no refusal to contest.";
        if (action.Trigger == CaseTrigger.FileRecourse && record.RecourseLastDay is { } last && today > last)
            return $"The recourse to the head of the body had to be filed by {last:yyyy-MM-dd}.";
        return null;
    }
}
