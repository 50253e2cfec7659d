namespace Requests.Notifications.Templates.Staff;

/// <summary>One line of <see cref="GroupedNotices"/>: a case and what the held notice said of it (its template).</summary>
public sealed record GroupedLine(string TrackingNumber, DateOnly DueOn, string Template);

/// <summary>An officer's notices that came faster than grouping allows (new cases, reminders, overdue cases), told at the
/// end of their window in one message: the counts, then every case, the earliest due first, and the queue.</summary>
public sealed record GroupedNotices(IReadOnlyList<GroupedLine> Lines, string QueueUrl) : IEmailTemplate
{
    public const string Template = "grouped-notices";

    public string Name => Template;

    public RenderedEmail Render(Language language)
    {
        var l = language;
        var ar = l == Language.Arabic;
        int Count(string template) => Lines.Count(x => x.Template == template);
        var (assigned, reminders, overdue) = (Count(CaseAssignedNotice.Template), Count(DeadlineReminder.Template), Count(OverdueNotice.Template));
        var earliest = Lines.Min(x => x.DueOn);
        return new Letter(l, ar
                ? $"{Labels.Number(Lines.Count)} إشعارا بشأن ملفاتكم، أقرب أجل في {Dates.Format(earliest, l)}"
                : $"{Labels.Number(Lines.Count)} avis sur vos dossiers, première date limite le {Dates.Format(earliest, l)}")
            .Paragraph(ar
                ? "توصلتم بعدة إشعارات في وقت وجيز، فجمعناها في هذه الرسالة."
                : "Plusieurs avis vous sont parvenus en peu de temps : les voici réunis en un seul message.")
            .Facts(
                (ar ? "ملفات جديدة" : "Nouveaux dossiers", Labels.Number(assigned)),
                (ar ? "تذكيرات" : "Rappels", Labels.Number(reminders)),
                (ar ? "ملفات متأخرة" : "Dossiers en retard", Labels.Number(overdue)),
                (ar ? "أقرب أجل" : "Première date limite", Dates.Format(earliest, l)))
            .Table(ar ? "الملفات" : "Les dossiers", [Phrases.TrackingNumber(l), ar ? "الإشعار" : "Avis", Phrases.DueOn(l)],
                [.. Lines.OrderBy(x => x.DueOn).ThenBy(x => x.TrackingNumber, StringComparer.Ordinal)
                    .Select(x => (IReadOnlyList<string>)[x.TrackingNumber, What(x.Template, ar), Dates.Format(x.DueOn, l)])],
                ar ? "لا يوجد أي ملف." : "Aucun dossier.")
            .Paragraph(ar ? "قائمة ملفاتكم:" : "Votre file de dossiers :", QueueUrl)
            .Render(Template);
    }

    private static string What(string template, bool arabic) => template switch
    {
        CaseAssignedNotice.Template => arabic ? "ملف جديد" : "nouveau dossier",
        DeadlineReminder.Template => arabic ? "تذكير" : "rappel",
        _ => arabic ? "متأخر" : "en retard",
    };
}
