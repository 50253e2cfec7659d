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

    /// <summary>
    /// Filings a second above which the receipts' e-mails are written at a low pace until the flood passes (see
    /// <c>ReceiptNoticeWriter</c>).
    /// </summary>
    public double ReceiptsDeferAbove { get; set; } = 2_000;
}

/// <summary>
/// The receipt a filing sends its citizen: the only message with the access code, so intake writes it.
/// <para>
/// The access code is never stored in clear (a keyed hash only, for the case): it is sealed (<see cref="AccessCodeSeal"/>)
/// on the request's thread, the sealed code is stored with the filing (<c>receipt_notices</c>, see
/// <see cref="ReceiptNoticeWriter"/>), then beside the notice (<c>receipt_codes</c>) whose text holds only a random
/// placeholder, and <see cref="AccessCodeSender"/> writes it in clear in that placeholder's place only, in the e-mail it
/// sends; the sealed code is deleted once it is sent. Nothing the citizen wrote is ever read as a placeholder. A notice
/// to be posted does not carry it: the citizen, or the staff who registered the filing, got it with the receipt.
/// </para>
/// </summary>
public sealed class ReceiptNotices(BodyDirectory bodies, AccessCodeSeal seal, IOptions<IntakeNoticeOptions> options)
{
    private readonly string _portal = options.Value.PortalUrl.TrimEnd('/');

    /// <summary>The access code sealed for the receipt; null when the receipt goes by post and carries none.</summary>
    public string? Seal(CaseRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return EmailAddresses.TryNormalize(record.RequesterEmail, out _) && record.AccessCode is { } code
            ? seal.Seal(code)
            : null;
    }

    /// <summary>A placeholder no one can guess, for the access code of one receipt.</summary>
    public static string NewPlaceholder() =>
        $"[[access-code:{System.Buffers.Text.Base64Url.EncodeToString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16))}]]";

    /// <summary>The receipt of a stored filing, with <paramref name="placeholder"/> where its access code goes.</summary>
    public Notification Render(ReceiptFacts filing, string? placeholder)
    {
        ArgumentNullException.ThrowIfNull(filing);
        var language = Languages.Parse(filing.Language);
        var body = bodies.Find(filing.BodyCode) is { } b ? new BodyName(b.NameFr, b.NameAr) : new BodyName(filing.BodyCode, filing.BodyCode);
        var code = placeholder
            ?? (language == Language.Arabic ? "سُلِّم إليكم مع وصل الإيداع" : "remis avec le récépissé de dépôt");
        var notice = new ReceiptNotice(filing.TrackingNumber, code, filing.Regime, filing.Kind, body, filing.Subject,
            filing.ReceivedOn, filing.DueOn, filing.Urgent, $"{_portal}/cases/{Uri.EscapeDataString(filing.TrackingNumber)}");
        return Notification.Create(Key(filing.CaseId, filing.Email), notice, language, filing.Email, filing.CaseId, filing.ReceivedAt);
    }

    /// <summary>One receipt per case and recipient.</summary>
    public static string Key(Guid caseId, string? email) => NotificationKey.For(caseId, 0, ReceiptNotice.Template, email);
}

/// <summary>What a receipt says, read from the stored case and its <c>receipt_notices</c> row.</summary>
public sealed record ReceiptFacts(Guid CaseId, string? SealedCode, string TrackingNumber, string Regime, string Kind, string BodyCode,
    string Subject, DateOnly ReceivedOn, DateOnly DueOn, bool Urgent, string Language, string? Email, DateTime ReceivedAt);
