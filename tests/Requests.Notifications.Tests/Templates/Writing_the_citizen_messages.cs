using Requests.Domain.Lifecycle;
using Requests.Notifications.Templates;
using Requests.Notifications.Templates.Citizen;
using static Requests.Notifications.Tests.Templates.TemplateAssert;

namespace Requests.Notifications.Tests.Templates;

public sealed class Writing_the_citizen_messages
{
    private static readonly BodyName Mef = new("Ministère de l'Économie et des Finances", "وزارة الاقتصاد والمالية");
    private static readonly BodyName Cnss = new("Caisse nationale de sécurité sociale", "الصندوق الوطني للضمان الاجتماعي");
    private const string Portal = "https://requests.example.ma/suivi";

    private static ReceiptNotice Receipt(string regime = "information", string kind = "request", bool urgent = false) =>
        new("DAI-2026-000123", "7KQ2M-X9RTP", regime, kind, Mef, "Budget 2025", new DateOnly(2026, 11, 2),
            new DateOnly(2026, 12, 2), urgent, Portal);

    [Fact]
    public void The_receipt_gives_the_tracking_number_the_access_code_the_due_date_and_the_rights_in_French()
    {
        var email = Rendered(Receipt(), Language.French, "receipt");

        Assert.Equal("Accusé de réception de votre demande n° DAI-2026-000123", email.Subject);
        Assert.Contains("Numéro de suivi : DAI-2026-000123", email.Text, StringComparison.Ordinal);
        Assert.Contains("Code d'accès : 7KQ2M-X9RTP", email.Text, StringComparison.Ordinal);
        Assert.Contains("Date de réception : lundi 2 novembre 2026", email.Text, StringComparison.Ordinal);
        Assert.Contains("Date limite de réponse : mercredi 2 décembre 2026", email.Text, StringComparison.Ordinal);
        Assert.Contains("prolongé une seule fois, de 20 jours ouvrables", email.Text, StringComparison.Ordinal);
        Assert.Contains("recours au chef de l'organisme dans les 20 jours ouvrables", email.Text, StringComparison.Ordinal);
        Assert.Contains("Commission du droit d'accès à l'information (CDAI)", email.Text, StringComparison.Ordinal);
        Assert.Contains("gratuit", email.Text, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{Portal}\" dir=\"ltr\">{Portal}</a>", email.Html, StringComparison.Ordinal);
        Tells(email, "Ministère de l'Économie et des Finances");
    }

    [Fact]
    public void The_receipt_in_Arabic_is_written_right_to_left_with_Moroccan_dates()
    {
        var email = Rendered(Receipt(), Language.Arabic, "receipt");

        Assert.Equal("إشعار بالتوصل بطلبكم رقم DAI-2026-000123", email.Subject);
        Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", email.Html, StringComparison.Ordinal);
        Assert.Contains("text-align: right;", email.Html, StringComparison.Ordinal);
        Assert.Contains("رمز الولوج: 7KQ2M-X9RTP", email.Text, StringComparison.Ordinal);
        Assert.Contains("تاريخ التوصل: الاثنين 2 نونبر 2026", email.Text, StringComparison.Ordinal);
        Assert.Contains("الأجل الأقصى للرد: الأربعاء 2 دجنبر 2026", email.Text, StringComparison.Ordinal);
        Assert.Contains("لجنة الحق في الحصول على المعلومات", email.Text, StringComparison.Ordinal);
        Tells(email, "وزارة الاقتصاد والمالية");
        Assert.DoesNotContain("Ministère", email.Html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Language.French, "Accusé de réception de votre réclamation n° DAI-2026-000123", "(60 jours)", "rouvrir")]
    [InlineData(Language.Arabic, "إشعار بالتوصل بشكايتكم رقم DAI-2026-000123", "(60 يوما)", "إعادة فتح")]
    public void A_complaint_s_receipt_gives_the_sixty_days_and_the_reopening_not_the_information_recourse(
        Language language, string subject, string sixtyDays, string reopen)
    {
        var email = Rendered(Receipt("complaint", "complaint"), language, "receipt");

        Assert.Equal(subject, email.Subject);
        Assert.Contains(sixtyDays, email.Text, StringComparison.Ordinal);
        Assert.Contains(reopen, email.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("CDAI", email.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("لجنة الحق", email.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Language.French, "traitée comme urgente", "prolongé")]
    [InlineData(Language.Arabic, "بصفة مستعجلة", "تمديد")]
    public void An_urgent_request_s_receipt_says_so_and_promises_no_extension(Language language, string urgent, string extension)
    {
        var email = Rendered(Receipt(urgent: true), language, "receipt");

        Assert.Contains(urgent, email.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(extension, email.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Language.French, "Dossier n° DAI-2026-000123 : une précision vous est demandée", "jeudi 5 novembre 2026", "suspendu")]
    [InlineData(Language.Arabic, "الملف رقم DAI-2026-000123: مطلوب منكم توضيح", "الخميس 5 نونبر 2026", "يتوقف احتساب أجل الرد")]
    public void Asking_for_a_clarification_quotes_the_question_line_by_line_and_says_the_clock_stops(
        Language language, string subject, string askedOn, string paused)
    {
        var notice = new ClarificationAsked("DAI-2026-000123", "request", Mef, "Quelle période ?\nQuelle direction ?",
            new DateOnly(2026, 11, 5), Portal);

        var email = Rendered(notice, language, "clarification-asked");

        Assert.Equal(subject, email.Subject);
        Assert.Contains("Quelle période ?<br>\nQuelle direction ?", email.Html, StringComparison.Ordinal);
        Assert.Contains("> Quelle période ?\n> Quelle direction ?\n", email.Text, StringComparison.Ordinal);
        Assert.Contains(askedOn, email.Text, StringComparison.Ordinal);
        Assert.Contains(paused, email.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Language.French, "Demande n° DAI-2026-000123 : délai de réponse prolongé jusqu'au mercredi 30 décembre 2026",
        "Date limite initiale : mercredi 2 décembre 2026", "Nouvelle date limite de réponse : mercredi 30 décembre 2026")]
    [InlineData(Language.Arabic, "الطلب رقم DAI-2026-000123: تمديد أجل الرد إلى غاية الأربعاء 30 دجنبر 2026",
        "الأجل الأصلي للرد: الأربعاء 2 دجنبر 2026", "الأجل الجديد للرد: الأربعاء 30 دجنبر 2026")]
    public void The_extension_gives_its_reasons_and_the_new_due_date(Language language, string subject, string before, string after)
    {
        var notice = new ExtensionNotice("DAI-2026-000123", Mef, "Trois directions doivent rassembler les pièces.",
            new DateOnly(2026, 12, 2), new DateOnly(2026, 12, 30), Portal);

        var email = Rendered(notice, language, "extension");

        Assert.Equal(subject, email.Subject);
        Assert.Contains(before, email.Text, StringComparison.Ordinal);
        Assert.Contains(after, email.Text, StringComparison.Ordinal);
        Tells(email, "Trois directions doivent rassembler les pièces.");
    }

    [Theory]
    [InlineData(Language.French, "Réponse à votre demande n° DAI-2026-000123", "l'information demandée vous est communiquée")]
    [InlineData(Language.Arabic, "الرد على طلبكم رقم DAI-2026-000123", "وتم تمكينكم من المعلومات المطلوبة")]
    public void A_full_answer_gives_the_answer_and_no_recourse(Language language, string subject, string granted)
    {
        var notice = new AnswerNotice("DAI-2026-000123", Mef, "granted", "Le budget exécuté est joint.", new DateOnly(2026, 12, 22), Portal);

        var email = Rendered(notice, language, "answered");

        Assert.Equal(subject, email.Subject);
        Assert.Contains(granted, email.Text, StringComparison.Ordinal);
        Tells(email, "Le budget exécuté est joint.");
        Assert.DoesNotContain("recours", email.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("شكاية", email.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Language.French, "Motif légal du refus partiel : Bon déroulement des procédures judiciaires",
        "Dernier jour pour le recours au chef de l'organisme : vendredi 22 janvier 2027")]
    [InlineData(Language.Arabic, "السبب القانوني للرفض الجزئي: سير المساطر القضائية والمساطر التمهيدية المتعلقة بها",
        "آخر أجل لتقديم الشكاية إلى رئيس الهيئة: الجمعة 22 يناير 2027")]
    public void A_partial_answer_names_the_ground_of_the_refused_part_and_the_recourse_s_last_day(
        Language language, string ground, string lastDay)
    {
        var notice = new AnswerNotice("DAI-2026-000123", Mef, "partially-granted", "Une partie est jointe.",
            new DateOnly(2026, 12, 22), Portal, "judicial-proceedings", new DateOnly(2027, 1, 22));

        var email = Rendered(notice, language, "answered");

        Assert.Contains(ground, email.Text, StringComparison.Ordinal);
        Assert.Contains(lastDay, email.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Language.French, "Demande n° DAI-2026-000123 : refus motivé et voies de recours",
        "au plus tard le vendredi 22 janvier 2027", "Commission du droit d'accès à l'information (CDAI) dans les 30 jours")]
    [InlineData(Language.Arabic, "الطلب رقم DAI-2026-000123: رفض معلل وطرق الطعن",
        "في أجل أقصاه الجمعة 22 يناير 2027", "لجنة الحق في الحصول على المعلومات داخل أجل 30 يوما")]
    public void A_refusal_says_how_to_contest_it_before_the_head_then_the_commission(
        Language language, string subject, string lastDay, string commission)
    {
        var email = Rendered(Refusal("private-life"), language, "refused");

        Assert.Equal(subject, email.Subject);
        Assert.Contains(lastDay, email.Text, StringComparison.Ordinal);
        Assert.Contains(commission, email.Text, StringComparison.Ordinal);
        Assert.Contains("<ol style=\"margin: 0 0 16px;\">", email.Html, StringComparison.Ordinal);
        Tells(email, "Les salaires sont nominatifs.");
    }

    public static TheoryData<string> Grounds => [.. RefusalGrounds.All.Select(g => g.Code)];

    [Theory]
    [MemberData(nameof(Grounds))]
    public void A_refusal_names_its_legal_ground_with_the_domain_s_label_in_each_language(string code)
    {
        Assert.True(RefusalGrounds.TryParse(code, out var ground));

        Tells(Refusal(code).Render(Language.French), ground.LabelFr);
        Tells(Refusal(code).Render(Language.Arabic), ground.LabelAr);
    }

    private static RefusalNotice Refusal(string ground) => new("DAI-2026-000123", Mef, ground, "Les salaires sont nominatifs.",
        new DateOnly(2026, 12, 22), new DateOnly(2027, 1, 22), Portal);

    [Theory]
    [InlineData(Language.French, "Demande n° DAI-2026-000123 : pas de réponse dans le délai, un recours vous est ouvert",
        "mercredi 30 décembre 2026", "lundi 1er février 2027", "ce silence vaut refus")]
    [InlineData(Language.Arabic, "الطلب رقم DAI-2026-000123: انقضاء الأجل دون رد، ويحق لكم تقديم شكاية",
        "الأربعاء 30 دجنبر 2026", "الاثنين 1 فبراير 2027", "يعتبر عدم الرد رفضا")]
    public void A_missed_deadline_is_an_implicit_refusal_that_opens_the_recourse_until_its_last_day(
        Language language, string subject, string dueOn, string lastDay, string implicitRefusal)
    {
        var notice = new SilenceNotice("DAI-2026-000123", Mef, new DateOnly(2026, 12, 30), new DateOnly(2027, 2, 1), Portal);

        var email = Rendered(notice, language, "deadline-missed");

        Assert.Equal(subject, email.Subject);
        Assert.Contains(dueOn, email.Text, StringComparison.Ordinal);
        Assert.Contains(lastDay, email.Text, StringComparison.Ordinal);
        Assert.Contains(implicitRefusal, email.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Language.French, "Dossier n° DAI-2026-000123 transmis à l'organisme compétent : nouveau numéro DAI-2026-000131",
        "Nouveau numéro de suivi : DAI-2026-000131", "Organisme compétent : Caisse nationale de sécurité sociale", "code d'accès ne change pas")]
    [InlineData(Language.Arabic, "إحالة الملف رقم DAI-2026-000123 إلى الصندوق الوطني للضمان الاجتماعي: الرقم الجديد DAI-2026-000131",
        "رقم التتبع الجديد: DAI-2026-000131", "الهيئة المختصة: الصندوق الوطني للضمان الاجتماعي", "يبقى رمز الولوج")]
    public void A_redirection_gives_the_competent_body_and_the_new_tracking_number(
        Language language, string subject, string number, string body, string sameCode)
    {
        var notice = new RedirectionNotice("DAI-2026-000123", "request", Mef, Cnss, "DAI-2026-000131", "Affaire de cotisations.",
            new DateOnly(2026, 12, 3), Portal);

        var email = Rendered(notice, language, "redirected");

        Assert.Equal(subject, email.Subject);
        Assert.Contains(number, email.Text, StringComparison.Ordinal);
        Assert.Contains(body, email.Text, StringComparison.Ordinal);
        Assert.Contains(sameCode, email.Text, StringComparison.Ordinal);
        Tells(email, "Affaire de cotisations.");
    }

    [Theory]
    [InlineData(Language.French, "founded", "Réponse à votre réclamation n° REC-2026-000045", "Suite donnée : Fondée", "rouvrir", "de 1 à 5")]
    [InlineData(Language.French, "not-admissible", "Réponse à votre réclamation n° REC-2026-000045", "Suite donnée : Irrecevable", "rouvrir", "de 1 à 5")]
    [InlineData(Language.Arabic, "unfounded", "الرد على شكايتكم رقم REC-2026-000045", "مآل الملف: غير مؤسسة", "إعادة فتح", "من 1 إلى 5")]
    public void A_complaint_s_answer_gives_its_outcome_and_how_to_reopen_and_rate(
        Language language, string outcome, string subject, string outcomeText, string reopen, string rate)
    {
        var notice = new ComplaintAnswerNotice("REC-2026-000045", "complaint", Cnss, outcome, "Le remboursement est fait.",
            new DateOnly(2026, 12, 11), Portal);

        var email = Rendered(notice, language, "complaint-answered");

        Assert.Equal(subject, email.Subject);
        Assert.Contains(outcomeText, email.Text, StringComparison.Ordinal);
        Assert.Contains(reopen, email.Text, StringComparison.Ordinal);
        Assert.Contains(rate, email.Text, StringComparison.Ordinal);
        Tells(email, "Le remboursement est fait.");
    }

    [Theory]
    [InlineData(Language.French, "refused", "Demande n° DAI-2026-000123 : réponse du chef de l'organisme à votre recours",
        "rejette votre recours", "vendredi 19 février 2027")]
    [InlineData(Language.Arabic, "granted", "الطلب رقم DAI-2026-000123: رد رئيس الهيئة على شكايتكم", "قبول شكايتكم",
        "الجمعة 19 فبراير 2027")]
    public void The_head_s_answer_to_a_recourse_gives_the_decision_and_the_last_day_to_go_to_the_Commission(
        Language language, string outcome, string subject, string decision, string commissionLastDay)
    {
        var notice = new RecourseAnswerNotice("DAI-2026-000123", Mef, outcome, "Les montants par grade sont publiés.",
            new DateOnly(2027, 1, 20), new DateOnly(2027, 2, 19), Portal);

        var email = Rendered(notice, language, "recourse-answered");

        Assert.Equal(subject, email.Subject);
        Assert.Contains(decision, email.Text, StringComparison.Ordinal);
        Assert.Contains(commissionLastDay, email.Text, StringComparison.Ordinal);
        Tells(email, "Les montants par grade sont publiés.");
    }

    [Theory]
    [InlineData(Language.French, "Demande n° DAI-2026-000123 : pas de réponse à votre recours, la Commission peut être saisie",
        "mercredi 27 janvier 2027", "vendredi 26 février 2027")]
    [InlineData(Language.Arabic, "الطلب رقم DAI-2026-000123: لا رد على شكايتكم، ويمكنكم اللجوء إلى اللجنة",
        "الأربعاء 27 يناير 2027", "الجمعة 26 فبراير 2027")]
    public void The_head_s_silence_on_a_recourse_opens_the_Commission_until_its_last_day(
        Language language, string subject, string headDueOn, string commissionLastDay)
    {
        var notice = new HeadSilenceNotice("DAI-2026-000123", Mef, new DateOnly(2027, 1, 27), new DateOnly(2027, 2, 26), Portal);

        var email = Rendered(notice, language, "recourse-deadline-missed");

        Assert.Equal(subject, email.Subject);
        Assert.Contains(headDueOn, email.Text, StringComparison.Ordinal);
        Assert.Contains(commissionLastDay, email.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Language.French, "Dossier n° REC-2026-000045 : le délai de réponse est dépassé", "votre réclamation", "vendredi 11 décembre 2026")]
    [InlineData(Language.Arabic, "الملف رقم REC-2026-000045: انقضاء أجل الرد", "شكايتكم", "الجمعة 11 دجنبر 2026")]
    public void A_complaint_s_missed_deadline_is_told_with_its_date_and_the_escalation(
        Language language, string subject, string yourCase, string dueOn)
    {
        var notice = new ComplaintDelayNotice("REC-2026-000045", "complaint", Cnss, new DateOnly(2026, 12, 11), Portal);

        var email = Rendered(notice, language, "complaint-deadline-missed");

        Assert.Equal(subject, email.Subject);
        Assert.Contains(yourCase, email.Text, StringComparison.Ordinal);
        Assert.Contains(dueOn, email.Text, StringComparison.Ordinal);
    }
}
