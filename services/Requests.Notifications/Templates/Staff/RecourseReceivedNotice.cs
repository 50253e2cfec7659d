namespace Requests.Notifications.Templates.Staff;

/// <summary>What a recourse contests: a refusal (total, partial, not held) or the body's silence.</summary>
public enum RecourseBasis
{
    Refusal,
    Silence,
}

/// <summary>To the head of the body: a requester contests the body's refusal or silence; the head answers by <see cref="AnswerDueOn"/>.</summary>
public sealed record RecourseReceivedNotice(
    string HeadName, string TrackingNumber, BodyName Body, RecourseBasis Basis, string? Text, DateOnly FiledOn,
    DateOnly AnswerDueOn, string CaseUrl) : IEmailTemplate
{
    public const string Template = "recourse-received";

    public string Name => Template;

    public RenderedEmail Render(Language language) => language == Language.Arabic ? Arabic() : French();

    private RenderedEmail French()
    {
        var l = Language.French;
        var letter = new Letter(l, $"Recours reçu : dossier {TrackingNumber}, réponse due le {Dates.Format(AnswerDueOn, l)}")
            .Paragraph(Phrases.StaffGreeting(HeadName, l))
            .Paragraph(Basis == RecourseBasis.Silence
                ? $"Le demandeur du dossier {TrackingNumber} vous adresse un recours : l'organisme ne lui a pas répondu dans le délai."
                : $"Le demandeur du dossier {TrackingNumber} vous adresse un recours contre le refus de l'organisme.")
            .Facts(
                (Phrases.TrackingNumber(l), TrackingNumber),
                (Phrases.Body(l), Body.Fr),
                ("Recours déposé le", Dates.Format(FiledOn, l)),
                ("Votre réponse est due le", Dates.Format(AnswerDueOn, l)));
        if (!string.IsNullOrWhiteSpace(Text))
            letter.Paragraph("Ce qu'écrit le demandeur :").Quote(Text);
        return letter
            .Paragraph($"Vous devez répondre au plus tard le {Dates.Format(AnswerDueOn, l)} (15 jours ouvrables). Sans réponse, le demandeur pourra saisir la Commission du droit d'accès à l'information (CDAI).")
            .Paragraph(Phrases.OpenCase(l), CaseUrl)
            .Render(Template);
    }

    private RenderedEmail Arabic()
    {
        var l = Language.Arabic;
        var letter = new Letter(l, $"شكاية واردة: الملف {TrackingNumber}، الرد مستحق في {Dates.Format(AnswerDueOn, l)}")
            .Paragraph(Phrases.StaffGreeting(HeadName, l))
            .Paragraph(Basis == RecourseBasis.Silence
                ? $"قدم صاحب الطلب في الملف {TrackingNumber} شكاية إليكم لعدم رد الهيئة داخل الأجل."
                : $"قدم صاحب الطلب في الملف {TrackingNumber} شكاية إليكم ضد قرار الرفض الصادر عن الهيئة.")
            .Facts(
                (Phrases.TrackingNumber(l), TrackingNumber),
                (Phrases.Body(l), Body.Ar),
                ("تاريخ تقديم الشكاية", Dates.Format(FiledOn, l)),
                ("الأجل الأقصى لردكم", Dates.Format(AnswerDueOn, l)));
        if (!string.IsNullOrWhiteSpace(Text))
            letter.Paragraph("نص الشكاية:").Quote(Text);
        return letter
            .Paragraph($"يتعين عليكم الرد في أجل أقصاه {Dates.Format(AnswerDueOn, l)} (15 يوم عمل). وفي حالة عدم الرد، يمكن لصاحب الطلب تقديم شكاية إلى لجنة الحق في الحصول على المعلومات.")
            .Paragraph(Phrases.OpenCase(l), CaseUrl)
            .Render(Template);
    }
}
