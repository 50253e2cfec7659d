using System.Globalization;
using Requests.Notifications.Email;

namespace Requests.Notifications.Delivery;

/// <summary>
/// Idempotency keys: one notification per event, template and recipient. A consumer that handles the same event
/// again (a redelivery, a retry after a lost race) builds the same key and adds nothing.
/// </summary>
public static class NotificationKey
{
    /// <summary><c>{caseId}:{sequence}:{template}:{recipient}</c>, for a case's event (e.g. <c>CaseMoved.Sequence</c>).</summary>
    public static string For(Guid caseId, long sequence, string template, string? address) =>
        For(string.Create(CultureInfo.InvariantCulture, $"{caseId:D}:{sequence}"), template, address);

    /// <summary>
    /// <c>{scope}:{template}:{recipient}</c>, for what has no sequence: a message id, or e.g. <c>digest:MEF-O1:2026-11-23</c>.
    /// A recipient without a usable address is <c>postal</c>.
    /// </summary>
    public static string For(string scope, string template, string? address) =>
        $"{scope}:{template}:{(EmailAddresses.TryNormalize(address, out var recipient) ? recipient.ToLowerInvariant() : "postal")}";
}
