namespace Requests.Notifications.Templates.Citizen;

/// <summary>
/// The body's reasoned answer to a complaint, observation or suggestion (Decree 2.17.265), and how to reopen it or rate
/// the answer.
/// </summary>
/// <param name="Outcome"><c>founded</c>, <c>unfounded</c> or <c>not-admissible</c>.</param>
public sealed record ComplaintAnswerNotice(
    string TrackingNumber, string Kind, BodyName Body, string Outcome, string Answer, DateOnly AnsweredOn,
    string FollowUrl, SentDocuments? Documents = null) : IEmailTemplate
{
    public const string Template = "complaint-answered";

    public string Name => Template;

    public RenderedEmail Render(Language language) => language == Language.Arabic ? Arabic() : French();

    private RenderedEmail French()
    {
        var l = Language.French;
        return new Letter(l, $"Réponse à {Labels.YourCase(Kind, l)} n° {TrackingNumber}")
            .Paragraph(Phrases.CitizenGreeting(l))
            .Paragraph($"L'organisme a répondu à {Labels.YourCase(Kind, l)} :")
            .Quote(Answer)
            .Facts(
                (Phrases.TrackingNumber(l), TrackingNumber),
                (Phrases.Body(l), Body.Fr),
                ("Suite donnée", Outcome switch
                {
                    "founded" => "Fondée",
                    "unfounded" => "Non fondée",
                    "not-admissible" => "Irrecevable (affaire devant la justice, déjà jugée, ou objet d'un procès-verbal de police judiciaire)",
                    _ => Outcome,
                }),
                ("Date de la réponse", Dates.Format(AnsweredOn, l)))
            .Steps(
                "Si la réponse ne vous satisfait pas, vous pouvez rouvrir votre dossier : l'organisme l'examinera de nouveau.",
                "Vous pouvez aussi évaluer la réponse, de 1 à 5 : votre note compte dans le rapport annuel de l'organisme.")
            .Documents(Documents, FollowUrl)
            .Paragraph("Les deux se font en ligne, avec votre numéro de suivi et votre code d'accès, à l'adresse :", FollowUrl)
            .Render(Template);
    }

    private RenderedEmail Arabic()
    {
        var l = Language.Arabic;
        return new Letter(l, $"الرد على {Labels.YourCase(Kind, l)} رقم {TrackingNumber}")
            .Paragraph(Phrases.CitizenGreeting(l))
            .Paragraph($"تم الرد على {Labels.YourCase(Kind, l)} من طرف {Body.Ar}:")
            .Quote(Answer)
            .Facts(
                (Phrases.TrackingNumber(l), TrackingNumber),
                (Phrases.Body(l), Body.Ar),
                ("مآل الملف", Outcome switch
                {
                    "founded" => "مؤسسة",
                    "unfounded" => "غير مؤسسة",
                    "not-admissible" => "غير مقبولة (قضية معروضة على القضاء أو سبق البت فيها، أو موضوع محضر للشرطة القضائية)",
                    _ => Outcome,
                }),
                ("تاريخ الرد", Dates.Format(AnsweredOn, l)))
            .Steps(
                "إذا لم يُرضكم الرد، يمكنكم إعادة فتح ملفكم، وستعيد الهيئة دراسته.",
                "كما يمكنكم تقييم الرد من 1 إلى 5، ويُحتسب تقييمكم في التقرير السنوي للهيئة.")
            .Documents(Documents, FollowUrl)
            .Paragraph("يتم ذلك عبر الإنترنت باستعمال رقم التتبع ورمز الولوج على العنوان:", FollowUrl)
            .Render(Template);
    }
}
