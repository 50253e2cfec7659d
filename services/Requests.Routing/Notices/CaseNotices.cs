using Microsoft.EntityFrameworkCore;
using Requests.Contracts.Intake;
using Requests.Contracts.Routing;
using Requests.Domain.Lifecycle;
using Requests.Notifications.Delivery;
using Requests.Notifications.Email;
using Requests.Notifications.Templates;
using Requests.Notifications.Templates.Citizen;
using Requests.Notifications.Templates.Staff;
using Requests.Routing.Calendar;
using Requests.Routing.Storage;
using Requests.ServiceDefaults.Messaging;

namespace Requests.Routing.Notices;

/// <summary>The messages a case's moves cause, added to the same unit of work as the move (one SaveChanges: both or
/// neither): the requester is told of each step the law names, the head of a recourse, an officer of the case they are
/// given. Keys carry the case's sequence, so handling the same move again adds nothing.</summary>
public sealed class CaseNotices(RoutingDbContext db, CalendarStore calendar, NoticeLinks links)
{
    private readonly Dictionary<string, BodyName> _bodies = new(StringComparer.Ordinal);

    /// <summary>Whether intake writes the requester's message of this move: the move sends documents and the requester has an
    /// e-mail address, so the message carries the files, whose bytes intake holds. A letter stays routing's, listing them.</summary>
    public static bool WrittenByIntake(RoutedCase routed, IReadOnlyList<DocumentReference>? documents) =>
        documents is { Count: > 0 } && EmailAddresses.TryNormalize(routed.RequesterEmail, out _);

    /// <summary>After a move of <paramref name="routed"/> (its <c>Version</c> already the move's sequence).</summary>
    /// <param name="documents">The documents the move sends, which a letter lists.</param>
    public async Task AddForMoveAsync(RoutedCase routed, CaseTrigger trigger, CaseMoved moved, IReadOnlyList<DocumentReference>? documents,
        DateTime now, CancellationToken cancellationToken)
    {
        switch (trigger)
        {
            case CaseTrigger.Extend:
                await AddAsync(routed, new ExtensionNotice(routed.TrackingNumber, await BodyAsync(routed.BodyCode, cancellationToken),
                    moved.Text ?? "", moved.PreviousDueOn ?? routed.DueOn, routed.DueOn, links.Follow(routed.TrackingNumber)),
                    Languages.Parse(routed.Language), routed.RequesterEmail, now, cancellationToken);
                break;
            case CaseTrigger.AskClarification or CaseTrigger.Answer or CaseTrigger.AnswerRecourse when !WrittenByIntake(routed, documents):
                var listed = documents is { Count: > 0 }
                    ? new SentDocuments([.. documents.Select(d => new SentDocument(d.Name ?? d.Id.ToString(), d.Size))], Attached: false)
                    : null;
                if (MoveNotices.For(moved, await BodyAsync(routed.BodyCode, cancellationToken), CommissionLastDay(trigger, moved.OccurredOn),
                        links.Follow(routed.TrackingNumber), listed) is { } notice)
                    await AddAsync(routed, notice, Languages.Parse(routed.Language), routed.RequesterEmail, now, cancellationToken);
                break;
            case CaseTrigger.FileRecourse:
                await TellHeadOfRecourseAsync(routed, moved.Text, now, cancellationToken);
                break;
            case CaseTrigger.Assign:
                if (await db.Officers.FindAsync([routed.AssignedOfficerId], cancellationToken) is { } officer)
                    await AddAsync(routed, await AssignedAsync(routed, officer, cancellationToken), Languages.Parse(officer.Language),
                        officer.Email, now, cancellationToken);
                break;
        }
    }

    /// <summary>For the head's answer to a recourse: the last day to go to the Commission.</summary>
    public DateOnly? CommissionLastDay(CaseTrigger trigger, DateOnly today) =>
        trigger == CaseTrigger.AnswerRecourse ? calendar.CommissionLastDay(today) : null;

    /// <summary>For a case just opened by the assignment: keeps the requester's name and e-mail on it, tells its officer
    /// (when it has one), and tells the requester of a redirected case its new body and tracking number. The case is new:
    /// its keys cannot exist yet, so nothing is read to check them. The notices go into <paramref name="notifications"/>
    /// and <paramref name="messages"/>, which the assignment writes with its batch.</summary>
    public async Task AddForOpeningAsync(RoutedCase routed, Officer? officer, RequestSubmitted message, DateTime now,
        ICollection<Notification> notifications, ICollection<OutboxMessage> messages, CancellationToken cancellationToken)
    {
        routed.RequesterName = message.Requester.FullName;
        routed.RequesterEmail = message.Requester.Email;
        routed.RequesterAddress = message.Requester.Address;
        if (officer is not null)
            Collect(routed, await AssignedAsync(routed, officer, cancellationToken), Languages.Parse(officer.Language), officer.Email, now,
                notifications, messages);
        if (routed.RedirectedFrom is { } fromId && await db.Cases.FindAsync([fromId], cancellationToken) is { } from)
        {
            var notice = new RedirectionNotice(from.TrackingNumber, from.Kind, await BodyAsync(from.BodyCode, cancellationToken),
                await BodyAsync(routed.BodyCode, cancellationToken), routed.TrackingNumber,
                await RedirectionReasonsAsync(from, cancellationToken),
                routed.DueOn, links.Follow(routed.TrackingNumber));
            Collect(routed, notice, Languages.Parse(routed.Language), routed.RequesterEmail, now, notifications, messages);
        }
    }

    private async Task TellHeadOfRecourseAsync(RoutedCase c, string? text, DateTime now, CancellationToken cancellationToken)
    {
        var head = await db.Officers.FirstOrDefaultAsync(o => o.BodyCode == c.BodyCode && o.Role == OfficerRoles.Head,
            cancellationToken);
        if (head is null || c.RecourseFiledOn is not { } filedOn || c.RecourseDueOn is not { } dueOn)
            return;
        var notice = new RecourseReceivedNotice(head.FullName, c.TrackingNumber, await BodyAsync(c.BodyCode, cancellationToken),
            c.Outcome is null ? RecourseBasis.Silence : RecourseBasis.Refusal, text, filedOn, dueOn, links.Case(c.Id));
        await AddAsync(c, notice, Languages.Parse(head.Language), head.Email, now, cancellationToken);
    }

    private async Task<CaseAssignedNotice> AssignedAsync(RoutedCase c, Officer officer, CancellationToken cancellationToken)
    {
        // a substitute given the case is told whom they stand in for
        var inPlaceOf = officer.Role == OfficerRoles.Substitute && officer.SubstituteOf is { } designated
            ? (await db.Officers.FindAsync([designated], cancellationToken))?.FullName
            : null;
        return new CaseAssignedNotice(officer.FullName, c.TrackingNumber, c.Kind, await BodyAsync(c.BodyCode, cancellationToken),
            c.Subject, c.ReceivedOn, c.DueOn, c.Urgent, links.Case(c.Id), inPlaceOf);
    }

    /// <summary>The body's names, read once per unit of work (an assignment batch names the same few bodies again and again).</summary>
    private async Task<BodyName> BodyAsync(string code, CancellationToken cancellationToken)
    {
        if (!_bodies.TryGetValue(code, out var name))
            _bodies[code] = name = NoticeDirectory.NameOf(
                await db.Bodies.AsNoTracking().FirstOrDefaultAsync(b => b.Code == code, cancellationToken), code);
        return name;
    }

    /// <summary>The reasons the officer gave, from the redirection's audit entry (its note is "to {body}: {reasons}").</summary>
    private async Task<string?> RedirectionReasonsAsync(RoutedCase from, CancellationToken cancellationToken)
    {
        var redirect = LifecycleCodes.Code(CaseTrigger.Redirect);
        var note = await db.CaseAuditEntries.Where(a => a.CaseId == from.Id && a.Action == redirect)
            .OrderByDescending(a => a.Id).Select(a => a.Note).FirstOrDefaultAsync(cancellationToken);
        var prefix = $"to {from.RedirectedTo}: ";
        return note is not null && note.StartsWith(prefix, StringComparison.Ordinal) ? note[prefix.Length..] : note;
    }

    /// <summary>Adds the notice unless its key is already saved or added (the same move handled again).</summary>
    private async Task AddAsync(RoutedCase c, IEmailTemplate notice, Language language, string? address, DateTime now,
        CancellationToken cancellationToken)
    {
        var key = NotificationKey.For(c.Id, c.Version, notice.Name, address);
        if (db.ChangeTracker.Entries<Notification>().Any(e => e.Entity.IdempotencyKey == key)
            || await db.Set<Notification>().AnyAsync(n => n.IdempotencyKey == key, cancellationToken))
            return;
        Collect(c, notice, language, address, now, db.Set<Notification>().Local, db.Set<OutboxMessage>().Local);
    }

    /// <summary>Adds the notice and, for the requester's, the message that shows it on their timeline, to these collections.</summary>
    private static void Collect(RoutedCase c, IEmailTemplate notice, Language language, string? address, DateTime now,
        ICollection<Notification> notifications, ICollection<OutboxMessage> messages)
    {
        var notification = Notification.Create(NotificationKey.For(c.Id, c.Version, notice.Name, address), notice, language,
            address, c.Id, now);
        notifications.Add(notification);
        if (CitizenNoticeRelay.For(notification, c.TrackingNumber, now) is { } message)
            messages.Add(message);
    }
}
