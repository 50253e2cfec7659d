using System.Globalization;

namespace Requests.Notifications.Templates.Citizen;

/// <summary>A document sent to the citizen: its name and size in bytes.</summary>
public sealed record SentDocument(string Name, long Size);

/// <summary>
/// The body sent documents with a step of the case (the answer, a clarification request, the head's answer): attached
/// to the e-mail when <paramref name="Attached"/>, otherwise listed with the page where the citizen downloads them.
/// As a letter it lists them.
/// </summary>
public sealed record DocumentsNotice(string TrackingNumber, string Kind, BodyName Body, IReadOnlyList<SentDocument> Documents,
    bool Attached, string FollowUrl) : IEmailTemplate
{
    public const string Template = "documents";

    public string Name => Template;

    public RenderedEmail Render(Language language)
    {
        var arabic = language == Language.Arabic;
        var letter = new Letter(language, arabic ? $"الملف رقم {TrackingNumber}: وثائق موجهة إليكم" : $"Dossier n° {TrackingNumber} : documents transmis")
            .Paragraph(Phrases.CitizenGreeting(language))
            .Paragraph(arabic
                ? $"وجهت إليكم {Body.Ar} الوثائق التالية في إطار {Labels.YourCase(Kind, language)}:"
                : $"{Body.Fr} vous transmet les documents suivants au sujet de {Labels.YourCase(Kind, language)} :")
            .Table(arabic ? "الوثائق" : "Documents", arabic ? ["الاسم", "الحجم"] : ["Nom", "Taille"],
                [.. Documents.Select(d => (IReadOnlyList<string>)[d.Name, Size(d.Size, language)])], "")
            .Facts((Phrases.TrackingNumber(language), TrackingNumber), (Phrases.Body(language), arabic ? Body.Ar : Body.Fr));
        letter = Attached
            ? letter.Paragraph(arabic ? "تجدون هذه الوثائق مرفقة بهذه الرسالة، ويمكنكم أيضا تحميلها من صفحة ملفكم:"
                : "Ils sont joints à ce message ; vous pouvez aussi les télécharger sur la page de votre dossier :", FollowUrl)
            : letter.Paragraph(arabic ? "حمّلوا هذه الوثائق من صفحة ملفكم باستعمال رقم التتبع ورمز الولوج:"
                : "Téléchargez-les sur la page de votre dossier, avec votre numéro de suivi et votre code d'accès :", FollowUrl);
        return letter.Render(Template);
    }

    private static string Size(long bytes, Language language)
    {
        var culture = CultureInfo.GetCultureInfo(language == Language.Arabic ? "ar-MA" : "fr-FR");
        return bytes < 1024 * 1024
            ? string.Create(culture, $"{Math.Max(1, bytes / 1024)} {(language == Language.Arabic ? "ك.ب" : "Ko")}")
            : string.Create(culture, $"{bytes / (1024.0 * 1024):0.0} {(language == Language.Arabic ? "م.ب" : "Mo")}");
    }
}
