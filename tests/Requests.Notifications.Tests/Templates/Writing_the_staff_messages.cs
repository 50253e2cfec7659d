using Requests.Contracts.Routing;
using Requests.Notifications.Templates;
using Requests.Notifications.Templates.Staff;
using static Requests.Notifications.Tests.Templates.TemplateAssert;

namespace Requests.Notifications.Tests.Templates;

public sealed class Writing_the_staff_messages
{
    private static readonly BodyName Mef = new("Ministère de l'Économie et des Finances", "وزارة الاقتصاد والمالية");
    private const string Case = "https://requests.example.ma/staff/cases/DAI-2026-000123";

    [Theory]
    [InlineData(Language.French, "Nouveau dossier DAI-2026-000123 à traiter au plus tard le mercredi 2 décembre 2026",
        "Bonjour Karim Tazi,", "en tant que suppléant(e) de Youssef Benali", "Type : Demande d'accès à l'information")]
    [InlineData(Language.Arabic, "ملف جديد DAI-2026-000123 تجب معالجته في أجل أقصاه الأربعاء 2 دجنبر 2026",
        "السيد(ة) Karim Tazi،", "بصفتكم نائبا عن Youssef Benali", "النوع: طلب الحصول على المعلومات")]
    public void A_new_case_tells_the_substitute_whom_they_stand_in_for(
        Language language, string subject, string greeting, string inPlaceOf, string kind)
    {
        var notice = new CaseAssignedNotice("Karim Tazi", "DAI-2026-000123", "request", Mef, "Budget 2025",
            new DateOnly(2026, 11, 2), new DateOnly(2026, 12, 2), Urgent: true, Case, InPlaceOf: "Youssef Benali");

        var email = Rendered(notice, language, "case-assigned");

        Assert.Equal(subject, email.Subject);
        Assert.Contains(greeting, email.Text, StringComparison.Ordinal);
        Assert.Contains(inPlaceOf, email.Text, StringComparison.Ordinal);
        Assert.Contains(kind, email.Text, StringComparison.Ordinal);
        Tells(email, "Budget 2025");
        Assert.Contains($"<a href=\"{Case}\"", email.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_new_case_for_the_designated_officer_names_no_one_else()
    {
        var notice = new CaseAssignedNotice("Youssef Benali", "DAI-2026-000123", "complaint", Mef, "Retard",
            new DateOnly(2026, 11, 2), new DateOnly(2027, 1, 4), Urgent: false, Case);

        var email = Rendered(notice, Language.French, "case-assigned");

        Assert.Contains("Un nouveau dossier vous est attribué.", email.Text, StringComparison.Ordinal);
        Assert.Contains("Type : Réclamation", email.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Urgent", email.Text, StringComparison.Ordinal);
    }

    // the reminders go 5 and then 1 working day before the due date; Arabic counts in singular, dual and plural
    [Theory]
    [InlineData(Language.French, 5, "Rappel : dossier DAI-2026-000123, 5 jours ouvrables avant la date limite du mercredi 30 décembre 2026")]
    [InlineData(Language.French, 1, "Rappel : dossier DAI-2026-000123, 1 jour ouvrable avant la date limite du mercredi 30 décembre 2026")]
    [InlineData(Language.Arabic, 5, "تذكير: الملف DAI-2026-000123، بقي 5 أيام عمل قبل الأجل الأقصى الأربعاء 30 دجنبر 2026")]
    [InlineData(Language.Arabic, 1, "تذكير: الملف DAI-2026-000123، بقي يوم عمل واحد قبل الأجل الأقصى الأربعاء 30 دجنبر 2026")]
    public void A_reminder_counts_the_working_days_left(Language language, int daysLeft, string subject)
    {
        var notice = new DeadlineReminder("Youssef Benali", "DAI-2026-000123", "answer", new DateOnly(2026, 12, 30), daysLeft, Case);

        Assert.Equal(subject, Rendered(notice, language, "deadline-reminder").Subject);
    }

    [Theory]
    [InlineData(Language.French, "réponse du chef de l'organisme au recours")]
    [InlineData(Language.Arabic, "رد رئيس الهيئة على الشكاية")]
    public void A_reminder_to_the_head_is_about_the_recourse(Language language, string deadline)
    {
        var notice = new DeadlineReminder("Nadia Chraibi", "DAI-2026-000123", "head-answer", new DateOnly(2027, 1, 27), 1, Case);

        Tells(Rendered(notice, language, "deadline-reminder"), deadline);
    }

    [Theory]
    [InlineData(Language.French, "En retard : dossier DAI-2026-000123, réponse due le mercredi 30 décembre 2026", "jusqu'au lundi 1er février 2027")]
    [InlineData(Language.Arabic, "ملف متأخر: DAI-2026-000123، كان الرد مستحقا في الأربعاء 30 دجنبر 2026", "إلى غاية الاثنين 1 فبراير 2027")]
    public void Overdue_tells_the_officer_the_recourse_is_open(Language language, string subject, string recourse)
    {
        var notice = new OverdueNotice("Youssef Benali", "DAI-2026-000123", "answer", new DateOnly(2026, 12, 30), new DateOnly(2027, 2, 1), Case);

        var email = Rendered(notice, language, "overdue");

        Assert.Equal(subject, email.Subject);
        Tells(email, recourse);
    }

    [Fact]
    public void An_overdue_complaint_opens_no_recourse()
    {
        var notice = new OverdueNotice("Youssef Benali", "REC-2026-000031", "answer", new DateOnly(2026, 12, 18), null, Case);

        Assert.DoesNotContain("recours au chef", Rendered(notice, Language.French, "overdue").Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Language.French, "Vos dossiers du mercredi 23 décembre 2026 : 2 à échéance proche, 1 en retard",
        "DAI-2026-000140 | MEF | En cours | lundi 28 décembre 2026 | 3", "REC-2026-000031 | MEF | Délai dépassé | vendredi 18 décembre 2026 | 3")]
    [InlineData(Language.Arabic, "ملفاتكم ليوم الأربعاء 23 دجنبر 2026: 2 قريبة الأجل، 1 متأخرة",
        "DAI-2026-000140 | MEF | قيد المعالجة | الاثنين 28 دجنبر 2026 | 3", "REC-2026-000031 | MEF | انقضى الأجل | الجمعة 18 دجنبر 2026 | 3")]
    public void The_digest_lists_cases_due_soon_first_by_date_and_overdue_ones_by_days_late(
        Language language, string subject, string dueSoonLine, string overdueLine)
    {
        var digest = new DailyDigest("Youssef Benali", new DateOnly(2026, 12, 23),
            [
                new DigestLine(Guid.NewGuid(), "DAI-2026-000123", "MEF", "extended", new DateOnly(2026, 12, 30), 5),
                new DigestLine(Guid.NewGuid(), "DAI-2026-000140", "MEF", "accepted", new DateOnly(2026, 12, 28), 3),
            ],
            [new DigestLine(Guid.NewGuid(), "REC-2026-000031", "MEF", "deadline-missed", new DateOnly(2026, 12, 18), -3)],
            "https://requests.example.ma/staff/queue");

        var email = Rendered(digest, language, "daily-digest");

        Assert.Equal(subject, email.Subject);
        var lines = email.Text.Split('\n');
        Assert.True(Array.IndexOf(lines, dueSoonLine) >= 0, email.Text);
        Assert.True(Array.IndexOf(lines, overdueLine) >= 0, email.Text);
        // the earlier due date first
        Assert.True(email.Text.IndexOf("DAI-2026-000140", StringComparison.Ordinal) < email.Text.IndexOf("DAI-2026-000123", StringComparison.Ordinal));
        Assert.Equal(3, CountOf(email.Html, "<tr><td"));
    }

    [Fact]
    public void An_empty_digest_table_says_there_is_nothing()
    {
        var digest = new DailyDigest("Youssef Benali", new DateOnly(2026, 12, 23), [], [], "https://requests.example.ma/staff/queue");

        var email = Rendered(digest, Language.French, "daily-digest");

        Assert.Equal(2, CountOf(email.Text, "Aucun dossier."));
        Assert.DoesNotContain("<td", email.Html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Language.French, "Dossier en retard signalé : DAI-2026-000123", "Chargé(e) de l'information : Youssef Benali", "jusqu'au lundi 1er février 2027")]
    [InlineData(Language.Arabic, "إحالة ملف متأخر: DAI-2026-000123", "المكلف(ة) بالمعلومات: Youssef Benali", "إلى غاية الاثنين 1 فبراير 2027")]
    public void An_escalation_tells_the_head_who_was_in_charge_and_until_when_a_recourse_may_come(
        Language language, string subject, string officer, string recourse)
    {
        var notice = new EscalationNotice("Nadia Chraibi", "DAI-2026-000123", Mef, "Youssef Benali", new DateOnly(2026, 12, 30),
            new DateOnly(2027, 2, 1), Case);

        var email = Rendered(notice, language, "escalation");

        Assert.Equal(subject, email.Subject);
        Assert.Contains(officer, email.Text, StringComparison.Ordinal);
        Assert.Contains(recourse, email.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Language.French, RecourseBasis.Refusal, "Recours reçu : dossier DAI-2026-000123, réponse due le mercredi 27 janvier 2027", "contre le refus")]
    [InlineData(Language.French, RecourseBasis.Silence, "Recours reçu : dossier DAI-2026-000123, réponse due le mercredi 27 janvier 2027", "pas répondu dans le délai")]
    [InlineData(Language.Arabic, RecourseBasis.Refusal, "شكاية واردة: الملف DAI-2026-000123، الرد مستحق في الأربعاء 27 يناير 2027", "ضد قرار الرفض")]
    [InlineData(Language.Arabic, RecourseBasis.Silence, "شكاية واردة: الملف DAI-2026-000123، الرد مستحق في الأربعاء 27 يناير 2027", "لعدم رد الهيئة")]
    public void A_recourse_tells_the_head_what_is_contested_and_when_the_answer_is_due(
        Language language, RecourseBasis basis, string subject, string contested)
    {
        var notice = new RecourseReceivedNotice("Nadia Chraibi", "DAI-2026-000123", Mef, basis, "Je conteste.",
            new DateOnly(2027, 1, 4), new DateOnly(2027, 1, 27), Case);

        var email = Rendered(notice, language, "recourse-received");

        Assert.Equal(subject, email.Subject);
        Assert.Contains(contested, email.Text, StringComparison.Ordinal);
        Tells(email, "Je conteste.");
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
            count++;
        return count;
    }
}
