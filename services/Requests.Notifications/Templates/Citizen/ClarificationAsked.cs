namespace Requests.Notifications.Templates.Citizen;

/// <summary>The officer needs the citizen to make the request clearer; the clock stops until they answer.</summary>
public sealed record ClarificationAsked(
    string TrackingNumber, string Kind, BodyName Body, string Question, DateOnly AskedOn, string FollowUrl,
    SentDocuments? Documents = null) : IEmailTemplate
{
    public const string Template = "clarification-asked";

    public string Name => Template;

    public RenderedEmail Render(Language language) => language == Language.Arabic ? Arabic() : French();

    private RenderedEmail French()
    {
        var l = Language.French;
        return new Letter(l, $"Dossier n° {TrackingNumber} : une précision vous est demandée")
            .Paragraph(Phrases.CitizenGreeting(l))
            .Paragraph($"Pour traiter {Labels.YourCase(Kind, l)}, l'organisme vous demande la précision suivante :")
            .Quote(Question)
            .Facts(
                (Phrases.TrackingNumber(l), TrackingNumber),
                (Phrases.Body(l), Body.Fr),
                ("Demandée le", Dates.Format(AskedOn, l)))
            .Paragraph("Le délai de réponse est suspendu jusqu'à ce que vous répondiez ; les jours d'attente s'ajoutent ensuite à la date limite.")
            .Documents(Documents, FollowUrl)
            .Paragraph("Répondez avec votre numéro de suivi et votre code d'accès à l'adresse :", FollowUrl)
            .Render(Template);
    }

    private RenderedEmail Arabic()
    {
        var l = Language.Arabic;
        return new Letter(l, $"الملف رقم {TrackingNumber}: مطلوب منكم توضيح")
            .Paragraph(Phrases.CitizenGreeting(l))
            .Paragraph($"لمعالجة {Labels.YourCase(Kind, l)}، تطلب منكم {Body.Ar} التوضيح التالي:")
            .Quote(Question)
            .Facts(
                (Phrases.TrackingNumber(l), TrackingNumber),
                (Phrases.Body(l), Body.Ar),
                ("تاريخ الطلب", Dates.Format(AskedOn, l)))
            .Paragraph("يتوقف احتساب أجل الرد إلى حين جوابكم، ثم تضاف أيام الانتظار إلى الأجل الأقصى للرد.")
            .Documents(Documents, FollowUrl)
            .Paragraph("أجيبوا باستعمال رقم التتبع ورمز الولوج على العنوان:", FollowUrl)
            .Render(Template);
    }
}
