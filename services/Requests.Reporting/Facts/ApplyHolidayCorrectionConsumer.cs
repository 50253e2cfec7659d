using MassTransit;
using Microsoft.EntityFrameworkCore;
using Requests.Contracts.Routing;
using Requests.Reporting.Reports;
using Requests.Reporting.Storage;
using Requests.ServiceDefaults.Data;
using Requests.ServiceDefaults.Messaging;

namespace Requests.Reporting.Facts;

/// <summary>Takes routing's holiday correction into the calendar the reports count working days on.</summary>
public sealed class ApplyHolidayCorrectionConsumer(ReportingDbContext db, ReportCalendar calendar, WriteGate writes, TimeProvider clock)
    : IConsumer<HolidayCorrected>
{
    public Task Consume(ConsumeContext<HolidayCorrected> context) =>
        db.HandleOnceAsync(context, nameof(ApplyHolidayCorrectionConsumer), writes, clock, async cancellationToken =>
        {
            var m = context.Message;
            if (!await db.HolidayCorrections.AnyAsync(c => c.Id == m.CorrectionId, cancellationToken))
            {
                db.HolidayCorrections.Add(new HolidayCorrection
                {
                    Id = m.CorrectionId, HolidayDate = m.HolidayDate, NewDate = m.NewDate, Confirmed = m.Confirmed,
                });
            }
            await db.SaveChangesAsync(cancellationToken);
            // inside the gate and the transaction, so the reload sees this correction and every earlier one
            await calendar.ReloadAsync(db, cancellationToken);
        });
}
