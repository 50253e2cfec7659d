using MassTransit;
using Requests.Contracts.Routing;
using Requests.Reporting.Storage;
using Requests.ServiceDefaults.Calendar;
using Requests.ServiceDefaults.Messaging;

namespace Requests.Reporting.Facts;

/// <summary>Takes routing's calendar, so working-day delays are counted on the holidays routing's deadlines are.</summary>
public sealed class ReplaceReportCalendarConsumer(ReportingDbContext db, PublishedCalendar calendar, Inbox inbox) : IConsumer<CalendarPublished>
{
    public Task Consume(ConsumeContext<CalendarPublished> context) =>
        calendar.ReplaceAsync(db, inbox, context.Message, context.CancellationToken);
}
