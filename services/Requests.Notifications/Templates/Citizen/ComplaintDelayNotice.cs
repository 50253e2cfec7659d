namespace Requests.Notifications.Templates.Citizen;

/// <summary>
/// The body let the 60 days of Decree 2.17.265 pass without answering a complaint, an observation or a suggestion:
/// the requester is told, the case is escalated to the head of the body, and the answer is still owed.
/// </summary>
public sealed record ComplaintDelayNotice(string TrackingNumber, string Kind, BodyName Body, DateOnly DueOn, string FollowUrl)
    : IEmailTemplate
{
    public const string Template = "complaint-deadline-missed";

    public string Name => Template;

    public RenderedEmail Render(Language language) => language == Language.Arabic ? Arabic() : French();

    private RenderedEmail French()
    {
        var l = Language.French;
        return new Letter(l, $"Dossier n° {TrackingNumber} : le délai de réponse est dépassé")
            .Paragraph(Phrases.CitizenGreeting(l))
            .Paragraph($"L'organisme n'a pas répondu à {Labels.YourCase(Kind, l)} dans le délai de 60 jours, qui a expiré le {Dates.Format(DueOn, l)}. Le dossier a été signalé au chef de l'organisme, qui doit veiller à ce qu'une réponse motivée vous soit adressée.")
            .Facts(
                (Phrases.TrackingNumber(l), TrackingNumber),
                (Phrases.Body(l), Body.Fr),
                ("Date limite de réponse dépassée", Dates.Format(DueOn, l)))
            .Paragraph("Vous serez informé(e) de la réponse dès qu'elle vous sera adressée.")
            .Paragraph(Phrases.FollowOnline(l), FollowUrl)
            .Render(Template);
    }

    private RenderedEmail Arabic()
    {
        var l = Language.Arabic;
        return new Letter(l, $"الملف رقم {TrackingNumber}: انقضاء أجل الرد")
            .Paragraph(Phrases.CitizenGreeting(l))
            .Paragraph($"لم ترد {Body.Ar} على {Labels.YourCase(Kind, l)} داخل أجل 60 يوما الذي انقضى في {Dates.Format(DueOn, l)}. وقد تم إشعار رئيس الهيئة بالملف، وعليه أن يحرص على أن يوجَّه إليكم رد معلل.")
            .Facts(
                (Phrases.TrackingNumber(l), TrackingNumber),
                (Phrases.Body(l), Body.Ar),
                ("الأجل المنقضي للرد", Dates.Format(DueOn, l)))
            .Paragraph("سيتم إخباركم بالرد فور توجيهه إليكم.")
            .Paragraph(Phrases.FollowOnline(l), FollowUrl)
            .Render(Template);
    }
}
