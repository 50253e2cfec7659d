namespace Requests.Notifications.Templates.Staff;

/// <summary>
/// A deadline passed without an answer: to the officer in charge (and their substitute). For the body's answer to an
/// information request, the requester's recourse is now open until <see cref="RecourseLastDay"/>.
/// </summary>
/// <param name="Deadline"><c>answer</c> or <c>head-answer</c>.</param>
public sealed record OverdueNotice(
    string RecipientName, string TrackingNumber, string Deadline, DateOnly DueOn, DateOnly? RecourseLastDay,
    string CaseUrl) : IEmailTemplate
{
    public const string Template = "overdue";

    public string Name => Template;

    public RenderedEmail Render(Language language) => language == Language.Arabic ? Arabic() : French();

    private RenderedEmail French()
    {
        var l = Language.French;
        var letter = new Letter(l, $"En retard : dossier {TrackingNumber}, réponse due le {Dates.Format(DueOn, l)}")
            .Paragraph(Phrases.StaffGreeting(RecipientName, l))
            .Paragraph($"Le délai de la {Labels.Deadline(Deadline, l)} dans le dossier {TrackingNumber} a expiré le {Dates.Format(DueOn, l)} sans réponse. Le dossier est signalé au chef de l'organisme.")
            .Facts(
                (Phrases.TrackingNumber(l), TrackingNumber),
                ("Échéance", Labels.Capitalized(Labels.Deadline(Deadline, l))),
                ("Date limite dépassée", Dates.Format(DueOn, l)),
                (Phrases.RecourseLastDay(l), RecourseLastDay is { } last ? Dates.Format(last, l) : null));
        if (RecourseLastDay is { } lastDay)
            letter.Paragraph($"Ce silence vaut refus : le demandeur peut adresser un recours au chef de l'organisme jusqu'au {Dates.Format(lastDay, l)}.");
        return letter
            .Paragraph("Une réponse reste possible : donnez-la sans attendre.")
            .Paragraph(Phrases.OpenCase(l), CaseUrl)
            .Render(Template);
    }

    private RenderedEmail Arabic()
    {
        var l = Language.Arabic;
        var letter = new Letter(l, $"ملف متأخر: {TrackingNumber}، كان الرد مستحقا في {Dates.Format(DueOn, l)}")
            .Paragraph(Phrases.StaffGreeting(RecipientName, l))
            .Paragraph($"انقضى أجل {Labels.Deadline(Deadline, l)} في الملف {TrackingNumber} بتاريخ {Dates.Format(DueOn, l)} دون رد. وقد أُحيل الملف على رئيس الهيئة.")
            .Facts(
                (Phrases.TrackingNumber(l), TrackingNumber),
                ("الأجل المعني", Labels.Deadline(Deadline, l)),
                ("الأجل المنقضي", Dates.Format(DueOn, l)),
                (Phrases.RecourseLastDay(l), RecourseLastDay is { } last ? Dates.Format(last, l) : null));
        if (RecourseLastDay is { } lastDay)
            letter.Paragraph($"يعتبر عدم الرد رفضا: يمكن لصاحب الطلب تقديم شكاية إلى رئيس الهيئة إلى غاية {Dates.Format(lastDay, l)}.");
        return letter
            .Paragraph("لا يزال الرد ممكنا، ويجب تقديمه دون تأخير.")
            .Paragraph(Phrases.OpenCase(l), CaseUrl)
            .Render(Template);
    }
}
