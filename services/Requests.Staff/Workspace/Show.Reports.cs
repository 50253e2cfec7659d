using System.Globalization;
using Requests.Staff.Api;

namespace Requests.Staff.Workspace;

/// <summary>The reports' words and numbers: sectors, regions, outcomes by their names; figures to one decimal.</summary>
public static partial class Show
{
    private static readonly CultureInfo Formats = CultureInfo.GetCultureInfo("fr-MA");

    private static readonly string[] ArabicMonths =
        ["يناير", "فبراير", "مارس", "أبريل", "ماي", "يونيو", "يوليوز", "غشت", "شتنبر", "أكتوبر", "نونبر", "دجنبر"];

    // the twelve regions (2015), as the directory writes them in French
    private static readonly Dictionary<string, string> ArabicRegions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Tanger-Tétouan-Al Hoceïma"] = "طنجة تطوان الحسيمة", ["L'Oriental"] = "الشرق", ["Fès-Meknès"] = "فاس مكناس",
        ["Rabat-Salé-Kénitra"] = "الرباط سلا القنيطرة", ["Béni Mellal-Khénifra"] = "بني ملال خنيفرة",
        ["Casablanca-Settat"] = "الدار البيضاء سطات", ["Marrakech-Safi"] = "مراكش آسفي", ["Drâa-Tafilalet"] = "درعة تافيلالت",
        ["Souss-Massa"] = "سوس ماسة", ["Guelmim-Oued Noun"] = "كلميم واد نون",
        ["Laâyoune-Sakia El Hamra"] = "العيون الساقية الحمراء", ["Dakhla-Oued Ed-Dahab"] = "الداخلة وادي الذهب",
    };

    public static string Number(long value) => value.ToString("N0", Formats);

    /// <summary>A rate or a count of days as reporting rounded it: one decimal, a decimal comma, Western digits.</summary>
    public static string OneDecimal(decimal? value) => value is { } v ? v.ToString("0.0", Formats) : "—";

    public static string Percent(decimal? value) => value is { } v ? v.ToString("0.0", Formats) + " %" : "—";

    /// <summary>A change, with its sign: "+2,5", "−1,0".</summary>
    public static string Change(decimal? value) => value is { } v ? v.ToString("+0.0;−0.0;0.0", Formats) : "—";

    public static string Change(long value) => value.ToString("+#,0;−#,0;0", Formats);

    public static string Month(int month) => Arabic
        ? ArabicMonths[month - 1]
        : Requests.Notifications.Templates.Labels.Capitalized(CultureInfo.GetCultureInfo("fr-FR").DateTimeFormat.GetMonthName(month));

    /// <summary>A sector as a heading over its bodies: "Établissements publics".</summary>
    public static string SectorGroup(string code) => (code, Arabic) switch
    {
        ("ministry", false) => "Départements ministériels",
        ("ministry", true) => "القطاعات الوزارية",
        ("public-establishment", false) => "Établissements publics",
        ("public-establishment", true) => "المؤسسات العمومية",
        ("territorial-collectivity", false) => "Collectivités territoriales",
        ("territorial-collectivity", true) => "الجماعات الترابية",
        (_, false) => "Autres organismes",
        (_, true) => "هيئات أخرى",
    };

    /// <summary>A region by its name in the page's language; a region the list does not know keeps its name.</summary>
    public static string Region(string name) => (name, Arabic) switch
    {
        ("unknown", false) => "Région inconnue",
        ("unknown", true) => "جهة غير معروفة",
        (_, true) when ArabicRegions.TryGetValue(name, out var arabic) => arabic,
        _ => name,
    };

    public static string Outcome(string? code) => (code, Arabic) switch
    {
        (null, _) => "—",
        ("granted", false) => "Accordée",
        ("granted", true) => "تمت الاستجابة",
        ("partially-granted", false) => "Accordée en partie",
        ("partially-granted", true) => "استجابة جزئية",
        ("refused", false) => "Refusée",
        ("refused", true) => "مرفوضة",
        ("not-held", false) => "Information non détenue",
        ("not-held", true) => "معلومات غير متوفرة",
        ("founded", false) => "Fondée",
        ("founded", true) => "مؤسسة",
        ("unfounded", false) => "Non fondée",
        ("unfounded", true) => "غير مؤسسة",
        ("not-admissible", false) => "Irrecevable",
        ("not-admissible", true) => "غير مقبولة",
        ("redirected", false) => "Transmise à l'organisme compétent",
        ("redirected", true) => "محالة على الهيئة المختصة",
        _ => code,
    };

    /// <summary>A breakdown's key by its name: <paramref name="table"/> says which breakdown it comes from.</summary>
    public static string Key(string table, string key) => table switch
    {
        "regime-and-kind" => Kind(key[(key.IndexOf('/', StringComparison.Ordinal) + 1)..]),
        "sector" => SectorGroup(key),
        "region" => Region(key),
        "channel" => Channel(key),
        "outcome" => Outcome(key),
        "refusal-ground" => Ground(key),
        "urgency" => (key == "urgent", Arabic) switch
        {
            (true, false) => "Urgentes", (true, true) => "مستعجلة", (false, false) => "Non urgentes", _ => "غير مستعجلة",
        },
        "extension" => (key == "extended", Arabic) switch
        {
            (true, false) => "Prolongées", (true, true) => "ممددة", (false, false) => "Non prolongées", _ => "غير ممددة",
        },
        _ => key,
    };

    /// <summary>A delay bucket: "0 à 10", "181 et plus".</summary>
    public static string Bucket(DelayBucket bucket) => (bucket.To, Arabic) switch
    {
        (null, false) => $"{Number(bucket.From)} et plus",
        (null, true) => $"{Number(bucket.From)} فأكثر",
        ({ } to, false) => $"{Number(bucket.From)} à {Number(to)}",
        ({ } to, true) => $"من {Number(bucket.From)} إلى {Number(to)}",
    };
}
