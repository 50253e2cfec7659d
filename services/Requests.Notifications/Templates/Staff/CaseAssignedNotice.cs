namespace Requests.Notifications.Templates.Staff;

/// <summary>A new case for an officer (or for the substitute of an officer who is away, named in <see cref="InPlaceOf"/>).</summary>
public sealed record CaseAssignedNotice(
    string OfficerName, string TrackingNumber, string Kind, BodyName Body, string Subject, DateOnly ReceivedOn,
    DateOnly DueOn, bool Urgent, string CaseUrl, string? InPlaceOf = null) : IEmailTemplate
{
    public const string Template = "case-assigned";

    public string Name => Template;

    public RenderedEmail Render(Language language) => language == Language.Arabic ? Arabic() : French();

    private RenderedEmail French()
    {
        var l = Language.French;
        return new Letter(l, $"Nouveau dossier {TrackingNumber} à traiter au plus tard le {Dates.Format(DueOn, l)}")
            .Paragraph(Phrases.StaffGreeting(OfficerName, l))
            .Paragraph(InPlaceOf is null
                ? "Un nouveau dossier vous est attribué."
                : $"Un nouveau dossier vous est attribué en tant que suppléant(e) de {InPlaceOf}.")
            .Facts(
                (Phrases.TrackingNumber(l), TrackingNumber),
                ("Type", Labels.Kind(Kind, l)),
                (Phrases.Body(l), Body.Fr),
                ("Objet", Subject),
                ("Date de réception", Dates.Format(ReceivedOn, l)),
                (Phrases.DueOn(l), Dates.Format(DueOn, l)),
                ("Urgent", Urgent ? Labels.Yes(l) : null))
            .Paragraph(Phrases.OpenCase(l), CaseUrl)
            .Render(Template);
    }

    private RenderedEmail Arabic()
    {
        var l = Language.Arabic;
        return new Letter(l, $"ملف جديد {TrackingNumber} تجب معالجته في أجل أقصاه {Dates.Format(DueOn, l)}")
            .Paragraph(Phrases.StaffGreeting(OfficerName, l))
            .Paragraph(InPlaceOf is null
                ? "أُسند إليكم ملف جديد."
                : $"أُسند إليكم ملف جديد بصفتكم نائبا عن {InPlaceOf}.")
            .Facts(
                (Phrases.TrackingNumber(l), TrackingNumber),
                ("النوع", Labels.Kind(Kind, l)),
                (Phrases.Body(l), Body.Ar),
                ("الموضوع", Subject),
                ("تاريخ التوصل", Dates.Format(ReceivedOn, l)),
                (Phrases.DueOn(l), Dates.Format(DueOn, l)),
                ("مستعجل", Urgent ? Labels.Yes(l) : null))
            .Paragraph(Phrases.OpenCase(l), CaseUrl)
            .Render(Template);
    }
}
