namespace Requests.Notifications.Templates.Citizen;

/// <summary>
/// The body let its deadline pass without answering an information request: the silence is an implicit refusal
/// (Law 31.13) and the recourse to the head of the body is open until <see cref="RecourseLastDay"/>.
/// </summary>
public sealed record SilenceNotice(
    string TrackingNumber, BodyName Body, DateOnly DueOn, DateOnly RecourseLastDay, string FollowUrl) : IEmailTemplate
{
    public const string Template = "deadline-missed";

    public string Name => Template;

    public RenderedEmail Render(Language language) => language == Language.Arabic ? Arabic() : French();

    private RenderedEmail French()
    {
        var l = Language.French;
        return new Letter(l, $"Demande n° {TrackingNumber} : pas de réponse dans le délai, un recours vous est ouvert")
            .Paragraph(Phrases.CitizenGreeting(l))
            .Paragraph($"L'organisme n'a pas répondu à votre demande dans le délai légal, qui a expiré le {Dates.Format(DueOn, l)}. Selon la loi n° 31.13, ce silence vaut refus.")
            .Facts(
                (Phrases.TrackingNumber(l), TrackingNumber),
                (Phrases.Body(l), Body.Fr),
                ("Date limite de réponse dépassée", Dates.Format(DueOn, l)),
                (Phrases.RecourseLastDay(l), Dates.Format(RecourseLastDay, l)))
            .Steps(
                $"Vous pouvez adresser un recours au chef de l'organisme jusqu'au {Dates.Format(RecourseLastDay, l)} inclus, en ligne avec votre numéro de suivi et votre code d'accès.",
                Phrases.AfterTheHead(l))
            .Paragraph("Si l'organisme vous répond entre-temps, vous en serez informé(e), et le délai de recours courra à nouveau à partir de sa réponse.")
            .Paragraph(Phrases.FollowOnline(l), FollowUrl)
            .Render(Template);
    }

    private RenderedEmail Arabic()
    {
        var l = Language.Arabic;
        return new Letter(l, $"الطلب رقم {TrackingNumber}: انقضاء الأجل دون رد، ويحق لكم تقديم شكاية")
            .Paragraph(Phrases.CitizenGreeting(l))
            .Paragraph($"لم تتلقوا ردا على طلبكم من طرف {Body.Ar} داخل الأجل القانوني الذي انقضى في {Dates.Format(DueOn, l)}. ووفقا للقانون رقم 31.13، يعتبر عدم الرد رفضا للطلب.")
            .Facts(
                (Phrases.TrackingNumber(l), TrackingNumber),
                (Phrases.Body(l), Body.Ar),
                ("الأجل المنقضي للرد", Dates.Format(DueOn, l)),
                (Phrases.RecourseLastDay(l), Dates.Format(RecourseLastDay, l)))
            .Steps(
                $"يمكنكم تقديم شكاية إلى رئيس الهيئة إلى غاية {Dates.Format(RecourseLastDay, l)}، عبر الإنترنت باستعمال رقم التتبع ورمز الولوج.",
                Phrases.AfterTheHead(l))
            .Paragraph("إذا توصلتم برد الهيئة في الأثناء، فسيتم إخباركم بذلك، ويبدأ أجل الشكاية من جديد من تاريخ الرد.")
            .Paragraph(Phrases.FollowOnline(l), FollowUrl)
            .Render(Template);
    }
}
