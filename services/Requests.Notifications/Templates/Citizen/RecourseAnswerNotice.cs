namespace Requests.Notifications.Templates.Citizen;

/// <summary>
/// The head of the body's answer to the requester's recourse (Law 31.13): the decision, its reasons, and the
/// complaint to the Commission (CDAI) that remains open until <see cref="CommissionLastDay"/>.
/// </summary>
/// <param name="Outcome"><c>granted</c>, <c>partially-granted</c> or <c>refused</c>.</param>
public sealed record RecourseAnswerNotice(
    string TrackingNumber, BodyName Body, string Outcome, string Answer, DateOnly AnsweredOn, DateOnly CommissionLastDay,
    string FollowUrl, SentDocuments? Documents = null) : IEmailTemplate
{
    public const string Template = "recourse-answered";

    public string Name => Template;

    public RenderedEmail Render(Language language) => language == Language.Arabic ? Arabic() : French();

    private RenderedEmail French()
    {
        var l = Language.French;
        var decision = Outcome switch
        {
            "granted" => "Le chef de l'organisme fait droit à votre recours : l'information vous est communiquée.",
            "partially-granted" => "Le chef de l'organisme fait droit à une partie de votre recours.",
            _ => "Le chef de l'organisme rejette votre recours.",
        };
        return new Letter(l, $"Demande n° {TrackingNumber} : réponse du chef de l'organisme à votre recours")
            .Paragraph(Phrases.CitizenGreeting(l))
            .Paragraph(decision)
            .Facts(
                (Phrases.TrackingNumber(l), TrackingNumber),
                (Phrases.Body(l), Body.Fr),
                ("Date de la décision", Dates.Format(AnsweredOn, l)),
                ("Dernier jour pour saisir la Commission", Dates.Format(CommissionLastDay, l)))
            .Paragraph("La réponse du chef de l'organisme :")
            .Quote(Answer)
            .Paragraph($"Si cette réponse ne vous satisfait pas, vous pouvez saisir la Commission du droit d'accès à l'information (CDAI) au plus tard le {Dates.Format(CommissionLastDay, l)} (30 jours après cette réponse).")
            .Documents(Documents, FollowUrl)
            .Paragraph(Phrases.FollowOnline(l), FollowUrl)
            .Render(Template);
    }

    private RenderedEmail Arabic()
    {
        var l = Language.Arabic;
        var decision = Outcome switch
        {
            "granted" => "قرر رئيس الهيئة قبول شكايتكم، وسيتم تمكينكم من المعلومات المطلوبة.",
            "partially-granted" => "قرر رئيس الهيئة قبول شكايتكم جزئيا.",
            _ => "قرر رئيس الهيئة رفض شكايتكم.",
        };
        return new Letter(l, $"الطلب رقم {TrackingNumber}: رد رئيس الهيئة على شكايتكم")
            .Paragraph(Phrases.CitizenGreeting(l))
            .Paragraph(decision)
            .Facts(
                (Phrases.TrackingNumber(l), TrackingNumber),
                (Phrases.Body(l), Body.Ar),
                ("تاريخ القرار", Dates.Format(AnsweredOn, l)),
                ("آخر أجل لتقديم شكاية إلى اللجنة", Dates.Format(CommissionLastDay, l)))
            .Paragraph("رد رئيس الهيئة:")
            .Quote(Answer)
            .Paragraph($"إذا لم يُرضكم هذا الرد، يمكنكم تقديم شكاية إلى لجنة الحق في الحصول على المعلومات في أجل أقصاه {Dates.Format(CommissionLastDay, l)} (30 يوما من تاريخ هذا الرد).")
            .Documents(Documents, FollowUrl)
            .Paragraph(Phrases.FollowOnline(l), FollowUrl)
            .Render(Template);
    }
}
