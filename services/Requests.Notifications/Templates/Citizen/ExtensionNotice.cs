namespace Requests.Notifications.Templates.Citizen;

/// <summary>
/// The one extension Law 31.13 allows (20 working days), announced in writing with its reasons before the deadline.
/// </summary>
public sealed record ExtensionNotice(
    string TrackingNumber, BodyName Body, string Reasons, DateOnly PreviousDueOn, DateOnly NewDueOn, string FollowUrl)
    : IEmailTemplate
{
    public const string Template = "extension";

    public string Name => Template;

    public RenderedEmail Render(Language language) => language == Language.Arabic ? Arabic() : French();

    private RenderedEmail French()
    {
        var l = Language.French;
        return new Letter(l, $"Demande n° {TrackingNumber} : délai de réponse prolongé jusqu'au {Dates.Format(NewDueOn, l)}")
            .Paragraph(Phrases.CitizenGreeting(l))
            .Paragraph($"L'organisme prolonge de 20 jours ouvrables le délai de réponse à votre demande, comme la loi n° 31.13 le permet une seule fois. Voici les motifs de cette prolongation :")
            .Quote(Reasons)
            .Facts(
                (Phrases.TrackingNumber(l), TrackingNumber),
                (Phrases.Body(l), Body.Fr),
                ("Date limite initiale", Dates.Format(PreviousDueOn, l)),
                ("Nouvelle date limite de réponse", Dates.Format(NewDueOn, l)))
            .Paragraph($"Si vous n'obtenez pas de réponse au plus tard le {Dates.Format(NewDueOn, l)}, votre demande sera considérée comme refusée : vous pourrez alors adresser un recours au chef de l'organisme dans les 20 jours ouvrables.")
            .Paragraph(Phrases.FollowOnline(l), FollowUrl)
            .Render(Template);
    }

    private RenderedEmail Arabic()
    {
        var l = Language.Arabic;
        return new Letter(l, $"الطلب رقم {TrackingNumber}: تمديد أجل الرد إلى غاية {Dates.Format(NewDueOn, l)}")
            .Paragraph(Phrases.CitizenGreeting(l))
            .Paragraph($"تم تمديد أجل الرد على طلبكم من طرف {Body.Ar} لمدة 20 يوم عمل، وهو تمديد يسمح به القانون رقم 31.13 مرة واحدة. وفيما يلي أسباب هذا التمديد:")
            .Quote(Reasons)
            .Facts(
                (Phrases.TrackingNumber(l), TrackingNumber),
                (Phrases.Body(l), Body.Ar),
                ("الأجل الأصلي للرد", Dates.Format(PreviousDueOn, l)),
                ("الأجل الجديد للرد", Dates.Format(NewDueOn, l)))
            .Paragraph($"إذا لم تتلقوا ردا في أجل أقصاه {Dates.Format(NewDueOn, l)}، يعتبر طلبكم مرفوضا، ويمكنكم حينها تقديم شكاية إلى رئيس الهيئة داخل أجل 20 يوم عمل.")
            .Paragraph(Phrases.FollowOnline(l), FollowUrl)
            .Render(Template);
    }
}
