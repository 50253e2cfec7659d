using MassTransit;
using Requests.Contracts.Routing;
using Requests.Intake.Storage;
using Requests.ServiceDefaults.Calendar;
using Requests.ServiceDefaults.Messaging;

namespace Requests.Intake.Calendar;

/// <summary>Takes routing's calendar, so the due date on a receipt is counted on the holidays routing counts on.</summary>
public sealed class ReplaceCalendarConsumer(IntakeDbContext db, PublishedCalendar calendar, Inbox inbox) : IConsumer<CalendarPublished>
{
    public Task Consume(ConsumeContext<CalendarPublished> context) =>
        calendar.ReplaceAsync(db, inbox, context.Message, context.CancellationToken);
}
