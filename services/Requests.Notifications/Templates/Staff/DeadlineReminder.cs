namespace Requests.Notifications.Templates.Staff;

/// <summary>A deadline is near (5, then 1 working day before it): to the officer and their substitute, or to the head.</summary>
/// <param name="Deadline"><c>answer</c> (the body's) or <c>head-answer</c> (the head's, on a recourse).</param>
public sealed record DeadlineReminder(
    string RecipientName, string TrackingNumber, string Deadline, DateOnly DueOn, int WorkingDaysLeft, string CaseUrl)
    : IEmailTemplate
{
    public const string Template = "deadline-reminder";

    public string Name => Template;

    public RenderedEmail Render(Language language) => language == Language.Arabic ? Arabic() : French();

    private RenderedEmail French()
    {
        var l = Language.French;
        var left = Labels.WorkingDays(WorkingDaysLeft, l);
        return new Letter(l, $"Rappel : dossier {TrackingNumber}, {left} avant la date limite du {Dates.Format(DueOn, l)}")
            .Paragraph(Phrases.StaffGreeting(RecipientName, l))
            .Paragraph($"Il reste {left} pour la {Labels.Deadline(Deadline, l)} dans le dossier {TrackingNumber} : elle est due au plus tard le {Dates.Format(DueOn, l)}.")
            .Facts(
                (Phrases.TrackingNumber(l), TrackingNumber),
                ("Échéance", Labels.Capitalized(Labels.Deadline(Deadline, l))),
                (Phrases.DueOn(l), Dates.Format(DueOn, l)),
                ("Jours ouvrables restants", Labels.Number(WorkingDaysLeft)))
            .Paragraph("Sans réponse à cette date, le dossier sera en retard et signalé au chef de l'organisme ; pour une demande d'information, le silence vaudra refus et ouvrira un recours au demandeur.")
            .Paragraph(Phrases.OpenCase(l), CaseUrl)
            .Render(Template);
    }

    private RenderedEmail Arabic()
    {
        var l = Language.Arabic;
        var left = Labels.WorkingDays(WorkingDaysLeft, l);
        return new Letter(l, $"تذكير: الملف {TrackingNumber}، بقي {left} قبل الأجل الأقصى {Dates.Format(DueOn, l)}")
            .Paragraph(Phrases.StaffGreeting(RecipientName, l))
            .Paragraph($"بقي {left} على أجل {Labels.Deadline(Deadline, l)} في الملف {TrackingNumber}، الذي ينقضي في {Dates.Format(DueOn, l)}.")
            .Facts(
                (Phrases.TrackingNumber(l), TrackingNumber),
                ("الأجل المعني", Labels.Deadline(Deadline, l)),
                (Phrases.DueOn(l), Dates.Format(DueOn, l)),
                ("أيام العمل المتبقية", Labels.Number(WorkingDaysLeft)))
            .Paragraph("إذا لم يتم الرد في هذا الأجل، يصبح الملف متأخرا ويُحال على رئيس الهيئة؛ وبالنسبة لطلبات الحصول على المعلومات، يعتبر عدم الرد رفضا يفتح لصاحب الطلب حق تقديم شكاية.")
            .Paragraph(Phrases.OpenCase(l), CaseUrl)
            .Render(Template);
    }
}
