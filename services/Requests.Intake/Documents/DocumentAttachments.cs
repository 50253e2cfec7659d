using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Requests.Intake.Storage;
using Requests.Notifications.Email;
using Requests.Notifications.Templates.Citizen;

namespace Requests.Intake.Documents;

/// <summary>
/// The files the e-mail of a move carries, read as it is sent: those the move delivered, when together they are at most
/// <c>Documents:AttachUpToBytes</c> (the message then says they are attached; otherwise it links to the page).
/// </summary>
public sealed class DocumentAttachments(IntakeDbContext db, IDocumentStore store, IOptions<DocumentOptions> options)
{
    public static bool Fit(long bytes, DocumentOptions options) => bytes <= options.AttachUpToBytes;

    public async Task<IReadOnlyList<EmailAttachment>?> ForAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        // the key reads {caseId}:{sequence}:{template}:{recipient}; intake writes the receipt and the moves that send documents
        var parts = message.Key.Split(':');
        if (message.Template == ReceiptNotice.Template || parts.Length < 4 || !Guid.TryParse(parts[0], out var caseId)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
            return null;
        var sent = await db.Set<DocumentRecord>().AsNoTracking()
            .Where(d => d.CaseId == caseId && d.Sequence == sequence && d.State == DocumentStates.Delivered)
            .ToListAsync(cancellationToken);
        if (sent.Count == 0 || !Fit(sent.Sum(d => d.Size), options.Value))
            return null;
        var files = new List<EmailAttachment>(sent.Count);
        foreach (var document in sent.OrderBy(d => d.AddedAt).ThenBy(d => d.Name))
        {
            await using var content = await store.OpenReadAsync(document.Id, cancellationToken);
            using var bytes = new MemoryStream((int)document.Size);
            await content.CopyToAsync(bytes, cancellationToken);
            files.Add(new EmailAttachment(document.Name, document.ContentType, bytes.ToArray()));
        }
        return files;
    }
}
