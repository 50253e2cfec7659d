namespace Requests.Notifications.Templates.Citizen;

/// <summary>
/// A reasoned refusal (Law 31.13): its legal ground (<c>not-held</c> included), the reasons, and how to contest it:
/// the recourse to the head of the body until <see cref="RecourseLastDay"/>, then the Commission (CDAI).
/// </summary>
public sealed record RefusalNotice(
    string TrackingNumber, BodyName Body, string RefusalGround, string Reasons, DateOnly AnsweredOn,
    DateOnly RecourseLastDay, string FollowUrl, SentDocuments? Documents = null) : IEmailTemplate
{
    public const string Template = "refused";

    public string Name => Template;

    public RenderedEmail Render(Language language) => language == Language.Arabic ? Arabic() : French();

    private RenderedEmail French()
    {
        var l = Language.French;
        return new Letter(l, $"Demande n° {TrackingNumber} : refus motivé et voies de recours")
            .Paragraph(Phrases.CitizenGreeting(l))
            .Paragraph("L'organisme refuse de vous communiquer l'information demandée, pour le motif prévu par la loi n° 31.13 indiqué ci-dessous.")
            .Facts(
                (Phrases.TrackingNumber(l), TrackingNumber),
                (Phrases.Body(l), Body.Fr),
                ("Motif légal du refus", Labels.Ground(RefusalGround, l)),
                ("Date de la décision", Dates.Format(AnsweredOn, l)),
                (Phrases.RecourseLastDay(l), Dates.Format(RecourseLastDay, l)))
            .Paragraph("Les raisons de cette décision :")
            .Quote(Reasons)
            .Paragraph("Pour contester cette décision :")
            .Steps(
                $"Adressez un recours au chef de l'organisme au plus tard le {Dates.Format(RecourseLastDay, l)} (20 jours ouvrables après la réception de cette réponse), en ligne avec votre numéro de suivi et votre code d'accès.",
                Phrases.AfterTheHead(l))
            .Documents(Documents, FollowUrl)
            .Paragraph(Phrases.FollowOnline(l), FollowUrl)
            .Render(Template);
    }

    private RenderedEmail Arabic()
    {
        var l = Language.Arabic;
        return new Letter(l, $"الطلب رقم {TrackingNumber}: رفض معلل وطرق الطعن")
            .Paragraph(Phrases.CitizenGreeting(l))
            .Paragraph($"تم رفض طلبكم الحصول على المعلومات من طرف {Body.Ar}، للسبب المنصوص عليه في القانون رقم 31.13 والمبين أسفله.")
            .Facts(
                (Phrases.TrackingNumber(l), TrackingNumber),
                (Phrases.Body(l), Body.Ar),
                ("السبب القانوني للرفض", Labels.Ground(RefusalGround, l)),
                ("تاريخ القرار", Dates.Format(AnsweredOn, l)),
                (Phrases.RecourseLastDay(l), Dates.Format(RecourseLastDay, l)))
            .Paragraph("تعليل هذا القرار:")
            .Quote(Reasons)
            .Paragraph("للطعن في هذا القرار:")
            .Steps(
                $"قدموا شكاية إلى رئيس الهيئة في أجل أقصاه {Dates.Format(RecourseLastDay, l)} (20 يوم عمل من تاريخ التوصل بهذا الرد)، عبر الإنترنت باستعمال رقم التتبع ورمز الولوج.",
                Phrases.AfterTheHead(l))
            .Documents(Documents, FollowUrl)
            .Paragraph(Phrases.FollowOnline(l), FollowUrl)
            .Render(Template);
    }
}
