using MassTransit;
using Microsoft.EntityFrameworkCore;
using Requests.Contracts.Routing;
using Requests.Domain.Deadlines;
using Requests.Intake.Calendar;
using Requests.Intake.Storage;

namespace Requests.Intake.Cases;

/// <summary>
/// Tells the citizen what a missed deadline means for them: the body's silence on an information request is an
/// implicit refusal, open to a recourse to the head until its last day; the head's silence opens the Commission
/// (CDAI). The status follows the <c>CaseMoved</c> of the same miss; whichever arrives first writes the step.
/// </summary>
public sealed class ShowMissedDeadlineToCitizenConsumer(IntakeDbContext db, CalendarStore calendar,
    ILogger<ShowMissedDeadlineToCitizenConsumer> logger) : IConsumer<DeadlineMissed>
{
    public async Task Consume(ConsumeContext<DeadlineMissed> context)
    {
        var cancellationToken = context.CancellationToken;
        var missed = context.Message;
        var record = await db.Cases.FirstOrDefaultAsync(c => c.Id == missed.CaseId, cancellationToken);
        if (record is null)
        {
            logger.LogWarning("DeadlineMissed for {TrackingNumber}, which intake does not hold", missed.TrackingNumber);
            return;
        }
        var head = DeadlineCodes.ParseStep(missed.Deadline) == DeadlineStep.HeadAnswer;
        var kind = head ? "recourse-deadline-missed" : "deadline-missed";
        if (!head && record.Regime == "information" && missed.RecourseLastDay is { } last)
            record.RecourseLastDay ??= last;
        // a recourse is filed once, so its deadline is missed once; a reopened complaint may miss a new one
        var shown = await db.CaseEvents.AnyAsync(e => e.CaseId == record.Id && e.Kind == kind && (head || e.DueOn == missed.DueOn),
            cancellationToken);
        if (shown)
            return;
        db.CaseEvents.Add(new CaseEvent
        {
            CaseId = record.Id,
            At = missed.At.UtcDateTime,
            Kind = kind,
            DueOn = missed.DueOn,
        }.Describe(l => head
            ? CitizenTexts.HeadSilence(missed.DueOn, calendar.CommissionLastDay(missed.DueOn), l)
            : CitizenTexts.DeadlineMissed(record.Regime, record.Kind, missed.DueOn, missed.RecourseLastDay, l)));
    }
}
