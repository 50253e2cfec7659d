using System.Globalization;
using System.Text.RegularExpressions;
using Requests.Notifications.Templates;
using Requests.Staff.Api;

namespace Requests.Staff.Workspace;

/// <summary>The case page's words: moves, outcomes, deliveries, the due date's reasoning, and the law's refusals.</summary>
public static partial class Show
{
    public static string Action(string code) => Pick(code switch
    {
        "file" => ("Dépôt", "الإيداع"),
        "assign" => ("Attribution", "الإسناد"),
        "accept" => ("Prise en charge", "التكفل بالملف"),
        "ask-clarification" => ("Demande de précision", "طلب توضيح"),
        "receive-clarification" => ("Précision reçue", "التوصل بالتوضيح"),
        "extend" => ("Prolongation du délai", "تمديد الأجل"),
        "answer" => ("Réponse", "الرد"),
        "redirect" => ("Transmission à l'organisme compétent", "الإحالة على الهيئة المختصة"),
        "close" => ("Classement", "الحفظ"),
        "reassign" => ("Réattribution", "إعادة الإسناد"),
        "miss-deadline" => ("Délai dépassé", "انقضاء الأجل"),
        "file-recourse" => ("Recours auprès du chef de l'organisme", "شكاية إلى رئيس الهيئة"),
        "answer-recourse" => ("Réponse au recours", "الرد على الشكاية"),
        "reopen" => ("Réouverture", "إعادة الفتح"),
        "rate" => ("Évaluation", "التقييم"),
        "flag" => ("À attribuer par une personne", "يتطلب إسنادا يدويا"),
        "recompute-due-date" => ("Échéance recalculée (calendrier corrigé)", "إعادة حساب الأجل (تصحيح الجدول)"),
        _ => (code, code),
    });

    /// <summary>An audit entry's note in words: routing writes an answer as "outcome (ground): text", a hand-over as
    /// "role: name" or "to officer", a redirection as "to body: reasons".</summary>
    public static string Note(string action, string note)
    {
        if (action is "answer" or "answer-recourse" && AnswerNote().Match(note) is { Success: true } answer)
            return Outcome(answer.Groups[1].Value) + (answer.Groups[2].Success ? " — " + Ground(answer.Groups[2].Value) : "")
                + (Arabic ? ": " : " : ") + answer.Groups[3].Value;
        if (action == "assign" && note.Split(": ", 2) is [("designated" or "substitute" or "head"), var name])
            return name;
        return note.StartsWith("to ", StringComparison.Ordinal) ? note[3..] : note;
    }

    [GeneratedRegex(@"^([a-z-]+)(?: \(([a-z-]+)\))?: (.*)$", RegexOptions.Singleline)]
    private static partial Regex AnswerNote();

    public static string Delivery(string status) => Pick(status switch
    {
        "pending" => ("En attente d'envoi", "في انتظار الإرسال"),
        "sent" => ("Envoyé", "أرسل"),
        "failed" => ("Échec de l'envoi", "تعذر الإرسال"),
        "held" => ("En attente d'un envoi groupé", "في انتظار إرسال مجمع"),
        "grouped" => ("Envoyé dans un message groupé", "أرسل ضمن رسالة مجمعة"),
        "postal" => ("À imprimer et poster", "للطبع والإرسال بالبريد"),
        "posted" => ("Posté", "أرسل بالبريد"),
        _ => (status, status),
    });

    public static string Body(BodyChoice? body, string code) => body is null ? code : Arabic ? body.NameAr : body.NameFr;

    /// <summary>One step of the due date's reasoning, in words.</summary>
    public static string Step(DueStep s) => s.Kind switch
    {
        "rule" => Arabic
            ? $"الأجل القانوني ({Labels.Deadline(s.Step ?? "answer", Lang)}): {Days(s.Days, s.Unit)}"
            : $"Délai légal ({Labels.Deadline(s.Step ?? "answer", Lang)}) : {Days(s.Days, s.Unit)}",
        "day-zero" => Arabic ? $"اليوم صفر (التوصل): {Date(s.Date)}" : $"Jour zéro (réception) : {Date(s.Date)}",
        "urgent" => Arabic ? $"طلب مستعجل: أجل {Days(s.Days, s.Unit)}" : $"Demande urgente : délai de {Days(s.Days, s.Unit)}",
        "extension" => Arabic ? $"التمديد: + {Days(s.Days, s.Unit)}" : $"Prolongation : + {Days(s.Days, s.Unit)}",
        "pause" => Arabic
            ? $"توقف من {Date(s.Date)} إلى {Date(s.To)}: + {Days(s.Days, s.Unit)}"
            : $"Suspension du {Date(s.Date)} au {Date(s.To)} : + {Days(s.Days, s.Unit)}",
        "weekend" => Arabic ? $"أيام نهاية الأسبوع المستثناة: {Number(s.Days ?? 0)}" : $"Jours de fin de semaine non comptés : {Number(s.Days ?? 0)}",
        "holiday" => (Arabic ? $"عطلة: {s.NameAr} ({Date(s.Date)})" : $"Jour férié : {s.NameFr} ({Date(s.Date)})")
            + (s.Estimated == true ? (Arabic ? " — تاريخ تقديري" : " — date estimée") : ""),
        "due" => Arabic ? $"آخر أجل: {Date(s.Date)}" : $"Échéance : {Date(s.Date)}",
        _ => s.Kind,
    };

    private static string Days(int? days, string? unit)
    {
        var n = days ?? 0;
        if (unit != "calendar")
            return Labels.WorkingDays(n, Lang);
        var text = n.ToString(CultureInfo.InvariantCulture);
        return Arabic
            ? n switch { 1 => "يوم واحد", 2 => "يومان", >= 3 and <= 10 => $"{text} أيام", _ => $"{text} يوما" }
            : n <= 1 ? $"{text} jour" : $"{text} jours";
    }

    /// <summary>A service's refusal of a move, said in the page's language and placed on the field it concerns: the
    /// law's messages are known by their first words; any other is shown as the service wrote it.</summary>
    public static (string? Field, string Message) Refusal(string? field, string message)
    {
        if (message.Contains(" is required to ", StringComparison.Ordinal) && field is not null && Required(field) is { } required)
            return (field, Pick(required));
        foreach (var (start, onField, fr, ar) in Refusals)
            if (message.StartsWith(start, StringComparison.Ordinal) || message.Contains(start, StringComparison.Ordinal))
                return (field ?? onField, Pick((fr, ar)));
        return (field, message);
    }

    private static (string Fr, string Ar)? Required(string field) => field switch
    {
        "question" => ("Dites ce que le demandeur doit préciser.", "حددوا ما يجب على صاحب الطلب توضيحه."),
        "answer" => ("Saisissez la précision reçue du demandeur.", "أدخلوا التوضيح الذي توصلتم به من صاحب الطلب."),
        "reasons" => ("Indiquez les raisons : elles sont communiquées au demandeur.", "اذكروا الأسباب: يتم تبليغها إلى صاحب الطلب."),
        "outcome" => ("Choisissez la réponse.", "اختاروا الرد."),
        "bodyCode" => ("Choisissez l'organisme compétent.", "اختاروا الهيئة المختصة."),
        "reason" => ("Indiquez le motif du classement.", "اذكروا سبب الحفظ."),
        "officerId" => ("Choisissez un agent de l'organisme.", "اختاروا موظفا من الهيئة."),
        _ => null,
    };

    private static readonly (string Start, string Field, string Fr, string Ar)[] Refusals =
    [
        ("cannot be received in the future", "receivedOn", "La date de réception ne peut pas être dans le futur.", "لا يمكن أن يكون تاريخ التوصل في المستقبل."),
        ("cannot be received before the clarification was asked", "receivedOn", "La date de réception ne peut pas précéder la demande de précision.", "لا يمكن أن يسبق تاريخ التوصل طلب التوضيح."),
        ("can be extended only once", "reasons", "Le délai ne peut être prolongé qu'une seule fois (loi 31.13).", "لا يمكن تمديد الأجل إلا مرة واحدة (القانون 31.13)."),
        ("An urgent request's answer period", "reasons", "Le délai d'une demande urgente ne peut pas être prolongé.", "لا يمكن تمديد أجل طلب مستعجل."),
        ("must be announced before the deadline", "reasons", "La prolongation doit être annoncée avant l'échéance.", "يجب الإعلان عن التمديد قبل انقضاء الأجل."),
        ("An extension must give the requester its reasons", "reasons", "Indiquez les raisons de la prolongation : elles sont communiquées au demandeur (loi 31.13).", "اذكروا أسباب التمديد: يتم تبليغها إلى صاحب الطلب (القانون 31.13)."),
        ("A full grant refuses nothing", "refusalGround", "Une réponse favorable ne cite pas de motif de refus.", "لا تتضمن الموافقة الكاملة أي سبب للرفض."),
        ("must name its legal ground", "refusalGround", "Un refus, total ou partiel, doit citer son motif légal (loi 31.13).", "يجب أن يستند الرفض، الكلي أو الجزئي، إلى سبب قانوني (القانون 31.13)."),
        ("A refusal because the information is not held", "outcome", "Pour une information que l'organisme ne détient pas, choisissez la réponse « Information non détenue ».", "إذا كانت المعلومات غير متوفرة لدى الهيئة، اختاروا الرد «المعلومات غير متوفرة»."),
        ("cannot name another ground", "refusalGround", "Une réponse « Information non détenue » ne cite pas d'autre motif.", "لا يتضمن الرد «المعلومات غير متوفرة» سببا آخر."),
        ("must give its reasons in writing", "text", "Un refus doit être motivé par écrit (loi 31.13).", "يجب تعليل الرفض كتابة (القانون 31.13)."),
        ("A complaint's answer has no refusal ground", "refusalGround", "La réponse à une réclamation ne cite pas de motif de refus.", "لا يتضمن الرد على الشكاية سببا للرفض."),
        ("A complaint found not admissible", "text", "Dites pourquoi la réclamation est irrecevable.", "اذكروا سبب عدم قبول الشكاية."),
        ("A complaint's answer must give its reasons", "text", "La réponse à une réclamation doit être motivée (décret 2.17.265).", "يجب تعليل الرد على الشكاية (المرسوم 2.17.265)."),
        ("is not an outcome", "outcome", "Choisissez une réponse de la liste.", "اختاروا ردا من القائمة."),
        ("Unknown refusal ground", "refusalGround", "Choisissez un motif de la liste.", "اختاروا سببا من القائمة."),
        ("needs its reason on record", "reason", "Indiquez le motif du classement (retrait du demandeur, doublon).", "اذكروا سبب الحفظ (سحب الطلب، طلب مكرر)."),
        ("must say what is unclear", "question", "Dites ce que le demandeur doit préciser.", "حددوا ما يجب على صاحب الطلب توضيحه."),
        ("cannot be paused once it has run out", "question", "Le délai est échu : il ne peut plus être suspendu.", "انقضى الأجل: لم يعد من الممكن إيقافه."),
        ("The clarification received is empty", "answer", "Saisissez la précision reçue du demandeur.", "أدخلوا التوضيح الذي توصلتم به من صاحب الطلب."),
        ("A redirection must give its reasons", "reasons", "Dites pourquoi l'organisme n'est pas compétent.", "اذكروا سبب عدم اختصاص الهيئة."),
        ("already at this body", "bodyCode", "Le dossier est déjà à cet organisme : choisissez l'organisme compétent.", "الملف لدى هذه الهيئة أصلا: اختاروا الهيئة المختصة."),
        ("There is no body", "bodyCode", "Choisissez un organisme de l'annuaire.", "اختاروا هيئة من الدليل."),
        ("There is no officer", "officerId", "Choisissez un agent de l'organisme.", "اختاروا موظفا من الهيئة."),
    ];

    private static string Pick((string Fr, string Ar) text) => Arabic ? text.Ar : text.Fr;
}
