using System.Text.Json;

namespace Requests.Domain.Publication;

/// <summary>A category of what a body publishes of its own accord, with its labels in French and Arabic.</summary>
public sealed record PublicationCategory(string Code, string LabelFr, string LabelAr);

/// <summary>
/// The categories of article 10 of Law 31.13 (Data/publication-categories.json): a closed list, so that the register
/// of every body is searched and filtered alike. Append to the list, never rename a code.
/// </summary>
public static class PublicationCategories
{
    public static IReadOnlyList<PublicationCategory> All { get; } =
        JsonSerializer.Deserialize<PublicationCategory[]>(EmbeddedData.Read("Data.publication-categories.json"), JsonSerializerOptions.Web)!;

    public static IReadOnlyList<string> Codes { get; } = [.. All.Select(c => c.Code)];

    public static PublicationCategory? Find(string? code) => All.FirstOrDefault(c => c.Code == code);
}
