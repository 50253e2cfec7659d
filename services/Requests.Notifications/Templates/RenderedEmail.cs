namespace Requests.Notifications.Templates;

/// <summary>A message as it will be sent: its subject and its two parts, in the recipient's language.</summary>
public sealed record RenderedEmail(string Template, Language Language, string Subject, string Html, string Text);

/// <summary>One message of the law's notices, with the facts it tells, able to render itself in French or Arabic.</summary>
public interface IEmailTemplate
{
    /// <summary>The template's stable kebab-case name: stored with each notification and part of its key.</summary>
    string Name { get; }

    RenderedEmail Render(Language language);
}
