using Requests.Contracts.Routing;

namespace Requests.Notifications.Templates.Staff;

/// <summary>An officer's morning list: open cases due within 5 working days, and those overdue.</summary>
public sealed record DailyDigest(
    string OfficerName, DateOnly On, IReadOnlyList<DigestLine> DueSoon, IReadOnlyList<DigestLine> Overdue, string QueueUrl)
    : IEmailTemplate
{
    public const string Template = "daily-digest";

    public string Name => Template;

    public RenderedEmail Render(Language language) => language == Language.Arabic ? Arabic() : French();

    private RenderedEmail French()
    {
        var l = Language.French;
        return new Letter(l, $"Vos dossiers du {Dates.Format(On, l)} : {DueSoon.Count} à échéance proche, {Overdue.Count} en retard")
            .Paragraph(Phrases.StaffGreeting(OfficerName, l))
            .Paragraph("Voici vos dossiers ouverts dont la date limite tombe dans les 5 jours ouvrables, et ceux dont elle est dépassée.")
            .Table("À échéance proche", ["Numéro de suivi", "Organisme", "Statut", "Date limite", "Jours ouvrables restants"],
                Rows(DueSoon, l, late: false), "Aucun dossier.")
            .Table("En retard", ["Numéro de suivi", "Organisme", "Statut", "Date limite", "Jours ouvrables de retard"],
                Rows(Overdue, l, late: true), "Aucun dossier.")
            .Paragraph("Votre file de dossiers :", QueueUrl)
            .Render(Template);
    }

    private RenderedEmail Arabic()
    {
        var l = Language.Arabic;
        return new Letter(l, $"ملفاتكم ليوم {Dates.Format(On, l)}: {DueSoon.Count} قريبة الأجل، {Overdue.Count} متأخرة")
            .Paragraph(Phrases.StaffGreeting(OfficerName, l))
            .Paragraph("فيما يلي ملفاتكم المفتوحة التي ينقضي أجلها خلال 5 أيام عمل، والملفات التي انقضى أجلها.")
            .Table("ملفات قريبة الأجل", ["رقم التتبع", "الهيئة", "الوضعية", "الأجل الأقصى", "أيام العمل المتبقية"],
                Rows(DueSoon, l, late: false), "لا يوجد أي ملف.")
            .Table("ملفات متأخرة", ["رقم التتبع", "الهيئة", "الوضعية", "الأجل الأقصى", "أيام التأخير"],
                Rows(Overdue, l, late: true), "لا يوجد أي ملف.")
            .Paragraph("قائمة ملفاتكم:", QueueUrl)
            .Render(Template);
    }

    // overdue lines count their working days left below zero: the table shows how late, as a positive number
    private static List<IReadOnlyList<string>> Rows(IEnumerable<DigestLine> lines, Language language, bool late) =>
    [
        .. lines.OrderBy(x => x.DueOn).ThenBy(x => x.TrackingNumber, StringComparer.Ordinal).Select(x => (IReadOnlyList<string>)
        [
            x.TrackingNumber, x.BodyCode, Labels.Status(x.Status, language), Dates.Format(x.DueOn, language),
            Labels.Number(late ? Math.Abs(x.WorkingDaysLeft) : x.WorkingDaysLeft),
        ]),
    ];
}
