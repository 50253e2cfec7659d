using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Requests.Intake.Storage;
using Requests.Notifications.Delivery;

namespace Requests.Intake.Notices;

/// <summary>
/// A message to the citizen as their timeline shows it: its subject, template, where its delivery stands, and the
/// sequence of the move it tells of (0 for the receipt), read from its key (<c>{caseId}:{sequence}:{template}:{recipient}</c>).
/// </summary>
public sealed record CitizenNotice(DateTime At, string Template, string Subject, string Status, int? Sequence);

public static class CitizenNotices
{
    /// <summary>Intake's own (the receipt) and routing's, as last reported.</summary>
    public static async Task<List<CitizenNotice>> ForCaseAsync(IntakeDbContext db, Guid caseId, CancellationToken cancellationToken)
    {
        var own = await db.Set<Notification>().AsNoTracking().Where(n => n.CaseId == caseId)
            .Select(n => new { At = n.SentAt ?? n.CreatedAt, n.Template, n.Subject, n.Status, Key = n.IdempotencyKey })
            .ToListAsync(cancellationToken);
        var routed = await db.CaseNotices.AsNoTracking().Where(n => n.CaseId == caseId)
            .Select(n => new { n.At, n.Template, n.Subject, n.Status, Key = n.NoticeKey })
            .ToListAsync(cancellationToken);
        // a receipt recorded with the filing, its e-mail not yet written (a moment after the filing)
        var recorded = await db.RecordedReceipts.AsNoTracking().Where(r => r.CaseId == caseId)
            .Select(r => new { At = r.CreatedAt, Template = "receipt", Subject = "", Status = NotificationStatus.Pending, Key = $"{caseId:D}:0:receipt:" })
            .ToListAsync(cancellationToken);
        return [.. own.Concat(routed).Concat(recorded).OrderBy(n => n.At).Select(n => new CitizenNotice(n.At, n.Template, n.Subject, n.Status, SequenceOf(n.Key)))];
    }

    private static int? SequenceOf(string key)
    {
        var parts = key.Split(':');
        return parts.Length >= 4 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
            ? sequence
            : null;
    }
}
