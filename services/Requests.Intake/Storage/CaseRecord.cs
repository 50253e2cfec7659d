using Requests.Notifications.Templates;

namespace Requests.Intake.Storage;

/// <summary>What a citizen filed, as intake stored it. The access code is kept only as a hash.</summary>
public sealed class CaseRecord
{
    public Guid Id { get; set; }
    public string TrackingNumber { get; set; } = "";
    public required string Regime { get; set; }
    public required string Kind { get; set; }
    public required string BodyCode { get; set; }
    public required string Channel { get; set; }
    public required string Language { get; set; }
    public required string Subject { get; set; }
    public required string Description { get; set; }
    public string? Theme { get; set; }
    public string? DocumentType { get; set; }
    public string? Delivery { get; set; }
    public DateOnly? PeriodFrom { get; set; }
    public DateOnly? PeriodTo { get; set; }
    public bool Urgent { get; set; }
    public string? UrgentReason { get; set; }
    public required string RequesterName { get; set; }
    public required string RequesterIdentity { get; set; }
    public string? RequesterEmail { get; set; }
    public string? RequesterPhone { get; set; }
    public string? RequesterAddress { get; set; }
    public DateTime ReceivedAt { get; set; }
    public DateOnly ReceivedOn { get; set; }
    public DateOnly DueOn { get; set; }
    public required string RuleVersion { get; set; }
    public required byte[] AccessCodeHash { get; set; }

    /// <summary>The code in clear, only while the receipt is being written: never mapped to the database.</summary>
    public string? AccessCode { get; set; }
    public required string Status { get; set; }
    public string? RecordedBy { get; set; }

    /// <summary>The <c>Sequence</c> of the last <c>CaseMoved</c> applied: an older move arriving late changes no status.</summary>
    public int Sequence { get; set; }

    /// <summary>The answer's kebab-case outcome, once answered: a full grant leaves nothing to contest.</summary>
    public string? Outcome { get; set; }

    /// <summary>The last day of the recourse to the head of the body, once a refusal or a silence opened it.</summary>
    public DateOnly? RecourseLastDay { get; set; }

    /// <summary>While a recourse is under way: the day the head's answer is due.</summary>
    public DateOnly? RecourseDueOn { get; set; }

    /// <summary>The citizen's leave to publish the answer (an information request only), given at filing.</summary>
    public bool Publishable { get; set; }

    /// <summary>The day of the answer and its legal ground for a refusal, once answered.</summary>
    public DateOnly? AnsweredOn { get; set; }
    public string? RefusalGround { get; set; }

    /// <summary>For a case another body redirected here: the case it came from (unique, so it is filed once).</summary>
    public Guid? RedirectedFrom { get; set; }
}

/// <summary>A step on a case's timeline, as the citizen sees it.</summary>
public sealed class CaseEvent
{
    public long Id { get; set; }
    public Guid CaseId { get; set; }
    public DateTime At { get; set; }
    public required string Kind { get; set; }
    public string? Description { get; set; }

    /// <summary>The same text in Arabic (null on steps recorded before there was one: the French is shown).</summary>
    public string? DescriptionAr { get; set; }
    public DateOnly? DueOn { get; set; }

    /// <summary>For a step from routing's <c>CaseMoved</c>: its sequence, shown once even if routing sends the move again.</summary>
    public int? Sequence { get; set; }

    public CaseEvent Describe(Func<Language, string> text)
    {
        Description = text(Language.French);
        DescriptionAr = text(Language.Arabic);
        return this;
    }

    public string? DescriptionIn(Language language) => language == Language.Arabic ? DescriptionAr ?? Description : Description;
}

/// <summary>
/// A receipt recorded with its filing whose e-mail is still to be written (by <c>ReceiptNoticeWriter</c>, which deletes
/// the row): the access code sealed with the Data Protection key ring, null for a receipt by post.
/// </summary>
public sealed class RecordedReceipt
{
    public Guid CaseId { get; set; }
    public string? SealedCode { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>
/// A receipt's e-mail written and waiting to be sent: the placeholder its text holds (random, so that nothing a citizen
/// writes can be one) and the access code sealed, which the sender writes in its place; deleted once the e-mail is sent.
/// </summary>
public sealed class ReceiptCode
{
    public Guid CaseId { get; set; }
    public required string Placeholder { get; set; }
    public required string SealedCode { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>A key that seals receipts' access codes, wrapped by the Data Protection key ring (see <c>AccessCodeSeal</c>).</summary>
public sealed class ReceiptKey
{
    public required string Id { get; set; }
    public required string WrappedKey { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>
/// A message routing wrote to the citizen (an extension, an answer...) and where its delivery stands: <c>pending</c>,
/// <c>sent</c>, <c>failed</c>, or <c>postal</c> (to be posted). The receipt is intake's own: see the notifications table.
/// </summary>
public sealed class CaseNotice
{
    public long Id { get; set; }
    public Guid CaseId { get; set; }

    /// <summary>Routing's idempotency key of the notification: one row per notice.</summary>
    public required string NoticeKey { get; set; }
    public required string Template { get; set; }
    public required string Subject { get; set; }
    public required string Status { get; set; }

    /// <summary>When it reached its status.</summary>
    public DateTime At { get; set; }

    /// <summary>Statuses only move forward: recorded, then delivered (or posted, or given up).</summary>
    public static int Rank(string status) => status == "pending" ? 0 : 1;
}

/// <summary>The last tracking number handed out for one prefix and year, e.g. <c>DAI-2026</c>.</summary>
public sealed class TrackingCounter
{
    public required string Key { get; set; }
    public long Last { get; set; }
}

/// <summary>Something the citizen asked of their case through intake, relayed to routing as <c>CitizenActed</c>.</summary>
public sealed class CitizenAction
{
    /// <summary>The <c>ActionId</c> of the message: routing's refusal names it.</summary>
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }

    /// <summary><c>file-recourse</c>, <c>reopen</c>, <c>rate</c>, <c>clarify</c> or <c>withdraw</c>.</summary>
    public required string Action { get; set; }
    public string? Text { get; set; }
    public int? Rating { get; set; }
    public DateTime At { get; set; }
    public DateOnly OccurredOn { get; set; }

    /// <summary><c>pending</c> until routing applies it (<c>done</c>) or refuses it (<c>refused</c>, with its reason).</summary>
    public required string State { get; set; }
    public string? RefusalReason { get; set; }
}

/// <summary>A public body of routing's directory, as the last snapshot listed it.</summary>
public sealed class BodyRecord
{
    public required string Code { get; set; }
    public required string NameFr { get; set; }
    public required string NameAr { get; set; }
    public required string Sector { get; set; }
    public required string Region { get; set; }
    public string? ParentCode { get; set; }

    /// <summary>Its information officers' public contact, as JSON: <c>[{"name", "email"}]</c>.</summary>
    public string? Officers { get; set; }
}

/// <summary>The version of the directory snapshot in the bodies table (one row): an older snapshot is ignored.</summary>
public sealed class DirectoryVersion
{
    public int Id { get; set; }
    public long Version { get; set; }
    public DateTime PublishedAt { get; set; }
}
