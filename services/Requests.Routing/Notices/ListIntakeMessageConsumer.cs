using MassTransit;
using Microsoft.EntityFrameworkCore;
using Requests.Contracts.Intake;
using Requests.Routing.Storage;

namespace Requests.Routing.Notices;

/// <summary>
/// Keeps where each message intake wrote to a requester stands, listed with the case's own notifications: one row per
/// message, moved only forward (a late <c>pending</c> never hides a <c>sent</c>).
/// </summary>
public sealed class ListIntakeMessageConsumer(RoutingDbContext db, ILogger<ListIntakeMessageConsumer> logger)
    : IConsumer<RequesterMessageUpdated>
{
    public async Task Consume(ConsumeContext<RequesterMessageUpdated> context)
    {
        var cancellationToken = context.CancellationToken;
        var update = context.Message;
        if (!await db.Cases.AnyAsync(c => c.Id == update.CaseId, cancellationToken))
        {
            logger.LogWarning("RequesterMessageUpdated for {TrackingNumber}, which routing does not hold", update.TrackingNumber);
            return;
        }
        var message = await db.IntakeMessages.FirstOrDefaultAsync(m => m.NoticeKey == update.NoticeKey, cancellationToken);
        if (message is null)
            db.IntakeMessages.Add(message = new IntakeMessage
            {
                CaseId = update.CaseId, NoticeKey = update.NoticeKey, Template = update.Template, Language = update.Language,
                Subject = update.Subject, Status = update.Status, CreatedAt = update.CreatedAt.UtcDateTime,
            });
        else if (IntakeMessage.Rank(update.Status) <= IntakeMessage.Rank(message.Status))
            return;
        message.Status = update.Status;
        message.Recipient = update.Recipient;
        message.Attempts = update.Attempts;
        message.LastError = update.LastError;
        message.SentAt = update.Status == "sent" ? update.At.UtcDateTime : null;
    }
}
