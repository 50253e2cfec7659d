namespace Requests.Domain.Deadlines;

/// <summary>The chain of deadlines of a case, from the body's answer to the administrative court.</summary>
public enum DeadlineStep
{
    Answer,
    RecourseHead,
    HeadAnswer,
    Commission,
    CommissionDecision,
    Court,
}
