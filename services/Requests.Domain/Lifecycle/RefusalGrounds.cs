using System.Diagnostics.CodeAnalysis;

namespace Requests.Domain.Lifecycle;

/// <summary>A refusal ground as the wire, the officer and the requester see it.</summary>
public sealed record RefusalGroundText(RefusalGround Ground, string Code, string LabelFr, string LabelAr, bool Article7);

/// <summary>
/// The refusal grounds of Law 31.13 with their stable codes (stored on cases and in reports: never rename one)
/// and their French and Arabic labels, for answers, the officer's form and the annual report.
/// </summary>
public static class RefusalGrounds
{
    public static IReadOnlyList<RefusalGroundText> All { get; } =
    [
        new(RefusalGround.NotHeld, "not-held", "Information non détenue par l'organisme", "المعلومات غير متوفرة لدى الهيئة", false),
        new(RefusalGround.NationalDefence, "national-defence", "Défense nationale", "الدفاع الوطني", true),
        new(RefusalGround.StateSecurity, "state-security", "Sûreté intérieure et extérieure de l'État", "أمن الدولة الداخلي والخارجي", true),
        new(RefusalGround.PrivateLife, "private-life", "Vie privée et données à caractère personnel", "الحياة الخاصة للأفراد والمعطيات ذات الطابع الشخصي", true),
        new(RefusalGround.RightsAndFreedoms, "rights-and-freedoms", "Libertés et droits fondamentaux", "الحريات والحقوق الأساسية", true),
        new(RefusalGround.ProtectionOfSources, "protection-of-sources", "Protection des sources de l'information", "حماية مصادر المعلومات", true),
        new(RefusalGround.ForeignRelations, "foreign-relations", "Relations avec un État étranger ou une organisation internationale", "العلاقات مع دولة أخرى أو منظمة دولية", true),
        new(RefusalGround.MonetaryAndEconomicPolicy, "monetary-and-economic-policy", "Politique monétaire, économique ou financière de l'État", "السياسة النقدية أو الاقتصادية أو المالية للدولة", true),
        new(RefusalGround.IntellectualProperty, "intellectual-property", "Propriété industrielle, droits d'auteur et droits voisins", "حقوق الملكية الصناعية أو حقوق المؤلف والحقوق المجاورة", true),
        new(RefusalGround.VictimsAndWitnesses, "victims-and-witnesses", "Protection des victimes, des témoins, des experts et des dénonciateurs", "حماية الضحايا والشهود والخبراء والمبلغين", true),
        new(RefusalGround.GovernmentDeliberations, "government-deliberations", "Secret des délibérations du Conseil des ministres et du Conseil de gouvernement", "سرية مداولات المجلس الوزاري ومجلس الحكومة", true),
        new(RefusalGround.Investigations, "investigations", "Secret des enquêtes et investigations administratives", "سرية الأبحاث والتحريات الإدارية", true),
        new(RefusalGround.JudicialProceedings, "judicial-proceedings", "Bon déroulement des procédures judiciaires", "سير المساطر القضائية والمساطر التمهيدية المتعلقة بها", true),
        new(RefusalGround.FreeCompetition, "free-competition", "Libre concurrence et initiative privée", "مبادئ المنافسة الحرة والمشروعة والمبادرة الخاصة", true),
        new(RefusalGround.AlreadyPublished, "already-published", "Information déjà publiée", "معلومات سبق نشرها", false),
        new(RefusalGround.RepeatedRequest, "repeated-request", "Demande répétée au cours de la même année", "طلب متكرر خلال نفس السنة", false),
        new(RefusalGround.UnclearRequest, "unclear-request", "Demande imprécise", "طلب غير واضح", false),
        new(RefusalGround.InPreparation, "in-preparation", "Information en cours d'élaboration", "معلومات في طور الإعداد", false),
        new(RefusalGround.DepositedWithArchives, "deposited-with-archives", "Information déposée auprès des Archives du Maroc", "معلومات مودعة لدى مؤسسة أرشيف المغرب", false),
    ];

    /// <summary>The text of a ground; an undefined value throws <see cref="ArgumentOutOfRangeException"/>.</summary>
    public static RefusalGroundText Of(RefusalGround ground) =>
        Enum.IsDefined(ground) ? All[(int)ground] : throw new ArgumentOutOfRangeException(nameof(ground), ground, "Unknown refusal ground.");

    public static bool TryParse(string? code, [NotNullWhen(true)] out RefusalGroundText? ground)
    {
        ground = All.FirstOrDefault(g => string.Equals(g.Code, code, StringComparison.Ordinal));
        return ground is not null;
    }
}
