namespace Requests.Domain.Lifecycle;

/// <summary>How a body (or its head, on a recourse) answers an information request, Law 31.13.</summary>
public enum AnswerOutcome
{
    Granted,

    /// <summary>Part given, part refused: the refused part names its ground.</summary>
    PartiallyGranted,

    /// <summary>Refused on a legal ground other than "not held".</summary>
    Refused,

    /// <summary>The body does not hold the information: a refusal ground of its own, shown apart in the statistics.</summary>
    NotHeld,
}
