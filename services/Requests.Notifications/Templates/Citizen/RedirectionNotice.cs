namespace Requests.Notifications.Templates.Citizen;

/// <summary>
/// The body is not competent and sent the case to the one that is, where a new case opens under a new tracking
/// number (the access code stays the same).
/// </summary>
public sealed record RedirectionNotice(
    string TrackingNumber, string Kind, BodyName From, BodyName To, string NewTrackingNumber, string? Reasons,
    DateOnly? NewDueOn, string FollowUrl) : IEmailTemplate
{
    public const string Template = "redirected";

    public string Name => Template;

    public RenderedEmail Render(Language language) => language == Language.Arabic ? Arabic() : French();

    private RenderedEmail French()
    {
        var l = Language.French;
        var letter = new Letter(l, $"Dossier n° {TrackingNumber} transmis à l'organisme compétent : nouveau numéro {NewTrackingNumber}")
            .Paragraph(Phrases.CitizenGreeting(l))
            .Paragraph($"{Labels.Capitalized(Labels.YourCase(Kind, l))} ne relève pas de la compétence de l'organisme auquel elle a été adressée. Elle a été transmise à l'organisme compétent, qui ouvre un nouveau dossier.");
        if (!string.IsNullOrWhiteSpace(Reasons))
            letter.Quote(Reasons);
        return letter
            .Facts(
                ("Organisme saisi", From.Fr),
                ("Ancien numéro de suivi", TrackingNumber),
                ("Nouveau numéro de suivi", NewTrackingNumber),
                ("Organisme compétent", To.Fr),
                (Phrases.DueOn(l), NewDueOn is { } due ? Dates.Format(due, l) : null))
            .Paragraph("Votre code d'accès ne change pas. Suivez désormais votre dossier avec le nouveau numéro.")
            .Paragraph(Phrases.FollowOnline(l), FollowUrl)
            .Render(Template);
    }

    private RenderedEmail Arabic()
    {
        var l = Language.Arabic;
        var letter = new Letter(l, $"إحالة الملف رقم {TrackingNumber} إلى {To.Ar}: الرقم الجديد {NewTrackingNumber}")
            .Paragraph(Phrases.CitizenGreeting(l))
            .Paragraph($"تمت إحالة {Labels.YourCase(Kind, l)} على الهيئة المختصة، {To.Ar}، لعدم اختصاص {From.Ar}، وفُتح ملف جديد لدى الهيئة المختصة.");
        if (!string.IsNullOrWhiteSpace(Reasons))
            letter.Quote(Reasons);
        return letter
            .Facts(
                ("الهيئة التي توصلت بالملف", From.Ar),
                ("رقم التتبع السابق", TrackingNumber),
                ("رقم التتبع الجديد", NewTrackingNumber),
                ("الهيئة المختصة", To.Ar),
                (Phrases.DueOn(l), NewDueOn is { } due ? Dates.Format(due, l) : null))
            .Paragraph("يبقى رمز الولوج الخاص بكم كما هو. تابعوا ملفكم من الآن فصاعدا بالرقم الجديد.")
            .Paragraph(Phrases.FollowOnline(l), FollowUrl)
            .Render(Template);
    }
}
