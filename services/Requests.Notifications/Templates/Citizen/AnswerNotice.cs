namespace Requests.Notifications.Templates.Citizen;

/// <summary>
/// The body's answer to an information request that gives the information: all of it (<c>granted</c>), or part of it
/// (<c>partially-granted</c>): the refused part then names its legal ground, and the recourse is open until
/// <see cref="RecourseLastDay"/>.
/// </summary>
/// <param name="Outcome"><c>granted</c> or <c>partially-granted</c>.</param>
public sealed record AnswerNotice(
    string TrackingNumber, BodyName Body, string Outcome, string Answer, DateOnly AnsweredOn, string FollowUrl,
    string? RefusalGround = null, DateOnly? RecourseLastDay = null, SentDocuments? Documents = null) : IEmailTemplate
{
    public const string Template = "answered";

    public string Name => Template;

    private bool Partial => Outcome == "partially-granted";

    public RenderedEmail Render(Language language) => language == Language.Arabic ? Arabic() : French();

    private RenderedEmail French()
    {
        var l = Language.French;
        var letter = new Letter(l, $"Réponse à votre demande n° {TrackingNumber}")
            .Paragraph(Phrases.CitizenGreeting(l))
            .Paragraph(Partial
                ? "L'organisme a répondu à votre demande : l'information vous est communiquée en partie."
                : "L'organisme a répondu à votre demande : l'information demandée vous est communiquée.")
            .Quote(Answer)
            .Facts(
                (Phrases.TrackingNumber(l), TrackingNumber),
                (Phrases.Body(l), Body.Fr),
                ("Date de la réponse", Dates.Format(AnsweredOn, l)),
                ("Motif légal du refus partiel", Partial && RefusalGround is not null ? Labels.Ground(RefusalGround, l) : null),
                (Phrases.RecourseLastDay(l), Partial && RecourseLastDay is { } last ? Dates.Format(last, l) : null));
        if (Partial && RecourseLastDay is { } lastDay)
        {
            letter.Paragraph($"Vous pouvez contester le refus partiel par un recours au chef de l'organisme, au plus tard le {Dates.Format(lastDay, l)}.")
                .Paragraph(Phrases.AfterTheHead(l));
        }
        return letter.Documents(Documents, FollowUrl).Paragraph(Phrases.FollowOnline(l), FollowUrl).Render(Template);
    }

    private RenderedEmail Arabic()
    {
        var l = Language.Arabic;
        var letter = new Letter(l, $"الرد على طلبكم رقم {TrackingNumber}")
            .Paragraph(Phrases.CitizenGreeting(l))
            .Paragraph(Partial
                ? $"تم الرد على طلبكم من طرف {Body.Ar}، وتم تمكينكم من جزء من المعلومات المطلوبة."
                : $"تم الرد على طلبكم من طرف {Body.Ar}، وتم تمكينكم من المعلومات المطلوبة.")
            .Quote(Answer)
            .Facts(
                (Phrases.TrackingNumber(l), TrackingNumber),
                (Phrases.Body(l), Body.Ar),
                ("تاريخ الرد", Dates.Format(AnsweredOn, l)),
                ("السبب القانوني للرفض الجزئي", Partial && RefusalGround is not null ? Labels.Ground(RefusalGround, l) : null),
                (Phrases.RecourseLastDay(l), Partial && RecourseLastDay is { } last ? Dates.Format(last, l) : null));
        if (Partial && RecourseLastDay is { } lastDay)
        {
            letter.Paragraph($"يمكنكم الطعن في الرفض الجزئي بتقديم شكاية إلى رئيس الهيئة في أجل أقصاه {Dates.Format(lastDay, l)}.")
                .Paragraph(Phrases.AfterTheHead(l));
        }
        return letter.Documents(Documents, FollowUrl).Paragraph(Phrases.FollowOnline(l), FollowUrl).Render(Template);
    }
}
