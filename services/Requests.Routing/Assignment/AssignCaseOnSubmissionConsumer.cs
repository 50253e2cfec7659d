using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Requests.Contracts.Intake;
using Requests.Contracts.Routing;
using Requests.Domain.Complaints;
using Requests.Domain.Deadlines;
using Requests.Domain.Lifecycle;
using Requests.Notifications.Delivery;
using Requests.Routing.Calendar;
using Requests.Routing.Cases;
using Requests.Routing.Notices;
using Requests.Routing.Storage;
using Requests.ServiceDefaults.Data;
using Requests.ServiceDefaults.Messaging;

namespace Requests.Routing.Assignment;

/// <summary>Opens the routed case of each new submission and gives it to an officer, with the inbox record and one
/// <see cref="CasesOpened"/> event for the batch: a redelivery, or a second message about the same case, changes nothing. Intake's
/// messages each carry the filings of one commit, and come in batches (up to <see cref="BatchSize"/> messages, gathered
/// for at most <see cref="BatchWait"/>) handled in one transaction: one disk flush for the batch instead of one per case,
/// which is what lets routing keep up with intake's rate.</summary>
public sealed class AssignCaseOnSubmissionConsumer(
    RoutingDbContext db, OfficerPicker picker, Inbox inbox, OutboxSignal outbox, TimeProvider clock, CalendarStore calendar,
    CaseNotices notices, ILogger<AssignCaseOnSubmissionConsumer> logger) : IConsumer<Batch<SubmissionsStored>>
{
    public const string UnknownBody = "unknown-body";
    public const string NobodyToAssign = "nobody-to-assign";
    public const int BatchSize = 10;
    public static readonly TimeSpan BatchWait = TimeSpan.FromMilliseconds(5);

    public Task Consume(ConsumeContext<Batch<SubmissionsStored>> context) =>
        AssignAsync([.. context.Message.SelectMany(m => m.Message.Submissions)], context.CancellationToken);

    /// <summary>Assigns a batch of submissions, inside the inbox's transaction (and, on SQLite, its write gate; on
    /// PostgreSQL the locks of its bodies, so the open-case counts read here still hold when each case is added). Its new rows are written with one prepared statement
    /// per table (EF Core's SaveChanges would build one per row); what this batch already did is known from these sets, and
    /// the picker counts the cases it hands out itself.</summary>
    public async Task AssignAsync(IReadOnlyList<RequestSubmitted> batch, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var caseIds = batch.Select(m => m.CaseId).Distinct().ToList();
        var opened = (await db.Cases.Where(c => caseIds.Contains(c.Id)).Select(c => c.Id).ToListAsync(cancellationToken)).ToHashSet();
        var rows = new NewRows();
        await picker.HoldBodiesAsync(batch.Where(m => !opened.Contains(m.CaseId)).Select(m => m.BodyCode), cancellationToken);
        foreach (var message in batch)
        {
            if (!opened.Add(message.CaseId))
            {
                logger.LogInformation("Case {CaseId} is already routed; its submission {TrackingNumber} again is ignored",
                    message.CaseId, message.TrackingNumber);
                continue;
            }
            await OpenAsync(message, now, rows, cancellationToken);
        }
        if (rows.Opened.Count > 0)
            rows.Messages.Add(OutboxMessage.For(new CasesOpened(rows.Opened), Guid.CreateVersion7(), now));
        await db.InsertAllAsync(rows.Cases, cancellationToken);
        await db.InsertAllAsync(rows.Audit, cancellationToken);
        await db.InsertAllAsync(rows.Messages, cancellationToken);
        await db.InsertAllAsync(rows.Notifications, cancellationToken);
        inbox.OnCommitted(picker.Saved);
        if (rows.Messages.Count > 0)
            inbox.OnCommitted(outbox.Notify);
    }

    /// <summary>What a batch adds, written at its end.</summary>
    private sealed class NewRows
    {
        public List<RoutedCase> Cases { get; } = [];
        public List<CaseOpened> Opened { get; } = [];
        public List<CaseAuditEntry> Audit { get; } = [];
        public List<OutboxMessage> Messages { get; } = [];
        public List<Notification> Notifications { get; } = [];
    }

    private async Task OpenAsync(RequestSubmitted message, DateTime now, NewRows rows, CancellationToken cancellationToken)
    {
        var routed = new RoutedCase
        {
            Id = message.CaseId, TrackingNumber = message.TrackingNumber, Regime = message.Regime, Kind = message.Kind,
            BodyCode = message.BodyCode, Subject = message.Subject, Description = message.Description,
            Urgent = message.Urgent, ReceivedAt = message.ReceivedAt.UtcDateTime, ReceivedOn = message.ReceivedOn,
            DueOn = message.DueOn, RuleVersion = message.RuleVersion, Status = LifecycleCodes.Code(CaseStatus.Received),
            ClockStartsOn = message.ReceivedOn, Channel = message.Channel, Theme = message.Theme, Language = message.Language,
            RedirectedFrom = message.RedirectedFrom, Version = 1,
        };
        // the answer's clock runs from receipt, assigned or not: its first alert is the reminder 5 working days before
        CaseClock.ScheduleAlerts(routed, calendar.Current);
        rows.Cases.Add(routed);
        // the files that came with the filing, beside the request for the body's staff: their references only
        if (message.Documents is { Count: > 0 } filed)
            rows.Audit.Add(new CaseAuditEntry
            {
                CaseId = routed.Id, At = message.ReceivedAt.UtcDateTime, Actor = "citizen", Action = "file", ToStatus = routed.Status,
                Documents = JsonSerializer.Serialize(filed, JsonSerializerOptions.Web),
            });

        var bodyKnown = await picker.KnowsAsync(message.BodyCode, cancellationToken);
        var officer = bodyKnown ? await picker.PickAsync(message.BodyCode, message.ReceivedOn, cancellationToken) : null;
        var regime = Enum.TryParse<Regime>(message.Regime, ignoreCase: true, out var r) ? r : Regime.Information;
        if (officer is null || !CaseLifecycle.TryFire(regime, CaseStatus.Received, CaseTrigger.Assign, out var assigned))
        {
            // left for a person to route: throwing would only send the message round the error queue
            routed.Flag = bodyKnown ? NobodyToAssign : UnknownBody;
            logger.LogWarning("Case {TrackingNumber} for body {BodyCode} was not assigned: {Flag}",
                message.TrackingNumber, message.BodyCode, routed.Flag);
            rows.Audit.Add(Audit(routed, now, "flag", null, routed.Flag));
            rows.Opened.Add(Opened(routed, message.ReceivedAt));
            await notices.AddForOpeningAsync(routed, null, message, now, rows.Notifications, rows.Messages, cancellationToken);
            return;
        }

        var from = routed.Status;
        routed.Status = LifecycleCodes.Code(assigned);
        routed.AssignedOfficerId = officer.Id;
        routed.AssignedAt = now;
        rows.Audit.Add(Audit(routed, now, LifecycleCodes.Code(CaseTrigger.Assign), from, $"{officer.Role}: {officer.FullName}"));
        rows.Opened.Add(Opened(routed, message.ReceivedAt));
        await notices.AddForOpeningAsync(routed, officer, message, now, rows.Notifications, rows.Messages, cancellationToken);
    }

    /// <summary>The reports' message, and the citizen's timeline's: the case's dimensions and its officer, never the requester.</summary>
    private static CaseOpened Opened(RoutedCase routed, DateTimeOffset receivedAt) =>
        new(routed.Id, routed.TrackingNumber, routed.Regime, routed.Kind, routed.BodyCode, routed.Channel,
            ComplaintThemes.CodeOf(routed.Theme), routed.Urgent, receivedAt, routed.ReceivedOn, routed.DueOn, routed.AssignedOfficerId,
            routed.AssignedAt is { } at ? new DateTimeOffset(at, TimeSpan.Zero) : null);

    private static CaseAuditEntry Audit(RoutedCase routed, DateTime now, string action, string? from, string? note) =>
        new()
        {
            CaseId = routed.Id, At = now, Actor = "routing", Action = action, FromStatus = from,
            ToStatus = routed.Status, OfficerId = routed.AssignedOfficerId, Note = note,
        };
}
