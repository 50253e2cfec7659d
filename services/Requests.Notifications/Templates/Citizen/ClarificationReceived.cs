namespace Requests.Notifications.Templates.Citizen;

/// <summary>The body received the citizen's answer to a clarification on paper (by post or at the counter) and recorded it
/// with its scan: the clock runs again, with the new due date; the scanned files are listed.</summary>
public sealed record ClarificationReceived(
    string TrackingNumber, string Kind, BodyName Body, DateOnly ReceivedOn, DateOnly DueOn, string FollowUrl,
    SentDocuments? Documents = null) : IEmailTemplate
{
    public const string Template = "clarification-received";

    public string Name => Template;

    public RenderedEmail Render(Language language) => language == Language.Arabic ? Arabic() : French();

    private RenderedEmail French()
    {
        var l = Language.French;
        return new Letter(l, $"Dossier n° {TrackingNumber} : votre réponse a été reçue")
            .Paragraph(Phrases.CitizenGreeting(l))
            .Paragraph($"{Body.Fr} a reçu le {Dates.Format(ReceivedOn, l)} votre réponse à la précision demandée pour {Labels.YourCase(Kind, l)}, et l'a enregistrée avec les documents numérisés ci-dessous.")
            .Paragraph($"Le délai de réponse, suspendu depuis la demande, reprend : l'organisme doit vous répondre au plus tard le {Dates.Format(DueOn, l)}.")
            .Facts(
                (Phrases.TrackingNumber(l), TrackingNumber),
                (Phrases.Body(l), Body.Fr),
                ("Réponse reçue le", Dates.Format(ReceivedOn, l)),
                (Phrases.DueOn(l), Dates.Format(DueOn, l)))
            .Documents(Documents, FollowUrl)
            .Paragraph(Phrases.FollowOnline(l), FollowUrl)
            .Render(Template);
    }

    private RenderedEmail Arabic()
    {
        var l = Language.Arabic;
        return new Letter(l, $"الملف رقم {TrackingNumber}: تم التوصل بجوابكم")
            .Paragraph(Phrases.CitizenGreeting(l))
            .Paragraph($"توصلت {Body.Ar} بتاريخ {Dates.Format(ReceivedOn, l)} بجوابكم على التوضيح المطلوب بخصوص {Labels.YourCase(Kind, l)}، وسجلته مع الوثائق الممسوحة ضوئيا المبينة أسفله.")
            .Paragraph($"يستأنف احتساب أجل الرد الذي توقف منذ طلب التوضيح: على الهيئة أن تجيبكم في أجل أقصاه {Dates.Format(DueOn, l)}.")
            .Facts(
                (Phrases.TrackingNumber(l), TrackingNumber),
                (Phrases.Body(l), Body.Ar),
                ("تاريخ التوصل بالجواب", Dates.Format(ReceivedOn, l)),
                (Phrases.DueOn(l), Dates.Format(DueOn, l)))
            .Documents(Documents, FollowUrl)
            .Paragraph(Phrases.FollowOnline(l), FollowUrl)
            .Render(Template);
    }
}
