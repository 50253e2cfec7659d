namespace Requests.Notifications.Templates.Staff;

/// <summary>
/// To the head of the body: a case of the body passed its deadline without an answer. For an information request the
/// silence is an implicit refusal, and the requester may turn to the head until <see cref="RecourseLastDay"/>.
/// </summary>
public sealed record EscalationNotice(
    string HeadName, string TrackingNumber, BodyName Body, string? OfficerName, DateOnly DueOn, DateOnly? RecourseLastDay,
    string CaseUrl) : IEmailTemplate
{
    public const string Template = "escalation";

    public string Name => Template;

    public RenderedEmail Render(Language language) => language == Language.Arabic ? Arabic() : French();

    private RenderedEmail French()
    {
        var l = Language.French;
        var letter = new Letter(l, $"Dossier en retard signalé : {TrackingNumber}")
            .Paragraph(Phrases.StaffGreeting(HeadName, l))
            .Paragraph($"Le dossier {TrackingNumber} n'a pas reçu de réponse dans le délai, qui a expiré le {Dates.Format(DueOn, l)}. Il vous est signalé en tant que chef de l'organisme.")
            .Facts(
                (Phrases.TrackingNumber(l), TrackingNumber),
                (Phrases.Body(l), Body.Fr),
                ("Chargé(e) de l'information", OfficerName),
                ("Date limite dépassée", Dates.Format(DueOn, l)),
                (Phrases.RecourseLastDay(l), RecourseLastDay is { } last ? Dates.Format(last, l) : null));
        if (RecourseLastDay is { } lastDay)
            letter.Paragraph($"Pour une demande d'information, ce silence vaut refus : le demandeur peut vous adresser un recours jusqu'au {Dates.Format(lastDay, l)}.");
        return letter
            .Paragraph(Phrases.OpenCase(l), CaseUrl)
            .Render(Template);
    }

    private RenderedEmail Arabic()
    {
        var l = Language.Arabic;
        var letter = new Letter(l, $"إحالة ملف متأخر: {TrackingNumber}")
            .Paragraph(Phrases.StaffGreeting(HeadName, l))
            .Paragraph($"لم يتم الرد على الملف {TrackingNumber} داخل الأجل الذي انقضى في {Dates.Format(DueOn, l)}. ويُحال عليكم بصفتكم رئيس الهيئة.")
            .Facts(
                (Phrases.TrackingNumber(l), TrackingNumber),
                (Phrases.Body(l), Body.Ar),
                ("المكلف(ة) بالمعلومات", OfficerName),
                ("الأجل المنقضي", Dates.Format(DueOn, l)),
                (Phrases.RecourseLastDay(l), RecourseLastDay is { } last ? Dates.Format(last, l) : null));
        if (RecourseLastDay is { } lastDay)
            letter.Paragraph($"بالنسبة لطلبات الحصول على المعلومات، يعتبر عدم الرد رفضا: يمكن لصاحب الطلب تقديم شكاية إليكم إلى غاية {Dates.Format(lastDay, l)}.");
        return letter
            .Paragraph(Phrases.OpenCase(l), CaseUrl)
            .Render(Template);
    }
}
