namespace Requests.Notifications.Templates;

/// <summary>The languages a citizen may choose at filing (<c>fr</c>, <c>ar</c>); every message exists in both.</summary>
public enum Language
{
    French,
    Arabic,
}

public static class Languages
{
    public static string Code(this Language language) => language == Language.Arabic ? "ar" : "fr";

    /// <summary>"ar" is Arabic; anything else, a missing choice included, is French, the administration's other language.</summary>
    public static Language Parse(string? code) =>
        string.Equals(code?.Trim(), "ar", StringComparison.OrdinalIgnoreCase) ? Language.Arabic : Language.French;
}
