using Microsoft.EntityFrameworkCore;
using Requests.Intake.Bodies;
using Requests.Intake.Calendar;
using Requests.Intake.Documents;
using Requests.Intake.Notices;
using Requests.Intake.Storage;
using Requests.Intake.Submissions;
using Requests.Notifications.Templates;
using Requests.ServiceDefaults.Data;

namespace Requests.Intake.Cases;

/// <summary>
/// One step of a case's life as the citizen sees it. Their own actions carry <see cref="Action"/> (a <c>CitizenActed</c>
/// code), <see cref="ActionId"/> and <see cref="State"/>: <c>pending</c>, <c>done</c> or <c>refused</c>.
/// A step the citizen was written about carries the message's template as <see cref="Notice"/> and where its delivery
/// stands as <see cref="Delivery"/>: <c>pending</c>, <c>sent</c>, <c>failed</c> or <c>postal</c> (to be posted: no
/// e-mail address); a message that belongs to no step is an entry of its own, of kind <c>notice</c>. A step that sent or
/// received documents lists them (<see cref="Documents"/>).
/// </summary>
public sealed record TimelineEntry(DateTimeOffset At, string Kind, string? Description, DateOnly? DueOn,
    string? Action = null, Guid? ActionId = null, string? State = null, string? Notice = null, string? Delivery = null,
    IReadOnlyList<DocumentView>? Documents = null);

/// <summary>An action the citizen may take now: <c>POST</c> to <see cref="Path"/> with the access code.</summary>
public sealed record AvailableAction(string Name, string Path);

/// <summary>
/// A case as its citizen follows it. <see cref="DueDate"/> is the body's answer deadline; <see cref="RecourseLastDay"/>
/// the last day to contest a refusal or a silence before the head of the body, while that is open;
/// <see cref="RecourseDueOn"/> the head's deadline while a recourse is under way. A redirected case names the case
/// opened at the competent body (<see cref="RedirectedTo"/>), and that one the case it came from. Texts and names come
/// in <see cref="Language"/> (<c>fr</c> or <c>ar</c>): <c>?lang=</c>, else Accept-Language, else the case's own.
/// <see cref="Documents"/> are the case's delivered documents, each with its step.
/// </summary>
public sealed record CaseView(string TrackingNumber, string Regime, string Kind, string BodyCode, string? BodyName,
    string Subject, string Status, string StatusLabel, string Language, string Channel, DateTimeOffset ReceivedAt,
    DateOnly ReceivedOn, DateOnly DueDate, DateOnly? RecourseLastDay, DateOnly? RecourseDueOn, string RuleVersion,
    string? RedirectedFrom, string? RedirectedTo, IReadOnlyList<AvailableAction> Actions, IReadOnlyList<TimelineEntry> Timeline,
    IReadOnlyList<DocumentView> Documents);

public static class CaseEndpoints
{
    public const string AccessCodeHeader = "X-Access-Code";
    public const string RateLimitPolicy = "lookups";

    // hashed when no case matches too, so a wrong tracking number takes as long as a wrong code
    private static readonly byte[] NoCase = new byte[33];

    public static IEndpointRouteBuilder MapCases(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/cases/{trackingNumber}", GetCaseAsync)
            .RequireRateLimiting(RateLimitPolicy)
            .WithSummary("A case's status, due dates, timeline and the actions open to the citizen, for whoever holds its access code "
                + "(header X-Access-Code), in French or Arabic (?lang=fr|ar, else Accept-Language, else the language the citizen filed in).");
        return app;
    }

    /// <summary>The case with this tracking number if the request carries its access code; null otherwise, whichever is wrong.</summary>
    public static async Task<CaseRecord?> FindAsync(IntakeDbContext db, string trackingNumber, HttpRequest request,
        CancellationToken cancellationToken)
    {
        var number = trackingNumber.Trim().ToUpperInvariant();
        var record = await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.TrackingNumber == number, cancellationToken);
        var code = request.Headers[AccessCodeHeader].ToString();
        var codes = request.HttpContext.RequestServices.GetRequiredService<AccessCodes>();
        return codes.Matches(code, record?.AccessCodeHash ?? NoCase) ? record : null;
    }

    public static IResult NotFound() => SubmissionEndpoints.Problem(404, "No case matches this tracking number and access code.");

    private static async Task<IResult> GetCaseAsync(string trackingNumber, HttpRequest request, IntakeDbContext db,
        BodyDirectory bodies, CalendarStore calendar, CancellationToken cancellationToken)
    {
        await using var snapshot = await db.BeginSnapshotAsync(cancellationToken);
        if (await FindAsync(db, trackingNumber, request, cancellationToken) is not { } record)
            return NotFound();

        var events = await db.CaseEvents.AsNoTracking().Where(e => e.CaseId == record.Id).ToListAsync(cancellationToken);
        var actions = await db.CitizenActions.AsNoTracking().Where(a => a.CaseId == record.Id).ToListAsync(cancellationToken);
        var notices = await CitizenNotices.ForCaseAsync(db, record.Id, cancellationToken);
        var documents = (await db.Documents.AsNoTracking().Where(d => d.CaseId == record.Id && d.State == DocumentStates.Delivered)
            .ToListAsync(cancellationToken)).OrderBy(d => d.AddedAt).ThenBy(d => d.Name).Select(d => (d, View: DocumentView.Of(d, forCitizen: true))).ToList();
        IReadOnlyList<DocumentView>? With(Func<DocumentRecord, bool> match) =>
            documents.Where(x => match(x.d)).Select(x => x.View).ToList() is { Count: > 0 } found ? found : null;
        var origin = record.RedirectedFrom is { } from
            ? await db.Cases.AsNoTracking().Where(c => c.Id == from)
                .Select(c => new { c.TrackingNumber, c.BodyCode }).FirstOrDefaultAsync(cancellationToken)
            : null;
        var redirectedTo = await db.Cases.AsNoTracking().Where(c => c.RedirectedFrom == record.Id)
            .Select(c => c.TrackingNumber).FirstOrDefaultAsync(cancellationToken);

        var language = LanguageOf(request, record);
        var receivedAt = new DateTimeOffset(record.ReceivedAt, TimeSpan.Zero);
        var received = CitizenTexts.Received(record, origin?.TrackingNumber,
            origin is null ? null : Name(bodies.Find(origin.BodyCode), language) ?? origin.BodyCode, language);
        // in the order things happened: a message that arrived late still takes its place
        // each message goes with the step it tells of: the move of the same sequence (the receipt: sequence 0)
        var bySequence = notices.Where(n => n.Sequence is not null).GroupBy(n => n.Sequence!.Value)
            .ToDictionary(g => g.Key, g => g.First());
        var shown = events.Where(e => e.Sequence is { } s && bySequence.ContainsKey(s)).Select(e => e.Sequence!.Value).ToHashSet();
        shown.Add(0);
        var timeline = events.Select(e => (e.At, e.Id, Entry: new TimelineEntry(Utc(e.At), e.Kind, e.DescriptionIn(language), e.DueOn,
                Notice: Told(e.Sequence)?.Template, Delivery: Told(e.Sequence)?.Status,
                Documents: e.Sequence is { } s ? With(d => d.Sequence == s) : null)))
            .Concat(actions.Select(a => (a.At, Id: 0L, Entry: new TimelineEntry(Utc(a.At), "citizen-action", CitizenTexts.Action(a, language), null,
                a.Action, a.Id, a.State, Documents: With(d => d.ActionId == a.Id)))))
            .Concat(notices.Where(n => n.Sequence is not { } s || !shown.Contains(s))
                .Select(n => (n.At, Id: long.MaxValue, Entry: new TimelineEntry(Utc(n.At), "notice", n.Subject, null,
                    Notice: n.Template, Delivery: n.Status))))
            .OrderBy(e => e.At).ThenBy(e => e.Id).Select(e => e.Entry)
            .Prepend(new TimelineEntry(receivedAt, "received", received, record.DueOn, Notice: Told(0)?.Template,
                Delivery: Told(0)?.Status, Documents: With(d => d.Step is DocumentSteps.Filing or DocumentSteps.Scan)))
            .ToList();

        CitizenNotice? Told(int? sequence) => sequence is { } s && bySequence.TryGetValue(s, out var n) ? n : null;

        var today = calendar.Today;
        var open = CitizenActions.Available(record, today);
        // the last day stays in view once passed, as long as the case is where a recourse would be: the citizen sees it closed
        var recourseOpen = CitizenActions.WhyNot(record, CitizenActions.Recourse, DateOnly.MinValue) is null;
        return Results.Ok(new CaseView(record.TrackingNumber, record.Regime, record.Kind, record.BodyCode,
            Name(bodies.Find(record.BodyCode), language), record.Subject, record.Status,
            CitizenTexts.Status(record.Status, language), language.Code(), record.Channel, receivedAt, record.ReceivedOn,
            record.DueOn, recourseOpen ? record.RecourseLastDay : null, record.Status == "under-recourse" ? record.RecourseDueOn : null,
            record.RuleVersion, origin?.TrackingNumber, redirectedTo,
            [.. open.Select(a => new AvailableAction(a.Name, $"/api/cases/{record.TrackingNumber}/{a.Path}"))], timeline,
            [.. documents.Select(x => x.View)]));
    }

    /// <summary><c>?lang=fr|ar</c>, else the first of Accept-Language's that is French or Arabic, else the case's language.</summary>
    public static Language LanguageOf(HttpRequest request, CaseRecord record)
    {
        var asked = ((string?)request.Query["lang"])?.Trim();
        if (asked is "ar" or "fr")
            return Languages.Parse(asked);
        var accepted = request.GetTypedHeaders().AcceptLanguage.Where(l => l.Quality is not 0).OrderByDescending(l => l.Quality ?? 1)
            .Select(l => l.Value.Value?.Split('-')[0].ToLowerInvariant()).FirstOrDefault(l => l is "ar" or "fr");
        return Languages.Parse(accepted ?? record.Language);
    }

    private static string? Name(Body? body, Language language) => language == Language.Arabic ? body?.NameAr : body?.NameFr;

    private static DateTimeOffset Utc(DateTime at) => new(at, TimeSpan.Zero);
}
