using System.Globalization;
using System.Text;
using Requests.Contracts.Routing;
using Requests.Notifications.Templates;
using Requests.Notifications.Templates.Citizen;
using Requests.Notifications.Templates.Staff;

namespace Requests.Notifications.Samples;

/// <summary>
/// Every message with sample data, and the files of <c>docs/notifications/</c> rendered from them. One information
/// request to the Ministry of Economy and Finance, received on Monday 2 November 2026, and one complaint to the CNSS.
/// </summary>
public static class Samples
{
    private static readonly BodyName Mef = new("Ministère de l'Économie et des Finances", "وزارة الاقتصاد والمالية");
    private static readonly BodyName Cnss = new("Caisse nationale de sécurité sociale", "الصندوق الوطني للضمان الاجتماعي");
    private const string Portal = "https://requests.example.ma/suivi";
    private const string Cases = "https://requests.example.ma/staff/cases/DAI-2026-000123";

    // the dates Law 31.13 gives this request (6 and 18 November, 1, 11 and 14 January are holidays):
    private static readonly DateOnly ReceivedOn = new(2026, 11, 2);   // Monday, day zero
    private static readonly DateOnly DueOn = new(2026, 12, 2);        // 20 working days after
    private static readonly DateOnly ExtendedTo = new(2026, 12, 30);  // 20 more working days
    private static readonly DateOnly RefusedOn = new(2026, 12, 22);
    private static readonly DateOnly RecourseLastDay = new(2027, 1, 22); // 20 working days after the refusal
    private static readonly DateOnly SilenceLastDay = new(2027, 2, 1);   // 20 working days after the extended due date
    private static readonly DateOnly RecourseFiledOn = new(2027, 1, 4);
    private static readonly DateOnly HeadDueOn = new(2027, 1, 27);       // 15 working days after the recourse

    /// <summary>Every message; what people write (questions, reasons, answers) in <paramref name="language"/>.</summary>
    public static IReadOnlyList<IEmailTemplate> All(Language language)
    {
        string T(string fr, string ar) => language == Language.Arabic ? ar : fr;
        return
        [
            new ReceiptNotice("DAI-2026-000123", "7KQ2M-X9RTP", "information", "request", Mef,
                T("Budget exécuté 2025 de la direction régionale de Casablanca", "الميزانية المنفذة لسنة 2025 للمديرية الجهوية بالدار البيضاء"),
                ReceivedOn, DueOn, Urgent: false, Portal),
            new ClarificationAsked("DAI-2026-000123", "request", Mef,
                T("Précisez, s'il vous plaît, la période concernée :\nl'exercice 2025 entier, ou seulement le second semestre ?",
                    "المرجو تحديد الفترة المعنية:\nسنة 2025 كاملة، أم النصف الثاني منها فقط؟"),
                new DateOnly(2026, 11, 5), Portal),
            new ClarificationReceived("DAI-2026-000123", "request", Mef, new DateOnly(2026, 11, 12), new DateOnly(2026, 12, 9), Portal,
                new SentDocuments([new SentDocument("reponse-precision.pdf", 184_320)], Attached: true)),
            new ExtensionNotice("DAI-2026-000123", Mef,
                T("Les documents demandés sont conservés par trois directions régionales et doivent être rassemblés.",
                    "الوثائق المطلوبة محفوظة لدى ثلاث مديريات جهوية ويتعين تجميعها."),
                DueOn, ExtendedTo, Portal),
            new AnswerNotice("DAI-2026-000123", Mef, "partially-granted",
                T("Vous trouverez ci-joint le budget exécuté 2025.\nLes marchés en cours de contentieux ne peuvent pas être communiqués.",
                    "تجدون رفقته الميزانية المنفذة لسنة 2025.\nلا يمكن تبليغ الصفقات موضوع نزاع قضائي."),
                RefusedOn, Portal, RefusalGround: "judicial-proceedings", RecourseLastDay: RecourseLastDay),
            new RefusalNotice("DAI-2026-000123", Mef, "private-life",
                T("Les documents demandés contiennent les salaires nominatifs des agents de la direction.",
                    "تتضمن الوثائق المطلوبة الأجور الاسمية لموظفي المديرية."), RefusedOn, RecourseLastDay, Portal),
            new SilenceNotice("DAI-2026-000123", Mef, ExtendedTo, SilenceLastDay, Portal),
            new RedirectionNotice("DAI-2026-000123", "request", Mef, Cnss, "DAI-2026-000131",
                T("Les cotisations sociales relèvent de la Caisse nationale de sécurité sociale.",
                    "تدخل الاشتراكات الاجتماعية ضمن اختصاص الصندوق الوطني للضمان الاجتماعي."), new DateOnly(2026, 12, 3), Portal),
            new ComplaintAnswerNotice("REC-2026-000045", "complaint", Cnss, "founded",
                T("Votre dossier de remboursement a été régularisé le 10 décembre 2026 ; le virement suivra sous huit jours.",
                    "تمت تسوية ملف الاسترجاع الخاص بكم بتاريخ 10 دجنبر 2026، وسيتم التحويل داخل أجل ثمانية أيام."),
                new DateOnly(2026, 12, 11), Portal),
            new RecourseAnswerNotice("DAI-2026-000123", Mef, "partially-granted",
                T("Les montants des salaires par grade vous sont communiqués ; les noms des agents restent protégés.",
                    "تُبلَّغ إليكم مبالغ الأجور حسب الدرجة، وتبقى أسماء الموظفين محمية."),
                new DateOnly(2027, 1, 20), new DateOnly(2027, 2, 19), Portal),
            new HeadSilenceNotice("DAI-2026-000123", Mef, HeadDueOn, new DateOnly(2027, 2, 26), Portal),
            new ComplaintDelayNotice("REC-2026-000045", "complaint", Cnss, new DateOnly(2026, 12, 11), Portal),
            new CaseAssignedNotice("Karim Tazi", "DAI-2026-000123", "request", Mef,
                T("Budget exécuté 2025 de la direction régionale de Casablanca", "الميزانية المنفذة لسنة 2025 للمديرية الجهوية بالدار البيضاء"),
                ReceivedOn, DueOn, Urgent: false, Cases,
                InPlaceOf: "Youssef Benali"),
            new DeadlineReminder("Youssef Benali", "DAI-2026-000123", "answer", ExtendedTo, 5, Cases),
            new OverdueNotice("Youssef Benali", "DAI-2026-000123", "answer", ExtendedTo, SilenceLastDay, Cases),
            new DailyDigest("Youssef Benali", new DateOnly(2026, 12, 23),
                [
                    new DigestLine(Guid.Empty, "DAI-2026-000123", "MEF", "extended", ExtendedTo, 5),
                    new DigestLine(Guid.Empty, "DAI-2026-000140", "MEF", "accepted", new DateOnly(2026, 12, 28), 3),
                ],
                [new DigestLine(Guid.Empty, "REC-2026-000031", "MEF", "deadline-missed", new DateOnly(2026, 12, 18), -3)],
                "https://requests.example.ma/staff/queue"),
            new EscalationNotice("Nadia Chraibi", "DAI-2026-000123", Mef, "Youssef Benali", ExtendedTo, SilenceLastDay, Cases),
            new RecourseReceivedNotice("Nadia Chraibi", "DAI-2026-000123", Mef, RecourseBasis.Refusal,
                T("Les salaires des agents publics sont fixés par des textes publiés : je demande les montants par grade, sans les noms.",
                    "أجور الموظفين العموميين محددة بنصوص منشورة: أطلب المبالغ حسب الدرجة، دون الأسماء."),
                RecourseFiledOn, HeadDueOn, Cases),
        ];
    }

    /// <summary>The files of docs/notifications, by name: each message in each language (.html and .txt), and index.md.</summary>
    public static IReadOnlyDictionary<string, string> Files()
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var index = new StringBuilder("""
            # Notifications as they are sent

            Each message of `services/Requests.Notifications/Templates`, rendered with sample data by
            `dotnet run --project tools/Requests.Notifications.Samples` (which rewrites this folder). Open an `.html` file in a
            browser to see what the recipient's mail client shows; the `.txt` file is the plain-text part of the same e-mail.

            | template | to | subject (fr) | fr | ar |
            |---|---|---|---|---|

            """);
        foreach (var language in new[] { Language.French, Language.Arabic })
        {
            foreach (var email in All(language).Select(t => t.Render(language)))
            {
                files[$"{email.Template}.{language.Code()}.html"] = email.Html;
                files[$"{email.Template}.{language.Code()}.txt"] = email.Text;
            }
        }
        foreach (var template in All(Language.French))
        {
            var to = template.GetType().Namespace!.EndsWith(".Citizen", StringComparison.Ordinal) ? "citizen" : "staff";
            var subject = template.Render(Language.French).Subject.Replace("|", "\\|", StringComparison.Ordinal);
            index.Append(CultureInfo.InvariantCulture, $"| `{template.Name}` | {to} | {subject} | [html]({template.Name}.fr.html) · [text]({template.Name}.fr.txt) | [html]({template.Name}.ar.html) · [text]({template.Name}.ar.txt) |\n");
        }
        files["index.md"] = index.ToString();
        return files;
    }
}
