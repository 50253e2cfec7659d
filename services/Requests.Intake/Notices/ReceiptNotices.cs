using System.Buffers.Text;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Requests.Intake.Bodies;
using Requests.Intake.Storage;
using Requests.Notifications.Delivery;
using Requests.Notifications.Email;
using Requests.Notifications.Templates;
using Requests.Notifications.Templates.Citizen;

namespace Requests.Intake.Notices;

/// <summary>The <c>Notifications</c> settings of intake's messages.</summary>
public sealed class IntakeNoticeOptions
{
    public const string Section = "Notifications";

    /// <summary>The citizens' portal: a case is followed at <c>{PortalUrl}/cases/{trackingNumber}</c>.</summary>
    public string PortalUrl { get; set; } = "http://127.0.0.1:5080";
}

/// <summary>
/// The receipt a filing sends its citizen: the only message with the access code, so intake writes it, in the receipt
/// writer's transaction. It is rendered on the request's thread before the tracking number exists, with a placeholder
/// the writer swaps for the number: the single writer thread does a string replace, not a template.
/// <para>
/// The access code is never stored in clear (a hash only, for the case): the notice holds it encrypted with the service's
/// Data Protection key ring, and <see cref="AccessCodeSender"/> writes it in clear only into the e-mail it sends. A
/// notice to be posted does not carry it: the citizen or the staff who registered the filing got it with the receipt.
/// </para>
/// </summary>
public sealed class ReceiptNotices(BodyDirectory bodies, IDataProtectionProvider protection, IOptions<IntakeNoticeOptions> options)
{
    private const string CodeStart = "[[access-code:";
    private const string CodeEnd = "]]";
    private readonly IDataProtector _protector = protection.CreateProtector("Requests.Intake.ReceiptAccessCode");

    // random per process: a citizen's text cannot contain it; letters, digits and dashes survive HTML and URL encoding
    private readonly string _placeholder = $"TN-{Guid.NewGuid():N}";
    private readonly string _portal = options.Value.PortalUrl.TrimEnd('/');

    /// <summary>The receipt of <paramref name="record"/>, its tracking number still to be filled in by <see cref="Complete"/>.</summary>
    public Notification Draft(CaseRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var body = bodies.Find(record.BodyCode) is { } b ? new BodyName(b.NameFr, b.NameAr) : new BodyName(record.BodyCode, record.BodyCode);
        var code = EmailAddresses.TryNormalize(record.RequesterEmail, out _)
            ? CodeStart + Base64Url.EncodeToString(_protector.Protect(Encoding.UTF8.GetBytes(record.AccessCode ?? ""))) + CodeEnd
            : Languages.Parse(record.Language) == Language.Arabic ? "سُلِّم إليكم مع وصل الإيداع" : "remis avec le récépissé de dépôt";
        var notice = new ReceiptNotice(_placeholder, code, record.Regime, record.Kind, body, record.Subject,
            record.ReceivedOn, record.DueOn, record.Urgent, $"{_portal}/cases/{_placeholder}");
        return Notification.Create(Key(record.Id, record.RequesterEmail), notice, Languages.Parse(record.Language),
            record.RequesterEmail, record.Id, record.ReceivedAt);
    }

    /// <summary>Writes the tracking number into the draft.</summary>
    public void Complete(Notification draft, string trackingNumber)
    {
        ArgumentNullException.ThrowIfNull(draft);
        draft.Subject = draft.Subject.Replace(_placeholder, trackingNumber, StringComparison.Ordinal);
        draft.Html = draft.Html.Replace(_placeholder, trackingNumber, StringComparison.Ordinal);
        draft.Text = draft.Text.Replace(_placeholder, trackingNumber, StringComparison.Ordinal);
    }

    /// <summary>The text with each encrypted access code written in clear: only for the e-mail as it is sent.</summary>
    public string Reveal(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var start = text.IndexOf(CodeStart, StringComparison.Ordinal);
        while (start >= 0)
        {
            var end = text.IndexOf(CodeEnd, start, StringComparison.Ordinal);
            if (end < 0)
                break;
            var blob = text[(start + CodeStart.Length)..end];
            var code = Encoding.UTF8.GetString(_protector.Unprotect(Base64Url.DecodeFromChars(blob)));
            text = string.Concat(text.AsSpan(0, start), code, text.AsSpan(end + CodeEnd.Length));
            start = text.IndexOf(CodeStart, start + code.Length, StringComparison.Ordinal);
        }
        return text;
    }

    /// <summary>One receipt per case and recipient.</summary>
    public static string Key(Guid caseId, string? email) => NotificationKey.For(caseId, 0, ReceiptNotice.Template, email);
}
