namespace Requests.Domain.Deadlines;

public enum Regime
{
    /// <summary>Access to information, Law 31.13.</summary>
    Information,

    /// <summary>Complaints, observations and suggestions, Decree 2.17.265.</summary>
    Complaint,
}
