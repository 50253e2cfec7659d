namespace Requests.Notifications.Templates.Citizen;

/// <summary>
/// The head of the body let the deadline to answer the requester's recourse pass (Law 31.13): the complaint to the
/// Commission (CDAI) is open until <see cref="CommissionLastDay"/>.
/// </summary>
public sealed record HeadSilenceNotice(
    string TrackingNumber, BodyName Body, DateOnly DueOn, DateOnly CommissionLastDay, string FollowUrl) : IEmailTemplate
{
    public const string Template = "recourse-deadline-missed";

    public string Name => Template;

    public RenderedEmail Render(Language language) => language == Language.Arabic ? Arabic() : French();

    private RenderedEmail French()
    {
        var l = Language.French;
        return new Letter(l, $"Demande n° {TrackingNumber} : pas de réponse à votre recours, la Commission peut être saisie")
            .Paragraph(Phrases.CitizenGreeting(l))
            .Paragraph($"Le chef de l'organisme n'a pas répondu à votre recours dans le délai de 15 jours ouvrables, qui a expiré le {Dates.Format(DueOn, l)}.")
            .Facts(
                (Phrases.TrackingNumber(l), TrackingNumber),
                (Phrases.Body(l), Body.Fr),
                ("Date limite de réponse au recours dépassée", Dates.Format(DueOn, l)),
                ("Dernier jour pour saisir la Commission", Dates.Format(CommissionLastDay, l)))
            .Paragraph($"Vous pouvez saisir la Commission du droit d'accès à l'information (CDAI) au plus tard le {Dates.Format(CommissionLastDay, l)} (30 jours après l'expiration de ce délai).")
            .Paragraph(Phrases.FollowOnline(l), FollowUrl)
            .Render(Template);
    }

    private RenderedEmail Arabic()
    {
        var l = Language.Arabic;
        return new Letter(l, $"الطلب رقم {TrackingNumber}: لا رد على شكايتكم، ويمكنكم اللجوء إلى اللجنة")
            .Paragraph(Phrases.CitizenGreeting(l))
            .Paragraph($"لم يرد رئيس {Body.Ar} على شكايتكم داخل أجل 15 يوم عمل الذي انقضى في {Dates.Format(DueOn, l)}.")
            .Facts(
                (Phrases.TrackingNumber(l), TrackingNumber),
                (Phrases.Body(l), Body.Ar),
                ("الأجل المنقضي للرد على الشكاية", Dates.Format(DueOn, l)),
                ("آخر أجل لتقديم شكاية إلى اللجنة", Dates.Format(CommissionLastDay, l)))
            .Paragraph($"يمكنكم تقديم شكاية إلى لجنة الحق في الحصول على المعلومات في أجل أقصاه {Dates.Format(CommissionLastDay, l)} (30 يوما من انقضاء هذا الأجل).")
            .Paragraph(Phrases.FollowOnline(l), FollowUrl)
            .Render(Template);
    }
}
