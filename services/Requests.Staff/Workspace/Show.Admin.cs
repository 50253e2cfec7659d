namespace Requests.Staff.Workspace;

/// <summary>The names the head's and the administrator's pages give to the directory's and the calendar's codes.</summary>
public static partial class Show
{
    public static string Name(string french, string arabic) => Arabic ? arabic : french;

    public static string Sector(string sector) => (sector, Arabic) switch
    {
        ("ministry", false) => "Ministère",
        ("ministry", true) => "وزارة",
        ("public-establishment", false) => "Établissement public",
        ("public-establishment", true) => "مؤسسة عمومية",
        ("territorial-collectivity", false) => "Collectivité territoriale",
        ("territorial-collectivity", true) => "جماعة ترابية",
        ("other", false) => "Autre",
        ("other", true) => "أخرى",
        _ => sector,
    };

    public static string OfficerRole(string role) => (role, Arabic) switch
    {
        ("designated", false) => "Chargé désigné",
        ("designated", true) => "مكلف معين",
        ("substitute", false) => "Suppléant",
        ("substitute", true) => "نائب",
        ("head", false) => "Chef de l'organisme",
        ("head", true) => "رئيس الهيئة",
        _ => role,
    };

    public static string HolidayKind(string kind) => (kind, Arabic) switch
    {
        ("fixed", false) => "Fixe",
        ("fixed", true) => "ثابتة",
        ("lunar", false) => "Lunaire",
        ("lunar", true) => "قمرية",
        ("exceptional", false) => "Exceptionnelle",
        ("exceptional", true) => "استثنائية",
        _ => kind,
    };

    public static string Job(string name) => (name, Arabic) switch
    {
        ("deadline-sweep", false) => "Contrôle des délais",
        ("deadline-sweep", true) => "مراقبة الآجال",
        ("daily-digest", false) => "Récapitulatif quotidien",
        ("daily-digest", true) => "الملخص اليومي",
        _ => name,
    };

    public static string JobDescription(string name) => (name, Arabic) switch
    {
        ("deadline-sweep", false) => "Rappelle aux agents chaque échéance 5 et 1 jours ouvrables avant, et déclare un délai dépassé, en l'escaladant au chef de l'organisme.",
        ("deadline-sweep", true) => "يذكّر الموظفين بكل أجل قبل 5 أيام عمل ويوم واحد، ويعلن تجاوز الأجل ويحيله إلى رئيس الهيئة.",
        ("daily-digest", false) => "Prépare le récapitulatif du matin de chaque agent : ses dossiers dus sous 5 jours ouvrables, et ceux en retard.",
        ("daily-digest", true) => "يعدّ الملخص الصباحي لكل موظف: ملفاته المستحقة خلال 5 أيام عمل، والمتأخرة منها.",
        _ => "",
    };
}
