namespace Requests.Notifications.Templates;

/// <summary>A public body's name in both languages, as the directory holds it.</summary>
public sealed record BodyName(string Fr, string Ar);
