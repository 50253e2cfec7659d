using Requests.Contracts.Routing;
using Requests.Notifications.Templates;
using Requests.Notifications.Templates.Citizen;
using Requests.Notifications.Templates.Staff;

namespace Requests.Notifications.Tests.Templates;

public sealed class Encoding_values
{
    // what a citizen or an officer could type in a subject, a name or a reason
    private const string Hostile = "<script>alert('x')</script> & \"quoted\"";
    private const string Encoded = "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot;";
    private static readonly BodyName Body = new(Hostile, Hostile);
    private static readonly DateOnly Day = new(2026, 11, 23);

    /// <summary>Every template, with the hostile text in every text it shows.</summary>
    public static TheoryData<IEmailTemplate, Language> Everything()
    {
        IEmailTemplate[] templates =
        [
            new ReceiptNotice(Hostile, Hostile, "information", "request", Body, Hostile, Day, Day, true, Hostile),
            new ClarificationAsked(Hostile, "request", Body, Hostile, Day, Hostile),
            new ClarificationReceived(Hostile, "request", Body, Day, Day, Hostile, new SentDocuments([new SentDocument(Hostile, 2048)], Attached: false)),
            new ExtensionNotice(Hostile, Body, Hostile, Day, Day, Hostile),
            new AnswerNotice(Hostile, Body, "partially-granted", Hostile, Day, Hostile, Hostile, Day),
            new RefusalNotice(Hostile, Body, Hostile, Hostile, Day, Day, Hostile),
            new SilenceNotice(Hostile, Body, Day, Day, Hostile),
            new RedirectionNotice(Hostile, "request", Body, Body, Hostile, Hostile, Day, Hostile),
            new ComplaintAnswerNotice(Hostile, "complaint", Body, Hostile, Hostile, Day, Hostile),
            new CaseAssignedNotice(Hostile, Hostile, "request", Body, Hostile, Day, Day, true, Hostile, Hostile),
            new DeadlineReminder(Hostile, Hostile, "answer", Day, 5, Hostile),
            new OverdueNotice(Hostile, Hostile, "answer", Day, Day, Hostile),
            new DailyDigest(Hostile, Day, [new DigestLine(Guid.Empty, Hostile, Hostile, Hostile, Day, 1)],
                [new DigestLine(Guid.Empty, Hostile, Hostile, Hostile, Day, -1)], Hostile),
            new EscalationNotice(Hostile, Hostile, Body, Hostile, Day, Day, Hostile),
            new RecourseReceivedNotice(Hostile, Hostile, Body, RecourseBasis.Refusal, Hostile, Day, Day, Hostile),
            new AnswerNotice(Hostile, Body, "granted", Hostile, Day, Hostile, Documents: new SentDocuments([new SentDocument(Hostile, 2048)], Attached: true)),
        ];
        var data = new TheoryData<IEmailTemplate, Language>();
        foreach (var template in templates)
        {
            data.Add(template, Language.French);
            data.Add(template, Language.Arabic);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Everything))]
    public void Every_value_is_HTML_encoded_and_the_text_part_keeps_it_as_typed(IEmailTemplate template, Language language)
    {
        var email = template.Render(language);

        Assert.DoesNotContain("<script>", email.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("\"quoted\"", email.Html, StringComparison.Ordinal);
        Assert.Contains(Encoded, email.Html, StringComparison.Ordinal);
        Assert.Contains(Hostile, email.Text, StringComparison.Ordinal);
        // an address that is not a web address is shown, never made a link
        Assert.DoesNotContain("href=\"&lt;", email.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_javascript_address_is_not_made_a_link()
    {
        var notice = new SilenceNotice("DAI-2026-000123", Body, Day, Day, "javascript:alert(1)");

        var email = notice.Render(Language.French);

        Assert.DoesNotContain("href=", email.Html, StringComparison.Ordinal);
        Assert.Contains("javascript:alert(1)", email.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_line_break_in_a_value_cannot_add_a_header_through_the_subject()
    {
        var notice = new DeadlineReminder("Youssef", "DAI-1\r\nBcc: someone@example.com", "answer", Day, 5, "https://x.example.ma");

        var email = notice.Render(Language.French);

        Assert.DoesNotContain('\r', email.Subject);
        Assert.DoesNotContain('\n', email.Subject);
        Assert.Contains("DAI-1 Bcc: someone@example.com", email.Subject, StringComparison.Ordinal);
    }

    public static TheoryData<string, Language> Samples_in_both_languages()
    {
        var data = new TheoryData<string, Language>();
        foreach (var language in new[] { Language.French, Language.Arabic })
        {
            foreach (var template in Samples.Samples.All(language))
                data.Add(template.Name, language);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Samples_in_both_languages))]
    public void Every_message_is_a_whole_page_in_its_language_with_the_subject_as_title(string name, Language language)
    {
        var template = Samples.Samples.All(language).Single(t => t.Name == name);

        var email = TemplateAssert.Rendered(template, language, name);

        Assert.Contains($"<title>{TemplateAssert.Encode(email.Subject)}</title>", email.Html, StringComparison.Ordinal);
        Assert.Equal(CountOf(email.Html, "<ol"), CountOf(email.Html, "</ol>"));
        Assert.Equal(CountOf(email.Html, "<table"), CountOf(email.Html, "</table>"));
        Assert.Equal(CountOf(email.Html, "<p "), CountOf(email.Html, "</p>"));
        Assert.EndsWith(language == Language.Arabic ? "هذه رسالة آلية، يرجى عدم الرد عليها.\n" : "merci de ne pas y répondre.\n",
            email.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_message_has_its_own_stable_name()
    {
        // the names are stored with each notification and are part of its idempotency key: never rename one
        Assert.Equal(
            ["receipt", "clarification-asked", "clarification-received", "extension", "answered", "refused", "deadline-missed", "redirected",
                "complaint-answered", "recourse-answered", "recourse-deadline-missed", "complaint-deadline-missed", "case-assigned", "deadline-reminder", "overdue", "daily-digest", "escalation",
                "recourse-received"],
            Samples.Samples.All(Language.French).Select(t => t.Name));
    }

    private static int CountOf(string text, string part) => text.Split(part).Length - 1;
}
