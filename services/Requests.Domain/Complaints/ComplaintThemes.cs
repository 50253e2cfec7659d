using System.Text.Json;

namespace Requests.Domain.Complaints;

/// <summary>A theme of the closed list, with its names in French and Arabic.</summary>
public sealed record ComplaintTheme(string Code, string NameFr, string NameAr);

/// <summary>
/// The themes a complaint, observation or suggestion is classified by (Data/themes.json): a closed list, so that the
/// reports group by it and never carry a citizen's own words. Append to the list, never rename a code.
/// </summary>
public static class ComplaintThemes
{
    public const string Other = "other";

    public static IReadOnlyList<ComplaintTheme> All { get; } =
        JsonSerializer.Deserialize<ComplaintTheme[]>(EmbeddedData.Read("Data.themes.json"), JsonSerializerOptions.Web)!;

    public static IReadOnlyList<string> Codes { get; } = [.. All.Select(t => t.Code)];

    public static bool IsKnown(string? code) => code is not null && Codes.Contains(code, StringComparer.Ordinal);

    /// <summary>The code for a stored theme: itself when on the list, <see cref="Other"/> for free text written before it, null for none.</summary>
    public static string? CodeOf(string? theme) =>
        string.IsNullOrWhiteSpace(theme) ? null : IsKnown(theme) ? theme : Other;
}
