namespace Requests.Domain.Lifecycle;

/// <summary>
/// The codes of a move received from another service (a <c>CaseMoved</c>), parsed once where the message enters:
/// consumers compare values, and a code this version does not know is refused there, not silently unmatched later.
/// </summary>
public readonly record struct MoveCodes(CaseTrigger Trigger, CaseStatus From, CaseStatus To, AnswerOutcome? Answer,
    ComplaintOutcome? ComplaintAnswer, RefusalGround? Ground)
{
    public static MoveCodes Parse(string trigger, string from, string to, string? outcome, string? ground)
    {
        AnswerOutcome? answer = LifecycleCodes.TryParse(outcome, out AnswerOutcome a) ? a : null;
        ComplaintOutcome? complaintAnswer = answer is null && LifecycleCodes.TryParse(outcome, out ComplaintOutcome c) ? c : null;
        if (outcome is not null && answer is null && complaintAnswer is null)
            throw new FormatException($"Unknown outcome '{outcome}'.");
        return new MoveCodes(LifecycleCodes.Parse<CaseTrigger>(trigger), LifecycleCodes.Parse<CaseStatus>(from),
            LifecycleCodes.Parse<CaseStatus>(to), answer, complaintAnswer,
            ground is null ? null : LifecycleCodes.Parse<RefusalGround>(ground));
    }
}
