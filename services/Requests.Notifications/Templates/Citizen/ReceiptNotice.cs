namespace Requests.Notifications.Templates.Citizen;

/// <summary>
/// The acknowledgment of a filing: the tracking number and access code that let the citizen follow it, the due date,
/// and what the law lets them do next (Law 31.13 for information, Decree 2.17.265 for complaints).
/// </summary>
/// <param name="Regime"><c>information</c> or <c>complaint</c>.</param>
/// <param name="Kind"><c>request</c>, <c>complaint</c>, <c>observation</c> or <c>suggestion</c>.</param>
public sealed record ReceiptNotice(
    string TrackingNumber, string AccessCode, string Regime, string Kind, BodyName Body, string Subject,
    DateOnly ReceivedOn, DateOnly DueOn, bool Urgent, string FollowUrl) : IEmailTemplate
{
    public const string Template = "receipt";

    public string Name => Template;

    public RenderedEmail Render(Language language) => language == Language.Arabic ? Arabic() : French();

    private bool Information => Regime == "information";

    private RenderedEmail French()
    {
        var l = Language.French;
        var letter = new Letter(l, $"Accusé de réception de {Labels.YourCase(Kind, l)} n° {TrackingNumber}")
            .Paragraph(Phrases.CitizenGreeting(l))
            .Paragraph($"{Labels.Capitalized(Labels.YourCase(Kind, l))} a bien été reçue. Conservez ce message : le numéro de suivi et le code d'accès ci-dessous vous permettent de suivre votre dossier.")
            .Facts(
                (Phrases.TrackingNumber(l), TrackingNumber),
                ("Code d'accès", AccessCode),
                (Phrases.Body(l), Body.Fr),
                ("Objet", Subject),
                ("Date de réception", Dates.Format(ReceivedOn, l)),
                (Phrases.DueOn(l), Dates.Format(DueOn, l)),
                ("Demande urgente", Urgent ? Labels.Yes(l) : null));
        if (Information)
        {
            letter.Paragraph(Urgent
                    ? $"Votre demande est traitée comme urgente : l'organisme doit vous répondre au plus tard le {Dates.Format(DueOn, l)}."
                    : $"L'organisme doit vous répondre au plus tard le {Dates.Format(DueOn, l)}. Ce délai peut être prolongé une seule fois, de 20 jours ouvrables : vous en seriez informé(e) par écrit, avec les motifs, avant qu'il n'expire.")
                .Paragraph("Si votre demande est refusée, ou si vous n'obtenez pas de réponse dans le délai, vous pouvez adresser un recours au chef de l'organisme dans les 20 jours ouvrables, puis saisir la Commission du droit d'accès à l'information (CDAI).")
                .Paragraph("L'accès à l'information est gratuit : seuls les frais de reproduction et d'envoi peuvent vous être demandés.");
        }
        else
        {
            letter.Paragraph($"L'organisme doit vous répondre, de manière motivée, au plus tard le {Dates.Format(DueOn, l)} (60 jours).")
                .Paragraph("Après la réponse, vous pourrez rouvrir votre dossier si elle ne vous satisfait pas, et évaluer la réponse.");
        }
        return letter
            .Paragraph("Gardez votre code d'accès pour vous : il donne accès à votre dossier.")
            .Paragraph(Phrases.FollowOnline(l), FollowUrl)
            .Render(Template);
    }

    private RenderedEmail Arabic()
    {
        var l = Language.Arabic;
        var letter = new Letter(l, $"إشعار بالتوصل ب{Labels.YourCase(Kind, l)} رقم {TrackingNumber}")
            .Paragraph(Phrases.CitizenGreeting(l))
            .Paragraph($"تم التوصل ب{Labels.YourCase(Kind, l)} من طرف {Body.Ar}. يرجى الاحتفاظ بهذه الرسالة: يمكّنكم رقم التتبع ورمز الولوج المبيّنان أسفله من تتبع ملفكم.")
            .Facts(
                (Phrases.TrackingNumber(l), TrackingNumber),
                ("رمز الولوج", AccessCode),
                (Phrases.Body(l), Body.Ar),
                ("الموضوع", Subject),
                ("تاريخ التوصل", Dates.Format(ReceivedOn, l)),
                (Phrases.DueOn(l), Dates.Format(DueOn, l)),
                ("طلب مستعجل", Urgent ? Labels.Yes(l) : null));
        if (Information)
        {
            letter.Paragraph(Urgent
                    ? $"يعالج طلبكم بصفة مستعجلة: يتعين على الهيئة الرد عليه في أجل أقصاه {Dates.Format(DueOn, l)}."
                    : $"يتعين على الهيئة الرد على طلبكم في أجل أقصاه {Dates.Format(DueOn, l)}. ويمكن تمديد هذا الأجل مرة واحدة لمدة 20 يوم عمل، على أن تُخبَروا بذلك كتابة مع بيان أسباب التمديد قبل انقضاء الأجل.")
                .Paragraph("إذا رُفض طلبكم أو لم تتلقوا ردا داخل الأجل، يمكنكم تقديم شكاية إلى رئيس الهيئة داخل أجل 20 يوم عمل، ثم إلى لجنة الحق في الحصول على المعلومات.")
                .Paragraph("الحصول على المعلومات مجاني، ولا يمكن أن يُطلب منكم سوى أداء تكلفة النسخ والإرسال.");
        }
        else
        {
            letter.Paragraph($"يتعين على الهيئة الرد على {Labels.YourCase(Kind, l)} بشكل معلل في أجل أقصاه {Dates.Format(DueOn, l)} (60 يوما).")
                .Paragraph("وبعد الرد، يمكنكم إعادة فتح ملفكم إذا لم يُرضكم الرد، كما يمكنكم تقييمه.");
        }
        return letter
            .Paragraph("احتفظوا برمز الولوج لأنفسكم، فهو يتيح الاطلاع على ملفكم.")
            .Paragraph(Phrases.FollowOnline(l), FollowUrl)
            .Render(Template);
    }
}
