using System.Text.Json;

namespace Requests.Staff.Workspace;

/// <summary>The words of what bodies publish: a step of an entry's history, and its title in the page's language.</summary>
public static partial class Show
{
    public static string PublicationAction(string action) => Pick(action switch
    {
        "published" => ("Publiée", "نشر"),
        "replaced" => ("Remplacée", "استبدال"),
        "withdrawn" => ("Retirée", "سحب"),
        _ => (action, action),
    });

    /// <summary>The title a version carried (its history keeps it as JSON), in the page's language when it has both.</summary>
    public static string Title(JsonElement content)
    {
        string? Read(string name) => content.ValueKind == JsonValueKind.Object && content.TryGetProperty(name, out var v)
            && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        var (fr, ar) = (Read("titleFr") ?? Read("subject"), Read("titleAr"));
        return (Arabic ? ar ?? fr : fr ?? ar) ?? "";
    }
}
