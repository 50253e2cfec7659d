using System.Buffers;
using System.Globalization;
using System.Text;
using Requests.Notifications.Templates.Citizen;

namespace Requests.Notifications.Templates;

/// <summary>
/// A message written block by block (paragraphs, facts, quoted text, steps, tables); the HTML part and the plain-text
/// part are written from the same blocks, so they say the same thing. Every text goes through <see cref="Encode"/>
/// on its way into the HTML: a template never writes markup of its own.
/// </summary>
internal sealed class Letter
{
    private readonly Language _language;
    private readonly string _subject;
    private readonly string _start;
    private static readonly SearchValues<char> Markup = SearchValues.Create("&<>\"'");

    // each part sized at once like the last message rendered: growing a builder chunk by chunk cost more than writing it
    private static int s_htmlSize = 4096, s_textSize = 1024;

    private readonly StringBuilder _html = new(s_htmlSize);
    private readonly StringBuilder _text = new(s_textSize);

    public Letter(Language language, string subject)
    {
        _language = language;
        // a line break in a header would end it: the subject is one line whatever a value holds
        _subject = string.Join(' ', subject.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        _start = language == Language.Arabic ? "right" : "left";
        var title = Encode(_subject);
        _html.Append(CultureInfo.InvariantCulture, $"""
            <!DOCTYPE html>
            <html lang="{_language.Code()}" dir="{(Arabic ? "rtl" : "ltr")}">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{title}</title>
            </head>
            <body style="margin: 0 auto; padding: 16px; max-width: 640px; font-family: Arial, Helvetica, sans-serif; font-size: 15px; line-height: 1.5; color: #1a1a1a; text-align: {_start};">
            <h1 style="font-size: 18px; margin: 0 0 16px;">{title}</h1>

            """);
    }

    private bool Arabic => _language == Language.Arabic;

    public Letter Paragraph(string text)
    {
        _html.Append("<p style=\"margin: 0 0 12px;\">").Append(Encode(text)).Append("</p>\n");
        _text.Append(text).Append("\n\n");
        return this;
    }

    /// <summary>A paragraph ending with an address to open.</summary>
    public Letter Paragraph(string text, string url)
    {
        _html.Append("<p style=\"margin: 0 0 12px;\">").Append(Encode(text)).Append(' ').Append(Link(url)).Append("</p>\n");
        _text.Append(text).Append(' ').Append(url).Append("\n\n");
        return this;
    }

    /// <summary>Label and value rows; a row whose value is null is left out.</summary>
    public Letter Facts(params (string Label, string? Value)[] rows)
    {
        _html.Append("<table style=\"border-collapse: collapse; margin: 0 0 16px;\">\n");
        foreach (var (label, value) in rows.Where(r => r.Value is not null))
        {
            _html.Append(CultureInfo.InvariantCulture, $"<tr><th style=\"text-align: {_start}; padding: 4px 0; padding-{End}: 16px; font-weight: normal; color: #555; vertical-align: top;\">")
                .Append(Encode(label)).Append("</th><td style=\"padding: 4px 0; font-weight: bold;\"><bdi>")
                .Append(Encode(value!)).Append("</bdi></td></tr>\n");
            _text.Append(label).Append(Arabic ? ": " : " : ").Append(value).Append('\n');
        }
        _html.Append("</table>\n");
        _text.Append('\n');
        return this;
    }

    /// <summary>What a person wrote (an answer, reasons, a question), kept line by line and set apart.</summary>
    public Letter Quote(string? text)
    {
        var lines = (text ?? "").ReplaceLineEndings("\n").Trim().Split('\n');
        _html.Append(CultureInfo.InvariantCulture, $"<blockquote style=\"margin: 0 0 16px; padding: 8px 12px; border-{_start}: 4px solid #999; background: #f4f4f4;\">")
            .AppendJoin("<br>\n", lines.Select(Encode)).Append("</blockquote>\n");
        foreach (var line in lines)
            _text.Append("> ").Append(line).Append('\n');
        _text.Append('\n');
        return this;
    }

    public Letter Steps(params string[] steps)
    {
        _html.Append("<ol style=\"margin: 0 0 16px;\">\n");
        for (var i = 0; i < steps.Length; i++)
        {
            _html.Append("<li style=\"margin-bottom: 6px;\">").Append(Encode(steps[i])).Append("</li>\n");
            _text.Append(CultureInfo.InvariantCulture, $"{i + 1}. ").Append(steps[i]).Append('\n');
        }
        _html.Append("</ol>\n");
        _text.Append('\n');
        return this;
    }

    /// <summary>A titled table; <paramref name="empty"/> stands in for it when there are no rows.</summary>
    public Letter Table(string title, IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows, string empty)
    {
        _html.Append("<h2 style=\"font-size: 16px; margin: 16px 0 8px;\">").Append(Encode(title)).Append("</h2>\n");
        _text.Append(title).Append('\n').Append(new string('-', title.Length)).Append('\n');
        if (rows.Count == 0)
            return Paragraph(empty);
        const string cell = "padding: 4px 8px; border: 1px solid #ccc;";
        _html.Append("<table style=\"border-collapse: collapse; margin: 0 0 16px;\">\n<tr>");
        foreach (var header in headers)
            _html.Append(CultureInfo.InvariantCulture, $"<th style=\"{cell} text-align: {_start}; background: #eee;\">").Append(Encode(header)).Append("</th>");
        _html.Append("</tr>\n");
        foreach (var row in rows)
        {
            _html.Append("<tr>");
            foreach (var value in row)
                _html.Append(CultureInfo.InvariantCulture, $"<td style=\"{cell}\"><bdi>").Append(Encode(value)).Append("</bdi></td>");
            _html.Append("</tr>\n");
        }
        _html.Append("</table>\n");
        _text.AppendJoin(" | ", headers).Append('\n');
        foreach (var row in rows)
            _text.AppendJoin(" | ", row).Append('\n');
        _text.Append('\n');
        return this;
    }

    /// <summary>The documents a step sends: their names and sizes, said to be attached or to be downloaded from the case's
    /// page (a letter lists them the same way). Nothing when the step sends none.</summary>
    public Letter Documents(SentDocuments? documents, string followUrl)
    {
        if (documents is not { Files.Count: > 0 })
            return this;
        Table(Arabic ? "الوثائق" : "Documents", Arabic ? ["الاسم", "الحجم"] : ["Nom", "Taille"],
            [.. documents.Files.Select(d => (IReadOnlyList<string>)[d.Name, d.Size is { } size ? Size(size) : ""])], "");
        return documents.Attached
            ? Paragraph(Arabic ? "تجدون هذه الوثائق مرفقة بهذه الرسالة، ويمكنكم أيضا تحميلها من صفحة ملفكم:"
                : "Ils sont joints à ce message ; vous pouvez aussi les télécharger sur la page de votre dossier :", followUrl)
            : Paragraph(Arabic ? "حمّلوا هذه الوثائق من صفحة ملفكم باستعمال رقم التتبع ورمز الولوج:"
                : "Téléchargez-les sur la page de votre dossier, avec votre numéro de suivi et votre code d'accès :", followUrl);
    }

    private string Size(long bytes)
    {
        var culture = CultureInfo.GetCultureInfo(Arabic ? "ar-MA" : "fr-FR");
        return bytes < 1024 * 1024
            ? string.Create(culture, $"{Math.Max(1, bytes / 1024)} {(Arabic ? "ك.ب" : "Ko")}")
            : string.Create(culture, $"{bytes / (1024.0 * 1024):0.0} {(Arabic ? "م.ب" : "Mo")}");
    }

    public RenderedEmail Render(string template)
    {
        var footer = Arabic
            ? "هذه رسالة آلية، يرجى عدم الرد عليها."
            : "Ce message est envoyé automatiquement ; merci de ne pas y répondre.";
        var (htmlLength, textLength) = (_html.Length, _text.Length);
        _html.Append(CultureInfo.InvariantCulture, $"""
            <p style="margin: 24px 0 0; font-size: 12px; color: #666;">{Encode(footer)}</p>
            </body>
            </html>

            """);
        _text.Append("--\n").Append(footer).Append('\n');
        var rendered = new RenderedEmail(template, _language, _subject, _html.ToString(), _text.ToString());
        (s_htmlSize, s_textSize) = (_html.Length + 256, _text.Length + 64);
        // the letter stays as it was: rendering it again gives the same message
        (_html.Length, _text.Length) = (htmlLength, textLength);
        return rendered;
    }

    /// <summary>The five characters that can change the meaning of HTML text or of a double-quoted attribute.</summary>
    public static string Encode(string value) => !value.AsSpan().ContainsAny(Markup) ? value : value
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("\"", "&quot;", StringComparison.Ordinal)
        .Replace("'", "&#39;", StringComparison.Ordinal);

    private string End => Arabic ? "left" : "right";

    // only a web address becomes a link: a "javascript:" one from bad settings stays text
    private static string Link(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? $"<a href=\"{Encode(url)}\" dir=\"ltr\">{Encode(url)}</a>"
            : Encode(url);
}
