namespace Requests.Notifications.Templates;

/// <summary>Sentences several messages share, so that they read the same everywhere.</summary>
internal static class Phrases
{
    public static string CitizenGreeting(Language language) =>
        language == Language.Arabic ? "سيدتي، سيدي،" : "Madame, Monsieur,";

    public static string StaffGreeting(string name, Language language) =>
        language == Language.Arabic ? $"السيد(ة) {name}،" : $"Bonjour {name},";

    /// <summary>Followed by the portal's address.</summary>
    public static string FollowOnline(Language language) => language == Language.Arabic
        ? "يمكنكم تتبع ملفكم باستعمال رقم التتبع ورمز الولوج على العنوان:"
        : "Vous pouvez suivre votre dossier avec votre numéro de suivi et votre code d'accès à l'adresse :";

    /// <summary>Followed by the case's address in the officers' application.</summary>
    public static string OpenCase(Language language) => language == Language.Arabic
        ? "للاطلاع على الملف:"
        : "Pour ouvrir le dossier :";

    public static string TrackingNumber(Language language) => language == Language.Arabic ? "رقم التتبع" : "Numéro de suivi";

    public static string Body(Language language) => language == Language.Arabic ? "الهيئة" : "Organisme";

    public static string DueOn(Language language) => language == Language.Arabic ? "الأجل الأقصى للرد" : "Date limite de réponse";

    public static string RecourseLastDay(Language language) =>
        language == Language.Arabic ? "آخر أجل لتقديم الشكاية إلى رئيس الهيئة" : "Dernier jour pour le recours au chef de l'organisme";

    /// <summary>Law 31.13 after the head: the Commission, then the court.</summary>
    public static string AfterTheHead(Language language) => language == Language.Arabic
        ? "يتعين على رئيس الهيئة الرد على شكايتكم داخل أجل 15 يوم عمل. وإذا لم يُرضكم رده أو لم يرد داخل هذا الأجل، يمكنكم تقديم شكاية إلى لجنة الحق في الحصول على المعلومات داخل أجل 30 يوما."
        : "Le chef de l'organisme doit vous répondre dans les 15 jours ouvrables. Si sa réponse ne vous satisfait pas, ou s'il ne répond pas dans ce délai, vous pouvez saisir la Commission du droit d'accès à l'information (CDAI) dans les 30 jours.";
}
