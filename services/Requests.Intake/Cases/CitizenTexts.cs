using Requests.Contracts.Routing;
using Requests.Domain.Deadlines;
using Requests.Domain.Lifecycle;
using Requests.Intake.Bodies;
using Requests.Intake.Storage;
using Requests.Notifications.Templates;

namespace Requests.Intake.Cases;

/// <summary>
/// What the citizen reads on their timeline, in plain French or Arabic: what happened, what it means for them, until
/// when they may act. Never the officer's name nor the body's internal notes.
/// </summary>
public static class CitizenTexts
{
    public static string Day(DateOnly date, Language language) => Dates.Format(date, language);

    /// <summary>The status as the citizen's page names it.</summary>
    public static string Status(string code, Language language)
    {
        var ar = language == Language.Arabic;
        return code switch
        {
            "received" => ar ? "تم التوصل به، في انتظار إسناده" : "reçue, en attente d'attribution",
            "assigned" => ar ? "أسند إلى موظف بالهيئة" : "confiée à un agent de l'organisme",
            "accepted" => ar ? "قيد المعالجة" : "en cours de traitement",
            "awaiting-clarification" => ar ? "في انتظار توضيحكم (الأجل موقوف)" : "en attente de votre précision (délai suspendu)",
            "extended" => ar ? "قيد المعالجة، تم تمديد الأجل" : "en cours, délai prolongé",
            "deadline-missed" => ar ? "لم يتم الرد داخل الأجل القانوني" : "sans réponse dans le délai légal",
            "answered" => ar ? "تم الرد" : "répondue",
            "redirected" => ar ? "أحيل على الهيئة المختصة" : "transmise à l'organisme compétent",
            "closed" => ar ? "تم حفظه" : "classée",
            "under-recourse" => ar ? "شكاية قيد الدراسة لدى رئيس الهيئة" : "recours en cours auprès du chef de l'organisme",
            "recourse-deadline-missed" => ar ? "لم يتم الرد على الشكاية داخل الأجل القانوني" : "recours sans réponse dans le délai légal",
            "recourse-answered" => ar ? "تم الرد على الشكاية" : "recours répondu",
            "reopened" => ar ? "أعيد فتحه" : "rouverte",
            "rated" => ar ? "تم الرد والتقييم" : "répondue et notée",
            _ => code,
        };
    }

    public static string Received(CaseRecord record, string? fromTrackingNumber, string? fromBody, Language language)
    {
        var ar = language == Language.Arabic;
        var on = Day(record.ReceivedOn, language);
        var how = record.RedirectedFrom is not null
            ? ar ? $"أحيل من طرف {fromBody ?? "هيئة أخرى"} (رقم التتبع {fromTrackingNumber}) وتم التوصل به في {on}"
                : $"Transmise par {fromBody ?? "un autre organisme"} (numéro de suivi {fromTrackingNumber}) et reçue le {on}"
            : (record.Channel, ar) switch
            {
                ("portal", false) => $"Reçue sur le portail le {on}",
                ("email", false) => $"Reçue par courrier électronique le {on}",
                ("post", false) => $"Reçue par courrier postal le {on}",
                ("counter", false) => $"Déposée au guichet le {on}",
                ("phone", false) => $"Reçue par téléphone le {on}",
                (_, false) => $"Reçue le {on}",
                ("portal", true) => $"تم التوصل بملفكم عبر البوابة في {on}",
                ("email", true) => $"تم التوصل بملفكم عبر البريد الإلكتروني في {on}",
                ("post", true) => $"تم التوصل بملفكم عبر البريد العادي في {on}",
                ("counter", true) => $"تم إيداع ملفكم بالشباك في {on}",
                ("phone", true) => $"تم التوصل بملفكم عبر الهاتف في {on}",
                _ => $"تم التوصل بملفكم في {on}",
            };
        return how + (ar ? "، " : " ; ") + Due(record.DueOn, language) + ".";
    }

    public static string Assigned(DateOnly dueOn, Language language) => language == Language.Arabic
        ? $"أسند ملفكم إلى موظف بالهيئة، {Due(dueOn, language)}."
        : $"Votre dossier a été confié à un agent de l'organisme ; {Due(dueOn, language)}.";

    /// <param name="to">For a redirection: the competent body.</param>
    /// <param name="newTrackingNumber">For a redirection: the number of the case opened there.</param>
    /// <param name="commissionLastDay">When the head's answer or silence opens the Commission (CDAI): its last day.</param>
    public static string Move(CaseMoved move, MoveCodes codes, Body? to, string? newTrackingNumber,
        DateOnly? commissionLastDay, DateOnly? recourseDueOn, Language language)
    {
        var text = string.IsNullOrWhiteSpace(move.Text) ? null : move.Text.Trim();
        return language == Language.Arabic
            ? MoveAr(move, codes, to?.NameAr ?? move.RedirectedTo, newTrackingNumber, commissionLastDay, recourseDueOn, text)
            : MoveFr(move, codes, to?.NameFr ?? move.RedirectedTo, newTrackingNumber, commissionLastDay, recourseDueOn, text);
    }

    private static string MoveFr(CaseMoved move, MoveCodes codes, string? bodyName, string? newTrackingNumber,
        DateOnly? commissionLastDay, DateOnly? recourseDueOn, string? text)
    {
        const Language fr = Language.French;
        return codes.Trigger switch
        {
            CaseTrigger.Assign when codes.From == CaseStatus.Received => Assigned(move.DueOn, fr),
            CaseTrigger.Assign => "Votre dossier a été confié à un autre agent de l'organisme ; la date limite ne change pas.",
            CaseTrigger.Accept => $"L'organisme a pris votre dossier en charge ; {Due(move.DueOn, fr)}.",
            CaseTrigger.AskClarification => $"L'organisme vous demande une précision : « {text} ». Le délai est suspendu jusqu'à votre "
                + "réponse, que vous pouvez envoyer depuis le suivi de votre dossier.",
            CaseTrigger.ReceiveClarification => $"Votre précision a été reçue : le délai reprend, {Due(move.DueOn, fr)}.",
            CaseTrigger.Extend => "L'organisme a prolongé une fois le délai de réponse, comme la loi 31.13 le permet : "
                + $"{Due(move.DueOn, fr)}{(move.PreviousDueOn is { } before ? $" (au lieu du {Day(before, fr)})" : "")}."
                + (text is null ? "" : $" Motifs : {text}"),
            CaseTrigger.Answer => Answer(move, codes, text, fr),
            CaseTrigger.Redirect => $"L'organisme n'est pas compétent : votre demande a été transmise le {Day(move.OccurredOn, fr)} à : {bodyName}"
                + (newTrackingNumber is null ? "." : $", sous le nouveau numéro de suivi {newTrackingNumber}. Suivez-la avec le même code d'accès.")
                + (text is null ? "" : $" Motif : {text}"),
            CaseTrigger.Close => (move.ActorRole == "citizen" ? "Votre dossier a été classé à votre demande." : "Votre dossier a été classé sans réponse.")
                + (text is null ? "" : $" Motif : {text}"),
            CaseTrigger.MissDeadline when codes.To == CaseStatus.RecourseDeadlineMissed => HeadSilence(recourseDueOn ?? move.DueOn, commissionLastDay, fr),
            CaseTrigger.MissDeadline => DeadlineMissed(move.Regime, move.Kind, move.DueOn, move.RecourseLastDay, fr),
            CaseTrigger.FileRecourse => "Votre recours auprès du chef de l'organisme a été enregistré"
                + (recourseDueOn is { } due ? $" ; sa réponse est attendue au plus tard le {Day(due, fr)}." : "."),
            CaseTrigger.AnswerRecourse => $"Le chef de l'organisme a répondu à votre recours : {InformationOutcome(codes, fr)}"
                + (text is null ? "" : $" Réponse : {text}")
                + (commissionLastDay is { } last
                    ? $" Si elle ne vous satisfait pas, vous pouvez saisir la Commission du droit d'accès à l'information (CDAI) jusqu'au {Day(last, fr)}."
                    : ""),
            CaseTrigger.Reopen => $"Votre {Noun(move.Kind, fr)} a été rouverte : l'organisme la traite à nouveau, {Due(move.DueOn, fr)}.",
            CaseTrigger.Rate => $"Votre note de {move.Rating}/5 sur la réponse a été enregistrée.",
            _ => $"Votre dossier est passé à l'état « {Status(move.ToStatus, fr)} ».",
        };
    }

    private static string MoveAr(CaseMoved move, MoveCodes codes, string? bodyName, string? newTrackingNumber,
        DateOnly? commissionLastDay, DateOnly? recourseDueOn, string? text)
    {
        const Language ar = Language.Arabic;
        return codes.Trigger switch
        {
            CaseTrigger.Assign when codes.From == CaseStatus.Received => Assigned(move.DueOn, ar),
            CaseTrigger.Assign => "أسند ملفكم إلى موظف آخر بالهيئة، ولم يتغير الأجل الأقصى للرد.",
            CaseTrigger.Accept => $"تكفلت الهيئة بملفكم، {Due(move.DueOn, ar)}.",
            CaseTrigger.AskClarification => $"تطلب منكم الهيئة التوضيح التالي: «{text}». يتوقف احتساب الأجل إلى حين جوابكم، "
                + "ويمكنكم إرساله من صفحة تتبع ملفكم.",
            CaseTrigger.ReceiveClarification => $"تم التوصل بتوضيحكم: يُستأنف احتساب الأجل، {Due(move.DueOn, ar)}.",
            CaseTrigger.Extend => "مددت الهيئة أجل الرد مرة واحدة، كما يسمح بذلك القانون رقم 31.13: "
                + $"{Due(move.DueOn, ar)}{(move.PreviousDueOn is { } before ? $" (بدلا من {Day(before, ar)})" : "")}."
                + (text is null ? "" : $" أسباب التمديد: {text}"),
            CaseTrigger.Answer => Answer(move, codes, text, ar),
            CaseTrigger.Redirect => $"الهيئة غير مختصة: أحيل ملفكم في {Day(move.OccurredOn, ar)} على: {bodyName}"
                + (newTrackingNumber is null ? "." : $"، تحت رقم التتبع الجديد {newTrackingNumber}. تابعوه برمز الولوج نفسه.")
                + (text is null ? "" : $" السبب: {text}"),
            CaseTrigger.Close => (move.ActorRole == "citizen" ? "تم حفظ ملفكم بناء على طلبكم." : "تم حفظ ملفكم دون رد.")
                + (text is null ? "" : $" السبب: {text}"),
            CaseTrigger.MissDeadline when codes.To == CaseStatus.RecourseDeadlineMissed => HeadSilence(recourseDueOn ?? move.DueOn, commissionLastDay, ar),
            CaseTrigger.MissDeadline => DeadlineMissed(move.Regime, move.Kind, move.DueOn, move.RecourseLastDay, ar),
            CaseTrigger.FileRecourse => "تم تسجيل شكايتكم إلى رئيس الهيئة"
                + (recourseDueOn is { } due ? $"، ويُنتظر رده في أجل أقصاه {Day(due, ar)}." : "."),
            CaseTrigger.AnswerRecourse => $"رد رئيس الهيئة على شكايتكم: {InformationOutcome(codes, ar)}"
                + (text is null ? "" : $" الرد: {text}")
                + (commissionLastDay is { } last
                    ? $" إذا لم يُرضكم هذا الرد، يمكنكم تقديم شكاية إلى لجنة الحق في الحصول على المعلومات في أجل أقصاه {Day(last, ar)}."
                    : ""),
            CaseTrigger.Reopen => $"أعيد فتح {Noun(move.Kind, ar)}: تعيد الهيئة دراسة ملفكم، {Due(move.DueOn, ar)}.",
            CaseTrigger.Rate => $"تم تسجيل تقييمكم للرد: {move.Rating}/5.",
            _ => $"انتقل ملفكم إلى الحالة «{Status(move.ToStatus, ar)}».",
        };
    }

    /// <summary>The body's silence past its deadline: for information, an implicit refusal that opens the recourse.</summary>
    public static string DeadlineMissed(string regime, string kind, DateOnly dueOn, DateOnly? recourseLastDay, Language language) =>
        (regime == "information", language == Language.Arabic) switch
        {
            (true, false) => $"L'organisme n'a pas répondu dans le délai légal, échu le {Day(dueOn, language)} : ce silence vaut refus implicite (loi 31.13). "
                + "Vous pouvez former un recours auprès du chef de l'organisme"
                + (recourseLastDay is { } last ? $" jusqu'au {Day(last, language)}." : "."),
            (false, false) => $"L'organisme n'a pas répondu à votre {Noun(kind, language)} dans le délai, échu le {Day(dueOn, language)}. Une réponse motivée reste due.",
            (true, true) => $"لم ترد الهيئة داخل الأجل القانوني الذي انقضى في {Day(dueOn, language)}: يعتبر عدم الرد رفضا ضمنيا (القانون رقم 31.13). "
                + "يمكنكم تقديم شكاية إلى رئيس الهيئة"
                + (recourseLastDay is { } last2 ? $" إلى غاية {Day(last2, language)}." : "."),
            (false, true) => $"لم ترد الهيئة على {Noun(kind, language)} داخل الأجل الذي انقضى في {Day(dueOn, language)}. ويبقى الرد المعلل واجبا.",
        };

    /// <summary>The head's silence on a recourse: an implicit refusal that opens the complaint to the Commission.</summary>
    public static string HeadSilence(DateOnly dueOn, DateOnly? commissionLastDay, Language language) => language == Language.Arabic
        ? $"لم يرد رئيس الهيئة على شكايتكم داخل الأجل الذي انقضى في {Day(dueOn, language)}: يعتبر عدم الرد رفضا ضمنيا. "
            + "يمكنكم تقديم شكاية إلى لجنة الحق في الحصول على المعلومات"
            + (commissionLastDay is { } last ? $" في أجل أقصاه {Day(last, language)}." : ".")
        : $"Le chef de l'organisme n'a pas répondu à votre recours dans le délai, échu le {Day(dueOn, language)} : ce silence vaut refus "
            + "implicite. Vous pouvez saisir la Commission du droit d'accès à l'information (CDAI)"
            + (commissionLastDay is { } last2 ? $" jusqu'au {Day(last2, language)}." : ".");

    public static string DueDateChanged(DueDateChanged change, DeadlineStep step, Language language) => language == Language.Arabic
        ? "تم تصحيح جدول أيام العطل: " + step switch
        {
            DeadlineStep.HeadAnswer => "الأجل الأقصى لرد رئيس الهيئة على شكايتكم",
            DeadlineStep.RecourseHead => "آخر أجل لتقديم شكاية إلى رئيس الهيئة",
            _ => "الأجل الأقصى لرد الهيئة",
        } + $" أصبح {Day(change.DueOn, language)} بدلا من {Day(change.PreviousDueOn, language)}. السبب: {change.Reason}"
            + (change.ReopenedStatus is null ? "" : " وبما أن هذا الأجل لم ينقض بعد، فقد أُلغي تسجيل تجاوزه، وعاد ملفكم قيد المعالجة.")
        : "Le calendrier des jours fériés a été corrigé : " + step switch
        {
            DeadlineStep.HeadAnswer => "la date limite de la réponse du chef de l'organisme à votre recours",
            DeadlineStep.RecourseHead => "le dernier jour pour former un recours auprès du chef de l'organisme",
            _ => "la date limite de la réponse de l'organisme",
        } + $" passe du {Day(change.PreviousDueOn, language)} au {Day(change.DueOn, language)}. Motif : {change.Reason}"
            + (change.ReopenedStatus is null ? "" : " Ce délai n'étant pas échu, le dépassement constaté est annulé : votre dossier est de nouveau en cours de traitement.");

    public static string ActionRefused(string action, string reason, Language language) => language == Language.Arabic
        ? $"تعذر على الهيئة الاستجابة ل{ActionNoun(action, language)}: {reason}"
        : $"L'organisme n'a pas pu donner suite à votre {ActionNoun(action, language)} : {reason}";

    /// <summary>A citizen's action as their timeline shows it, with where it stands.</summary>
    public static string Action(CitizenAction action, Language language) => language == Language.Arabic
        ? $"أرسلتم {ActionWithArticle(action, language)}: " + action.State switch
        {
            "done" => "تم أخذ ذلك بعين الاعتبار.",
            "refused" => $"لم يتم قبول ذلك ({action.RefusalReason}).",
            _ => "في انتظار المعالجة.",
        }
        : $"Vous avez envoyé {ActionWithArticle(action, language)} : " + action.State switch
        {
            "done" => "pris en compte.",
            "refused" => $"non retenu ({action.RefusalReason}).",
            _ => "en attente de traitement.",
        };

    private static string Due(DateOnly dueOn, Language language) => language == Language.Arabic
        ? $"ويُنتظر الرد في أجل أقصاه {Day(dueOn, language)}"
        : $"réponse attendue au plus tard le {Day(dueOn, language)}";

    private static string Answer(CaseMoved move, MoveCodes codes, string? text, Language language)
    {
        var ar = language == Language.Arabic;
        var noun = Noun(move.Kind, language);
        var head = move.Regime == "information"
            ? (ar ? "ردت الهيئة: " : "L'organisme a répondu : ") + InformationOutcome(codes, language)
            : (codes.ComplaintAnswer, ar) switch
            {
                (ComplaintOutcome.Founded, false) => $"L'organisme a répondu à votre {noun} et la juge fondée.",
                (ComplaintOutcome.Unfounded, false) => $"L'organisme a répondu à votre {noun} et la juge non fondée.",
                (ComplaintOutcome.NotAdmissible, false) => $"L'organisme ne peut pas traiter votre {noun} : l'affaire est devant la justice, "
                    + "déjà jugée, ou relève d'un procès-verbal de police judiciaire.",
                (_, false) => $"L'organisme a répondu à votre {noun}.",
                (ComplaintOutcome.Founded, true) => $"ردت الهيئة على {noun}. مآل الملف: مؤسسة.",
                (ComplaintOutcome.Unfounded, true) => $"ردت الهيئة على {noun}. مآل الملف: غير مؤسسة.",
                (ComplaintOutcome.NotAdmissible, true) => $"لا يمكن للهيئة معالجة {noun}: القضية معروضة على القضاء أو سبق البت فيها، "
                    + "أو موضوع محضر للشرطة القضائية.",
                _ => $"ردت الهيئة على {noun}.",
            };
        var answer = text is null ? "" : (ar ? $" الرد: {text}" : $" Réponse : {text}");
        var next = move.Regime == "information"
            ? move.RecourseLastDay is { } last
                ? ar ? $" إذا كنتم تعترضون على هذا الرد، يمكنكم تقديم شكاية إلى رئيس الهيئة في أجل أقصاه {Day(last, language)}."
                    : $" Si vous contestez cette réponse, vous pouvez former un recours auprès du chef de l'organisme jusqu'au {Day(last, language)}."
                : ""
            : ar ? " يمكنكم تقييم هذا الرد، أو إعادة فتح ملفكم إذا لم يُرضكم."
                : $" Vous pouvez noter cette réponse, ou rouvrir votre {noun} si elle ne vous satisfait pas.";
        return head + answer + next;
    }

    private static string InformationOutcome(MoveCodes codes, Language language)
    {
        var ground = codes.Ground is { } g ? RefusalGrounds.Of(g) : null;
        if (language == Language.Arabic)
            return codes.Answer switch
            {
                AnswerOutcome.Granted => "تم تمكينكم من المعلومات المطلوبة.",
                AnswerOutcome.PartiallyGranted => "تم تمكينكم من جزء من المعلومات المطلوبة"
                    + (ground is null ? "." : $"، ورُفض الباقي للسبب التالي: {ground.LabelAr}."),
                AnswerOutcome.Refused => "تم رفض طلبكم" + (ground is null ? "." : $" للسبب التالي: {ground.LabelAr}."),
                AnswerOutcome.NotHeld => "لا تتوفر الهيئة على المعلومات المطلوبة.",
                _ => "انظروا الرد أدناه.",
            };
        var label = ground?.LabelFr.ToLowerInvariant();
        return codes.Answer switch
        {
            AnswerOutcome.Granted => "l'accès à l'information vous est accordé.",
            AnswerOutcome.PartiallyGranted => "l'accès vous est accordé en partie"
                + (label is null ? "." : $" ; le reste est refusé pour le motif suivant : {label}."),
            AnswerOutcome.Refused => "votre demande est refusée" + (label is null ? "." : $" pour le motif suivant : {label}."),
            AnswerOutcome.NotHeld => "l'organisme ne détient pas l'information demandée.",
            _ => "voir la réponse ci-dessous.",
        };
    }

    // French after "votre", Arabic with its possessive
    private static string Noun(string kind, Language language) => (kind, language) switch
    {
        ("observation", Language.French) => "observation",
        ("suggestion", Language.French) => "suggestion",
        ("request", Language.French) => "demande",
        (_, Language.French) => "réclamation",
        ("observation", _) => "ملاحظتكم",
        ("suggestion", _) => "اقتراحكم",
        ("request", _) => "طلبكم",
        _ => "شكايتكم",
    };

    private static string ActionNoun(string action, Language language) => (action, language) switch
    {
        (CitizenActions.FileRecourse, Language.French) => "recours auprès du chef de l'organisme",
        (CitizenActions.Reopen, Language.French) => "demande de réouverture",
        (CitizenActions.Rate, Language.French) => "note",
        (CitizenActions.Clarify, Language.French) => "précision",
        (CitizenActions.Withdraw, Language.French) => "demande de retrait",
        (_, Language.French) => "demande",
        (CitizenActions.FileRecourse, _) => "شكايتكم إلى رئيس الهيئة",
        (CitizenActions.Reopen, _) => "طلب إعادة فتح الملف",
        (CitizenActions.Rate, _) => "تقييمكم",
        (CitizenActions.Clarify, _) => "توضيحكم",
        (CitizenActions.Withdraw, _) => "طلب سحب الملف",
        _ => "طلبكم",
    };

    private static string ActionWithArticle(CitizenAction action, Language language) => (action.Action, language) switch
    {
        (CitizenActions.FileRecourse, Language.French) => "un recours auprès du chef de l'organisme",
        (CitizenActions.Reopen, Language.French) => "une demande de réouverture",
        (CitizenActions.Rate, Language.French) => $"une note de {action.Rating}/5",
        (CitizenActions.Clarify, Language.French) => "une précision",
        (CitizenActions.Withdraw, Language.French) => "une demande de retrait",
        (_, Language.French) => "une demande",
        (CitizenActions.FileRecourse, _) => "شكاية إلى رئيس الهيئة",
        (CitizenActions.Reopen, _) => "طلب إعادة فتح الملف",
        (CitizenActions.Rate, _) => $"تقييما للرد: {action.Rating}/5",
        (CitizenActions.Clarify, _) => "توضيحا",
        (CitizenActions.Withdraw, _) => "طلب سحب الملف",
        _ => "طلبا",
    };
}
