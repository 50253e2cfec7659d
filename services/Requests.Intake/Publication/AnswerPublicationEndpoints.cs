using Microsoft.EntityFrameworkCore;
using Requests.Intake.Documents;
using Requests.Intake.Storage;
using Requests.Intake.Submissions;

namespace Requests.Intake.Publication;

/// <summary>A case's answer made public by the officer, when the citizen allowed it at filing and the texts were redacted.</summary>
public sealed record AnswerPublicationState(string TrackingNumber, string Regime, bool Consent, bool Answered, string? Outcome,
    string? Ground, DateOnly? AnsweredOn, bool PublishableNow, IReadOnlyList<string> Reasons, IReadOnlyList<FileView> Documents,
    EntryView? Published);

public static class AnswerPublicationEndpoints
{
    public static IEndpointRouteBuilder MapAnswerPublication(this IEndpointRouteBuilder app)
    {
        var publication = app.MapGroup("/api/cases/{trackingNumber}/publication");
        publication.MapGet("", GetAsync)
            .WithSummary("Staff of the case's body and the ministry: whether the answer may be published, and what was.");
        publication.MapPost("", PublishAsync)
            .WithSummary("Staff of the case's body: publish the answer (redacted subject, question, answer and delivered documents).");
        publication.MapDelete("", WithdrawAsync)
            .WithSummary("Staff of the case's body: withdraw the published answer (?reason=); its history stays.");
        return app;
    }

    private static async Task<(CaseRecord? Case, IResult? Error)> CaseAsync(string trackingNumber, HttpContext http, IntakeDbContext db, bool write)
    {
        var number = trackingNumber.Trim().ToUpperInvariant();
        var record = await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.TrackingNumber == number, http.RequestAborted);
        if (http.User.Identity?.IsAuthenticated == true && record is null)
            return (null, Results.Problem(statusCode: 404, title: "No such case."));
        var body = record?.BodyCode ?? "";
        var denied = PublicationAccess.Check(http.User, body, write);
        if (denied is null)
            return (record, null);
        // another body's case answers as if it did not exist, to a write as to a read; the ministry reads it, writes nothing
        var hidden = denied is IStatusCodeHttpResult { StatusCode: 403 } && PublicationAccess.Check(http.User, body, write: false) is not null;
        return (null, hidden ? Results.Problem(statusCode: 404, title: "No such case.") : denied);
    }

    private static async Task<IResult> GetAsync(string trackingNumber, HttpContext http, IntakeDbContext db)
    {
        var (record, error) = await CaseAsync(trackingNumber, http, db, write: false);
        if (record is null)
            return error!;
        var cancellationToken = http.RequestAborted;
        var documents = await Deliverable(db, record.Id).ToListAsync(cancellationToken);
        var item = await db.PublishedItems.AsNoTracking().FirstOrDefaultAsync(p => p.CaseId == record.Id, cancellationToken);
        EntryView? published = null;
        if (item is not null)
        {
            var files = await db.PublishedFiles.AsNoTracking().Where(f => f.ItemId == item.Id).ToListAsync(cancellationToken);
            var history = await db.PublishedVersions.AsNoTracking().Where(v => v.ItemId == item.Id).ToListAsync(cancellationToken);
            published = EntryView.Of(item, files, history);
        }
        var reasons = Refusals(record).Select(r => r.Message).ToList();
        return Results.Ok(new AnswerPublicationState(record.TrackingNumber, record.Regime, record.Publishable, record.Outcome is not null,
            record.Outcome, record.RefusalGround, record.AnsweredOn, reasons.Count == 0, reasons,
            [.. documents.Select(d => new FileView(d.Id, d.Name, d.Size, d.ContentType))], published));
    }

    private static async Task<IResult> PublishAsync(string trackingNumber, HttpContext http, IntakeDbContext db, PublicationWriter writer)
    {
        var (record, error) = await CaseAsync(trackingNumber, http, db, write: true);
        if (record is null)
            return error!;
        var (form, formError) = await SubmissionEndpoints.ReadFormAsync(http.Request, PublicationJson.Default.AnswerPublicationForm);
        if (form is null)
            return formError!;
        if (Refusals(record).FirstOrDefault() is { Field: { } field, Message: { } message })
            return PublicationAccess.Conflict(field, message);
        var errors = new Dictionary<string, string[]>();
        Text(errors, "subject", form.Subject, 300);
        Text(errors, "question", form.Question, 5000);
        Text(errors, "answer", form.Answer, 20000);
        if (form.RedactionConfirmed != true)
            errors["redactionConfirmed"] = ["Confirm that the texts and files hold no personal data of the requester or of anyone else."];
        var cancellationToken = http.RequestAborted;
        var ids = form.Documents ?? [];
        var documents = await Deliverable(db, record.Id).Where(d => ids.Contains(d.Id)).ToListAsync(cancellationToken);
        if (documents.Count != ids.Distinct().Count())
            errors["documents"] = ["Only documents the body delivered to the citizen on this case may be published."];
        foreach (var (key, found) in PersonalDataGuard.Check(record, ("subject", form.Subject), ("question", form.Question),
                     ("answer", form.Answer)))
            errors[key] = [.. errors.GetValueOrDefault(key) ?? [], .. found];
        if (errors.Count > 0)
            return PublicationAccess.Invalid(errors, "The answer cannot be published as it is; nothing was published.");
        var item = await writer.PublishAnswerAsync(record, form, documents, http.User, cancellationToken);
        var files = await db.PublishedFiles.AsNoTracking().Where(f => f.ItemId == item.Id && f.Current).ToListAsync(cancellationToken);
        return Results.Created($"/api/public/items/answer/{item.Id}", EntryView.Of(item, files, null));
    }

    private static async Task<IResult> WithdrawAsync(string trackingNumber, string? reason, HttpContext http, IntakeDbContext db,
        PublicationWriter writer)
    {
        var (record, error) = await CaseAsync(trackingNumber, http, db, write: true);
        if (record is null)
            return error!;
        var item = await db.PublishedItems.FirstOrDefaultAsync(p => p.CaseId == record.Id, http.RequestAborted);
        if (item is null)
            return Results.Problem(statusCode: 404, title: "The case's answer was not published.");
        return await writer.WithdrawAsync(item, string.IsNullOrWhiteSpace(reason) ? "withdrawn by the body" : reason.Trim()[..Math.Min(reason.Trim().Length, 1000)],
            http.User, http.RequestAborted);
    }

    /// <summary>Why the case's answer may not be published, in the order a reader would ask.</summary>
    private static IEnumerable<(string Field, string Message)> Refusals(CaseRecord record)
    {
        if (record.Regime == "complaint")
            yield return ("regime", "A complaint's answer is never published.");
        else if (!record.Publishable)
            yield return ("publishable", "The citizen did not allow the answer to be published.");
        if (record.Outcome is null)
            yield return ("outcome", "The case has no answer yet.");
    }

    /// <summary>What the body sent the citizen on the case: the only files an answer may publish.</summary>
    private static IQueryable<DocumentRecord> Deliverable(IntakeDbContext db, Guid caseId) =>
        db.Documents.AsNoTracking().Where(d => d.CaseId == caseId && d.State == DocumentStates.Delivered && d.AddedBy != "citizen"
            && d.Step != DocumentSteps.Scan);

    private static void Text(Dictionary<string, string[]> errors, string field, string? value, int max)
    {
        if (string.IsNullOrWhiteSpace(value)) errors[field] = ["Required."];
        else if (value.Length > max) errors[field] = [$"At most {max} characters."];
    }
}
