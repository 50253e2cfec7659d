namespace Requests.Domain.Lifecycle;

/// <summary>How a body answers a complaint, observation or suggestion, Decree 2.17.265: always with reasons.</summary>
public enum ComplaintOutcome
{
    Founded,
    Unfounded,

    /// <summary>Not handled: before a court or already judged, or a matter of a judicial-police report.</summary>
    NotAdmissible,
}
