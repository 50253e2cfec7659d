using System.Globalization;
using Requests.Domain.Lifecycle;

namespace Requests.Notifications.Templates;

/// <summary>The words the messages share, in both languages: kinds of case, statuses, deadlines, outcomes, counts.</summary>
public static class Labels
{
    /// <summary>"votre demande", "شكايتكم": the citizen's own case, by its kind.</summary>
    public static string YourCase(string kind, Language language) => (kind, language) switch
    {
        ("complaint", Language.French) => "votre réclamation",
        ("observation", Language.French) => "votre observation",
        ("suggestion", Language.French) => "votre suggestion",
        (_, Language.French) => "votre demande",
        ("complaint", _) => "شكايتكم",
        ("observation", _) => "ملاحظتكم",
        ("suggestion", _) => "اقتراحكم",
        _ => "طلبكم",
    };

    /// <summary>The kind of a case, for staff: "Demande d'accès à l'information", "شكاية".</summary>
    public static string Kind(string kind, Language language) => (kind, language) switch
    {
        ("complaint", Language.French) => "Réclamation",
        ("observation", Language.French) => "Observation",
        ("suggestion", Language.French) => "Suggestion",
        (_, Language.French) => "Demande d'accès à l'information",
        ("complaint", _) => "شكاية",
        ("observation", _) => "ملاحظة",
        ("suggestion", _) => "اقتراح",
        _ => "طلب الحصول على المعلومات",
    };

    /// <summary>Whose answer a deadline waits for: the body's (<c>answer</c>) or its head's on a recourse (<c>head-answer</c>).</summary>
    public static string Deadline(string deadline, Language language) => (deadline, language) switch
    {
        ("head-answer", Language.French) => "réponse du chef de l'organisme au recours",
        (_, Language.French) => "réponse de l'organisme",
        ("head-answer", _) => "رد رئيس الهيئة على الشكاية",
        _ => "رد الهيئة",
    };

    public static string Status(string code, Language language)
    {
        if (!LifecycleCodes.TryParse(code, out CaseStatus status))
            return code;
        var arabic = language == Language.Arabic;
        return status switch
        {
            CaseStatus.Received => arabic ? "تم التوصل به" : "Reçu",
            CaseStatus.Assigned => arabic ? "مسند" : "Attribué",
            CaseStatus.Accepted => arabic ? "قيد المعالجة" : "En cours",
            CaseStatus.AwaitingClarification => arabic ? "في انتظار توضيح" : "En attente de précision",
            CaseStatus.Extended => arabic ? "ممدد" : "Prolongé",
            CaseStatus.DeadlineMissed => arabic ? "انقضى الأجل" : "Délai dépassé",
            CaseStatus.Answered => arabic ? "تم الرد" : "Répondu",
            CaseStatus.Redirected => arabic ? "محال" : "Transmis",
            CaseStatus.Closed => arabic ? "مغلق" : "Classé",
            CaseStatus.UnderRecourse => arabic ? "موضوع شكاية" : "En recours",
            CaseStatus.RecourseDeadlineMissed => arabic ? "انقضى أجل الرد على الشكاية" : "Délai du recours dépassé",
            CaseStatus.RecourseAnswered => arabic ? "تم الرد على الشكاية" : "Recours répondu",
            CaseStatus.Reopened => arabic ? "أعيد فتحه" : "Rouvert",
            CaseStatus.Rated => arabic ? "تم تقييمه" : "Évalué",
            _ => code,
        };
    }

    /// <summary>The refusal ground's label from the domain's table; an unknown code is shown as it is.</summary>
    public static string Ground(string code, Language language) =>
        RefusalGrounds.TryParse(code, out var ground) ? (language == Language.Arabic ? ground.LabelAr : ground.LabelFr) : code;

    /// <summary>"1 jour ouvrable", "5 jours ouvrables"; Arabic has a singular, a dual, a plural (3 to 10) and 11 and more.</summary>
    public static string WorkingDays(int count, Language language)
    {
        var n = count.ToString(CultureInfo.InvariantCulture);
        if (language == Language.French)
            return Math.Abs(count) <= 1 ? $"{n} jour ouvrable" : $"{n} jours ouvrables";
        return Math.Abs(count) switch
        {
            1 => "يوم عمل واحد",
            2 => "يوما عمل",
            >= 3 and <= 10 => $"{n} أيام عمل",
            _ => $"{n} يوم عمل",
        };
    }

    public static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    public static string Yes(Language language) => language == Language.Arabic ? "نعم" : "Oui";

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
