namespace Requests.Domain.Lifecycle;

/// <summary>
/// The codes of a move as a service receives them from another (a <c>CaseMoved</c>), parsed into the lifecycle's
/// enums once, where the message enters: consumers then compare values, and a code this version does not know is
/// refused there rather than matching nothing further on.
/// </summary>
public readonly record struct MoveCodes(CaseTrigger Trigger, CaseStatus From, CaseStatus To, AnswerOutcome? Answer,
    ComplaintOutcome? ComplaintAnswer, RefusalGround? Ground)
{
    public static MoveCodes Parse(string trigger, string from, string to, string? outcome, string? ground)
    {
        AnswerOutcome? answer = null;
        ComplaintOutcome? complaintAnswer = null;
        if (LifecycleCodes.TryParse(outcome, out AnswerOutcome a))
            answer = a;
        else if (LifecycleCodes.TryParse(outcome, out ComplaintOutcome c))
            complaintAnswer = c;
        else if (outcome is not null)
            throw new FormatException($"Unknown outcome '{outcome}'.");
        return new MoveCodes(LifecycleCodes.Parse<CaseTrigger>(trigger), LifecycleCodes.Parse<CaseStatus>(from),
            LifecycleCodes.Parse<CaseStatus>(to), answer, complaintAnswer,
            ground is null ? null : LifecycleCodes.Parse<RefusalGround>(ground));
    }
}
