using Requests.Notifications.Delivery;
using Requests.Notifications.Email;
using Requests.Notifications.Templates;
using Requests.Notifications.Templates.Citizen;

namespace Requests.Notifications.Tests.Delivery;

public sealed class Validating_addresses
{
    [Theory]
    [InlineData("citoyen@example.ma", "citoyen@example.ma")]
    [InlineData("  Amina.El-Fassi+dai@Example.MA ", "Amina.El-Fassi+dai@example.ma")]   // trimmed; the domain is case-blind
    [InlineData("a_b@sub.domain.gov.ma", "a_b@sub.domain.gov.ma")]
    public void A_plain_address_is_kept_with_its_domain_in_lower_case(string input, string expected)
    {
        Assert.True(EmailAddresses.TryNormalize(input, out var address));
        Assert.Equal(expected, address);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("no-at-sign.example.ma")]
    [InlineData("a@b")]                       // the parser accepts a domain without a dot
    [InlineData("Amina <amina@example.ma>")]  // the parser accepts a display name
    [InlineData("\"amina\"@example.ma")]      // and a quoted local part
    [InlineData("a b@example.ma")]
    [InlineData("a@@example.ma")]
    [InlineData("a..b@example.ma")]
    [InlineData(".a@example.ma")]
    [InlineData("a.@example.ma")]
    [InlineData("a@-example.ma")]
    [InlineData("a@example..ma")]
    [InlineData("a@example.123")]             // the top-level domain is a name
    [InlineData("a@[127.0.0.1]")]
    [InlineData("أمينة@example.ma")]           // a non-ASCII mailbox needs SMTPUTF8
    [InlineData("a@مثال.ma")]
    [InlineData("a,b@example.ma")]
    [InlineData("a@example.ma, b@example.ma")]
    public void An_address_a_citizen_could_not_mean_is_refused(string? input) =>
        Assert.False(EmailAddresses.TryNormalize(input, out _));

    [Fact]
    public void An_overlong_mailbox_is_refused() =>
        Assert.False(EmailAddresses.TryNormalize(new string('a', 65) + "@example.ma", out _));

    private static readonly SilenceNotice Notice = new("DAI-2026-000123", new BodyName("MEF", "MEF"), new DateOnly(2026, 12, 30),
        new DateOnly(2027, 2, 1), "https://requests.example.ma/suivi");

    [Theory]
    [InlineData(null, "no e-mail address")]
    [InlineData("", "no e-mail address")]
    [InlineData("amina at example.ma", "invalid e-mail address: amina at example.ma")]
    public void A_citizen_without_a_usable_address_gets_the_notice_by_post_never_by_SMTP(string? address, string reason)
    {
        var now = new DateTime(2026, 12, 31, 8, 0, 0, DateTimeKind.Utc);

        var notification = Notification.Create("k", Notice, Language.Arabic, address, Guid.NewGuid(), now);

        Assert.Equal(NotificationStatus.Postal, notification.Status);
        Assert.Null(notification.Recipient);
        Assert.Null(notification.NextAttemptAt);
        Assert.Equal(reason, notification.LastError);
        // the letter is ready to print, in the citizen's language
        Assert.Equal("ar", notification.Language);
        Assert.Contains("dir=\"rtl\"", notification.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_usable_address_is_pending_at_once()
    {
        var now = new DateTime(2026, 12, 31, 8, 0, 0, DateTimeKind.Utc);

        var notification = Notification.Create("k", Notice, Language.French, " Amina@Example.ma ", null, now);

        Assert.Equal(NotificationStatus.Pending, notification.Status);
        Assert.Equal("Amina@example.ma", notification.Recipient);
        Assert.Equal(now, notification.NextAttemptAt);
        Assert.Equal("deadline-missed", notification.Template);
        Assert.Equal(Notice.Render(Language.French).Subject, notification.Subject);
    }
}
