using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Requests.Domain.Deadlines;
using Requests.Intake.Calendar;
using Requests.Intake.Documents;
using Requests.Intake.Notices;
using Requests.Intake.Staff;
using Requests.Intake.Storage;

namespace Requests.Intake.Submissions;

/// <summary>Turns a valid form into a stored case and the citizen's receipt; an invalid one changes nothing.</summary>
/// <remarks>A complaint, and any filing staff register, may come with files (<c>multipart/form-data</c>): they are stored
/// with the case in the receipt's transaction, the citizen's as the <c>filing</c> step, staff's as its <c>scan</c>.
/// A filing with an <c>Idempotency-Key</c> may be sent again: see <see cref="IdempotencyKeys"/>.</remarks>
public sealed class Filings(SubmissionValidator validator, CalendarStore calendar, ReceiptWriter writer, ReceiptNotices notices,
    DocumentUploads uploads, AccessCodes codes, IdempotencyKeys keys, TimeProvider clock)
{
    public Task<IResult> FileRequestAsync(HttpContext http, bool byStaff) =>
        FileAsync(http, SubmissionJson.Default.InformationRequestForm, byStaff, f => f.BodyCode, f => validator.Validate(f),
            f => (f.Channel, f.ReceivedOn), NewRequest, byStaff ? DocumentSteps.Scan : null);

    public Task<IResult> FileComplaintAsync(HttpContext http, bool byStaff) =>
        FileAsync(http, SubmissionJson.Default.ComplaintForm, byStaff, f => f.BodyCode, f => validator.Validate(f),
            f => (f.Channel, f.ReceivedOn), NewComplaint, byStaff ? DocumentSteps.Scan : DocumentSteps.Filing);

    private async Task<IResult> FileAsync<TForm>(HttpContext http, JsonTypeInfo<TForm> type, bool byStaff,
        Func<TForm, string?> bodyOf, Func<TForm, Dictionary<string, string[]>> validate,
        Func<TForm, (string? Channel, DateOnly? On)> receivedBy, Func<TForm, Reception, string?, CaseRecord> newCase,
        string? documentStep) where TForm : class
    {
        var (key, keyError) = IdempotencyKeys.Read(http.Request);
        if (keyError is not null)
            return keyError;
        var (form, upload, error) = await SubmissionEndpoints.ReadFormAndFilesAsync(http.Request, type, uploads, caseBytes: 0,
            filesAllowed: documentStep is not null);
        if (form is null)
            return error!;
        using (upload)
        {
            // staff filings keep the account that typed them in
            var recordedBy = byStaff ? http.User.Identity?.Name ?? "staff" : null;
            var filed = key is null ? ((string, string)?)null : (key, IdempotencyKeys.Fingerprint(http.Request.Path, recordedBy,
                JsonSerializer.SerializeToUtf8Bytes(form, type), upload?.Files ?? []));
            return await FileAsync(http, form, recordedBy, bodyOf, validate, receivedBy, newCase, documentStep, upload, filed);
        }
    }

    private async Task<IResult> FileAsync<TForm>(HttpContext http, TForm form, string? recordedBy, Func<TForm, string?> bodyOf,
        Func<TForm, Dictionary<string, string[]>> validate, Func<TForm, (string? Channel, DateOnly? On)> receivedBy,
        Func<TForm, Reception, string?, CaseRecord> newCase, string? documentStep, Upload? upload,
        (string Key, string Fingerprint)? filed)
    {
        var byStaff = recordedBy is not null;
        if (byStaff && bodyOf(form) is { } body && !string.IsNullOrWhiteSpace(body) && !http.User.MayRegisterFor(body))
            return Results.Problem(statusCode: 403, title: "You may register filings only for the bodies you are designated for.",
                detail: $"Your account is not designated for '{body}'; nothing was recorded.");
        var errors = validate(form);
        var (channel, receivedOn) = receivedBy(form);
        var receipt = CheckReceipt(errors, channel, receivedOn, byStaff);
        if (errors.Count > 0)
            return Invalid(errors);
        var record = newCase(form, receipt, recordedBy);
        var key = filed is { } k ? keys.New(k.Key, k.Fingerprint, record, clock.GetUtcNow().UtcDateTime) : null;
        var documents = upload is { Files.Count: > 0 }
            ? await uploads.StoreAsync(upload, record.Id, documentStep, DocumentStates.Delivered, recordedBy ?? "citizen", null, http.RequestAborted)
            : [];
        try
        {
            return await StoreAsync(http, record, documents, key);
        }
        catch
        {
            await uploads.ForgetAsync(documents);
            throw;
        }
    }

    private CaseRecord NewRequest(InformationRequestForm form, Reception receipt, string? recordedBy)
    {
        var urgent = form.Urgent == true;
        var due = calendar.DueOn(new DeadlineQuery(Regime.Information, DeadlineStep.Answer, receipt.On, Urgent: urgent));
        var record = NewCase("information", "request", form.BodyCode!, form.Subject!, form.Description!, form.Language!,
            form.Requester!, receipt, due, recordedBy);
        record.DocumentType = form.DocumentType;
        record.Delivery = form.Delivery;
        record.PeriodFrom = form.PeriodCovered?.From;
        record.PeriodTo = form.PeriodCovered?.To;
        record.Urgent = urgent;
        record.UrgentReason = urgent ? form.UrgentReason : null;
        record.Publishable = form.Publishable == true;
        return record;
    }

    private CaseRecord NewComplaint(ComplaintForm form, Reception receipt, string? recordedBy)
    {
        var due = calendar.DueOn(new DeadlineQuery(Regime.Complaint, DeadlineStep.Answer, receipt.On));
        var record = NewCase("complaint", form.Kind!, form.BodyCode!, form.Subject!, form.Description!, form.Language!,
            form.Requester!, receipt, due, recordedBy);
        record.Theme = form.Theme;
        return record;
    }

    private Reception CheckReceipt(Dictionary<string, string[]> errors,
        string? channel, DateOnly? receivedOn, bool byStaff)
    {
        var now = clock.GetUtcNow();
        var today = calendar.LocalDate(now);
        SubmissionValidator.CheckReceipt(errors, channel, receivedOn, byStaff, today);
        // a portal filing is received when it arrives; staff record the day a letter or visit truly came in
        return new Reception(now, receivedOn ?? today, byStaff ? channel ?? "" : "portal");
    }

    private CaseRecord NewCase(string regime, string kind, string bodyCode, string subject, string description,
        string language, RequesterForm requester, Reception receipt, DueDate due, string? recordedBy)
    {
        var accessCode = AccessCodes.New();
        return new CaseRecord
        {
            Id = Guid.CreateVersion7(receipt.At),
            Regime = regime,
            Kind = kind,
            BodyCode = bodyCode.ToUpperInvariant(),
            Channel = receipt.Channel,
            Language = language,
            Subject = subject.Trim(),
            Description = description.Trim(),
            RequesterName = requester.FullName!.Trim(),
            RequesterIdentity = requester.IdentityNumber!.ToUpperInvariant(),
            RequesterEmail = requester.Email,
            RequesterPhone = requester.Phone,
            RequesterAddress = requester.Address,
            ReceivedAt = receipt.At.UtcDateTime,
            ReceivedOn = receipt.On,
            DueOn = due.DueOn,
            RuleVersion = due.RuleVersion,
            AccessCode = accessCode,
            AccessCodeHash = codes.Hash(accessCode),
            Status = "received",
            RecordedBy = recordedBy,
        };
    }

    private async Task<IResult> StoreAsync(HttpContext http, CaseRecord record, List<DocumentRecord> documents, IdempotencyKey? key)
    {
        string? trackingNumber;
        try
        {
            trackingNumber = await writer.StoreAsync(record, notices.Seal(record), http.RequestAborted, documents, key);
        }
        catch (ReceiptNotStoredException)
        {
            await uploads.ForgetAsync(documents);
            return SubmissionEndpoints.Problem(503, "The receipt could not be stored and nothing was recorded. Please try again.");
        }
        // the key was taken, by this filing sent before or by another: its receipt, or a refusal (looked up only then, not
        // before each filing: one query per filing would take a database connection from each)
        if (trackingNumber is null)
        {
            await uploads.ForgetAsync(documents);
            return await keys.ReplayAsync(http, key!.Key, key.Fingerprint)
                ?? throw new InvalidOperationException($"The {IdempotencyKeys.Header} was taken but is not stored.");
        }
        var receipt = new Receipt(record.Id, trackingNumber, record.AccessCode!, new DateTimeOffset(record.ReceivedAt, TimeSpan.Zero),
            record.ReceivedOn, record.DueOn, record.RuleVersion);
        return Results.Created($"/api/cases/{trackingNumber}", receipt);
    }

    private static IResult Invalid(Dictionary<string, string[]> errors) =>
        Results.ValidationProblem(errors, statusCode: 422, title: "Some fields are missing or invalid; nothing was recorded.");
}

/// <summary>When and how a filing was received: the instant recorded, the legal date of receipt, the channel.</summary>
public sealed record Reception(DateTimeOffset At, DateOnly On, string Channel);
