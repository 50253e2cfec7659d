using System.Globalization;

namespace Requests.Intake.Submissions;

/// <summary>
/// Readable tracking numbers, distinct per regime: <c>DAI-2026-000123</c> for an information request
/// (demande d'accès à l'information), <c>REC-2026-000045</c> for a complaint, observation or suggestion.
/// </summary>
public static class TrackingNumbers
{
    public static string Prefix(string regime) => regime == "information" ? "DAI" : "REC";

    /// <summary>The counter that numbers one regime's cases in one year of receipt.</summary>
    public static string CounterKey(string regime, DateOnly receivedOn) =>
        string.Create(CultureInfo.InvariantCulture, $"{Prefix(regime)}-{receivedOn.Year}");

    public static string Format(string counterKey, long number) =>
        string.Create(CultureInfo.InvariantCulture, $"{counterKey}-{number:D6}");
}
