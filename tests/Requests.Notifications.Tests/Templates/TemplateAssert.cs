using Requests.Notifications.Templates;

namespace Requests.Notifications.Tests.Templates;

/// <summary>What every rendered message must be, whatever it says.</summary>
internal static class TemplateAssert
{
    public static RenderedEmail Rendered(IEmailTemplate template, Language language, string name)
    {
        var email = template.Render(language);
        Assert.Equal(name, email.Template);
        Assert.Equal(language, email.Language);
        var (lang, dir) = language == Language.Arabic ? ("ar", "rtl") : ("fr", "ltr");
        Assert.StartsWith($"<!DOCTYPE html>\n<html lang=\"{lang}\" dir=\"{dir}\">", email.Html, StringComparison.Ordinal);
        Assert.EndsWith("</html>\n", email.Html, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', email.Subject);
        Assert.DoesNotContain("<", email.Text, StringComparison.Ordinal);
        return email;
    }

    /// <summary>The value appears in both parts: as it is in the text, HTML-encoded in the HTML.</summary>
    public static void Tells(RenderedEmail email, string value)
    {
        Assert.Contains(value, email.Text, StringComparison.Ordinal);
        Assert.Contains(Encode(value), email.Html, StringComparison.Ordinal);
    }

    public static string Encode(string value) => value.Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("\"", "&quot;", StringComparison.Ordinal).Replace("'", "&#39;", StringComparison.Ordinal);
}
