namespace Requests.Contracts.Intake;

/// <summary>
/// Filings intake stored in one commit, published as one message: at a few thousand filings a second, the broker then
/// carries one message per commit rather than one per filing. Each filing's <see cref="RequestSubmitted"/> is whole;
/// a message holds at most <see cref="MaxCount"/> of them.
/// </summary>
public sealed record SubmissionsStored(IReadOnlyList<RequestSubmitted> Submissions)
{
    public const int MaxCount = 100;
}
