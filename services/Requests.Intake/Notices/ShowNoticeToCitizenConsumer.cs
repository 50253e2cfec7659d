using MassTransit;
using Microsoft.EntityFrameworkCore;
using Requests.Contracts.Routing;
using Requests.Intake.Storage;

namespace Requests.Intake.Notices;

/// <summary>
/// Keeps where each of routing's messages to the citizen stands, for their timeline: one row per notice, moved only
/// forward (a late <c>pending</c> never hides a <c>sent</c>).
/// </summary>
public sealed class ShowNoticeToCitizenConsumer(IntakeDbContext db,
    ILogger<ShowNoticeToCitizenConsumer> logger) : IConsumer<CitizenNoticeUpdated>
{
    public async Task Consume(ConsumeContext<CitizenNoticeUpdated> context)
    {
        var cancellationToken = context.CancellationToken;
        var update = context.Message;
        if (!await db.Cases.AnyAsync(c => c.Id == update.CaseId, cancellationToken))
        {
            logger.LogWarning("CitizenNoticeUpdated for {TrackingNumber}, which intake does not hold", update.TrackingNumber);
            return;
        }
        var notice = await db.CaseNotices.FirstOrDefaultAsync(n => n.NoticeKey == update.NoticeKey, cancellationToken);
        if (notice is null)
        {
            db.CaseNotices.Add(new CaseNotice
            {
                CaseId = update.CaseId, NoticeKey = update.NoticeKey, Template = update.Template, Subject = update.Subject,
                Status = update.Status, At = update.At.UtcDateTime,
            });
        }
        else if (CaseNotice.Rank(update.Status) > CaseNotice.Rank(notice.Status))
        {
            notice.Status = update.Status;
            notice.At = update.At.UtcDateTime;
        }
    }
}
