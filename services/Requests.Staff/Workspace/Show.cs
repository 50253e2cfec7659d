using System.Globalization;
using Requests.Notifications.Templates;

namespace Requests.Staff.Workspace;

/// <summary>How the pages write codes, dates and numbers in the page's language: names, never codes.</summary>
public static partial class Show
{
    private static Requests.Notifications.Templates.Language Lang => WorkspaceLanguages.Current;

    private static bool Arabic => Lang == Requests.Notifications.Templates.Language.Arabic;

    public static string Date(DateOnly date) => Dates.Brief(date, Lang);

    public static string Date(DateOnly? date) => date is { } d ? Date(d) : "—";

    public static string Time(DateTimeOffset at) => string.Create(CultureInfo.InvariantCulture,
        $"{Date(DateOnly.FromDateTime(at.ToLocalTime().DateTime))} {at.ToLocalTime():HH:mm}");

    public static string Number(int value) => value.ToString("N0", CultureInfo.GetCultureInfo("fr-MA"));

    public static string Status(string code) => Labels.Status(code, Lang);

    public static string Ground(string code) => Labels.Ground(code, Lang);

    public static string Kind(string kind) => Labels.Kind(kind, Lang);

    public static string WorkingDays(int count) => Labels.WorkingDays(count, Lang);

    public static string Regime(string regime) => (regime, Arabic) switch
    {
        ("complaint", false) => "Réclamations",
        ("complaint", true) => "الشكايات",
        (_, false) => "Accès à l'information",
        (_, true) => "الحصول على المعلومات",
    };

    public static string Channel(string channel) => (channel, Arabic) switch
    {
        ("post", false) => "Courrier",
        ("post", true) => "البريد",
        ("counter", false) => "Guichet",
        ("counter", true) => "الشباك",
        ("email", false) => "Courriel",
        ("email", true) => "البريد الإلكتروني",
        ("phone", false) => "Téléphone",
        ("phone", true) => "الهاتف",
        (_, false) => "Portail",
        (_, true) => "البوابة",
    };

    public static string LanguageName(string code) => code == "ar" ? "العربية" : "Français";

    public static string Role(string role) => (role, Arabic) switch
    {
        ("officer", false) => "Chargé de l'information",
        ("officer", true) => "المكلف بالمعلومات",
        ("head", false) => "Chef d'organisme",
        ("head", true) => "رئيس الهيئة",
        ("ministry", false) => "Ministère",
        ("ministry", true) => "الوزارة",
        ("admin", false) => "Administrateur",
        ("admin", true) => "المدير",
        _ => role,
    };

    /// <summary>The working days left, in words: overdue and due soon are said, not only coloured.</summary>
    public static (string Text, string Tone) DaysLeft(int? days) => days switch
    {
        null => (Arabic ? "متوقف (في انتظار توضيح)" : "Suspendu (précision attendue)", "paused"),
        < 0 => (Arabic ? $"متأخر ب{Labels.WorkingDays(-days.Value, Lang)}" : $"En retard de {Labels.WorkingDays(-days.Value, Lang)}", "overdue"),
        0 => (Arabic ? "آخر أجل اليوم" : "Dernier jour aujourd'hui", "due-soon"),
        <= 5 => (Arabic ? $"يتبقى {Labels.WorkingDays(days.Value, Lang)}" : $"Reste {Labels.WorkingDays(days.Value, Lang)}", "due-soon"),
        _ => (Arabic ? $"يتبقى {Labels.WorkingDays(days.Value, Lang)}" : $"Reste {Labels.WorkingDays(days.Value, Lang)}", "on-time"),
    };
}
