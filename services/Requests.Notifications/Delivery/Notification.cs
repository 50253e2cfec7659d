using Requests.Notifications.Email;
using Requests.Notifications.Templates;
using Requests.Notifications.Templates.Staff;

namespace Requests.Notifications.Delivery;

/// <summary>Where a notification stands.</summary>
public static class NotificationStatus
{
    /// <summary>Waiting for its next attempt at <see cref="Notification.NextAttemptAt"/>.</summary>
    public const string Pending = "pending";

    public const string Sent = "sent";

    /// <summary>Refused for good by the server, or out of attempts: someone must look at it.</summary>
    public const string Failed = "failed";

    /// <summary>No usable e-mail address: to be printed and posted; never tried by SMTP.</summary>
    public const string Postal = "postal";

    /// <summary>A postal notice printed and posted by staff (at <see cref="Notification.SentAt"/>).</summary>
    public const string Posted = "posted";

    /// <summary>A staff notice that came faster than grouping allows: it waits for the end of its window (<see cref="Notification.NextAttemptAt"/>).</summary>
    public const string Held = "held";

    /// <summary>A held notice told in one message that lists it with the others of its window.</summary>
    public const string Grouped = "grouped";
}

/// <summary>What is sent first: the law's notices and the heads' escalations before routine staff notices.</summary>
public static class NotificationPriority
{
    public const int Legal = 0;
    public const int Routine = 1;

    private static readonly HashSet<string> RoutineTemplates = new(StringComparer.Ordinal)
    {
        CaseAssignedNotice.Template, DeadlineReminder.Template, OverdueNotice.Template, DailyDigest.Template, GroupedNotices.Template,
    };

    /// <summary>Routine for an officer's new case, reminder, overdue notice or digest; every other message is the law's.</summary>
    public static int Of(string template) => RoutineTemplates.Contains(template) ? Routine : Legal;
}

/// <summary>
/// A message to send, rendered when the event that causes it happens and saved in the same transaction as that event
/// (see <see cref="NotificationStore"/>); <see cref="NotificationDelivery{TContext}"/> sends it.
/// </summary>
public sealed class Notification
{
    public long Id { get; set; }

    /// <summary>Unique: the same event told to the same recipient twice is one notification (see <see cref="NotificationKey"/>).</summary>
    public required string IdempotencyKey { get; set; }
    public required string Template { get; set; }
    public required string Language { get; set; }

    /// <summary>The normalized e-mail address; null when there is none to use (status <c>postal</c>).</summary>
    public string? Recipient { get; set; }
    public required string Subject { get; set; }
    public required string Html { get; set; }
    public required string Text { get; set; }
    public required string Status { get; set; }
    public int Attempts { get; set; }
    public DateTime? NextAttemptAt { get; set; }
    public string? LastError { get; set; }
    public Guid? CaseId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? SentAt { get; set; }

    /// <summary><see cref="NotificationPriority"/>: the lower goes first.</summary>
    public int Priority { get; set; }

    /// <summary>For an officer's notice about one case (new, reminder, overdue): its tracking number and due date, which a
    /// grouped message lists. Null for every other message, which is never grouped.</summary>
    public string? Reference { get; set; }
    public DateOnly? DueOn { get; set; }

    /// <summary>
    /// A notification of <paramref name="message"/> in <paramref name="language"/>: pending when <paramref name="address"/>
    /// is a usable e-mail address, postal otherwise (missing or invalid: the reason is kept in <see cref="LastError"/>).
    /// </summary>
    public static Notification Create(string key, IEmailTemplate message, Language language, string? address, Guid? caseId,
        DateTime now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        var email = message.Render(language);
        var usable = EmailAddresses.TryNormalize(address, out var recipient);
        var (reference, dueOn) = message switch
        {
            CaseAssignedNotice n => (n.TrackingNumber, n.DueOn),
            DeadlineReminder n => (n.TrackingNumber, n.DueOn),
            OverdueNotice n => (n.TrackingNumber, n.DueOn),
            _ => ((string?)null, (DateOnly?)null),
        };
        return new Notification
        {
            IdempotencyKey = key,
            Template = email.Template,
            Language = language.Code(),
            Recipient = recipient,
            Subject = email.Subject,
            Html = email.Html,
            Text = email.Text,
            Status = usable ? NotificationStatus.Pending : NotificationStatus.Postal,
            NextAttemptAt = usable ? now : null,
            LastError = usable ? null : string.IsNullOrWhiteSpace(address) ? "no e-mail address" : $"invalid e-mail address: {address}",
            CaseId = caseId,
            CreatedAt = now,
            Priority = NotificationPriority.Of(email.Template),
            Reference = reference,
            DueOn = dueOn,
        };
    }
}
