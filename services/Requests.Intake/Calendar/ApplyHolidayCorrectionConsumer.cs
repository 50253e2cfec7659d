using MassTransit;
using Microsoft.EntityFrameworkCore;
using Requests.Contracts.Routing;
using Requests.Intake.Storage;
using Requests.ServiceDefaults.Data;
using Requests.ServiceDefaults.Messaging;

namespace Requests.Intake.Calendar;

/// <summary>
/// Applies routing's holiday correction to intake's calendar, so the due date on a receipt is the one routing
/// computes. Kept under routing's correction id: a redelivery, or the same correction sent twice, adds nothing.
/// </summary>
public sealed class ApplyHolidayCorrectionConsumer(IntakeDbContext db, CalendarStore calendar, WriteGate writes,
    TimeProvider clock) : IConsumer<HolidayCorrected>
{
    public async Task Consume(ConsumeContext<HolidayCorrected> context)
    {
        var correction = context.Message;
        var cancellationToken = context.CancellationToken;
        var messageId = context.MessageId ?? throw new InvalidOperationException("HolidayCorrected without a message id.");
        await writes.EnterAsync(cancellationToken);
        try
        {
            if (!await db.TryRecordAsync(messageId, nameof(ApplyHolidayCorrectionConsumer), clock.GetUtcNow().UtcDateTime, cancellationToken))
                return;
            if (!await db.HolidayCorrections.AnyAsync(c => c.Id == correction.CorrectionId, cancellationToken))
                db.HolidayCorrections.Add(new HolidayCorrection
                {
                    Id = correction.CorrectionId,
                    HolidayDate = correction.HolidayDate,
                    NewDate = correction.NewDate,
                    Confirmed = correction.Confirmed,
                    Reason = correction.Reason,
                    CorrectedBy = correction.CorrectedBy,
                    CorrectedAt = correction.At.UtcDateTime,
                });
            await db.SaveChangesAsync(cancellationToken);
            // inside the gate, so two corrections in a row are both in the calendar the last reload builds
            await calendar.ReloadAsync(db, cancellationToken);
        }
        finally
        {
            writes.Exit();
        }
    }
}
