using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Requests.Contracts.Intake;
using Requests.Intake.Calendar;
using Requests.Intake.Documents;
using Requests.Intake.Storage;
using Requests.Intake.Submissions;
using Requests.ServiceDefaults.Data;
using Requests.ServiceDefaults.Messaging;

namespace Requests.Intake.Cases;

/// <summary>A recourse, a reopening or a clarification: what the citizen writes.</summary>
public sealed record TextForm(string? Text);

/// <summary>A complaint's answer rated 1 (poor) to 5 (very good), with a comment if the citizen wishes.</summary>
public sealed record RatingForm(int? Rating, string? Comment);

/// <summary>A withdrawal, with its reason if the citizen gives one.</summary>
public sealed record WithdrawalForm(string? Reason);

/// <summary>The action was recorded and sent to the body; its outcome appears on the case's timeline.</summary>
public sealed record ActionReceipt(Guid ActionId, string Action, string State);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(TextForm))]
[JsonSerializable(typeof(RatingForm))]
[JsonSerializable(typeof(WithdrawalForm))]
internal sealed partial class ActionJson : JsonSerializerContext;

/// <summary>
/// The citizen's actions on a case, with its access code (header X-Access-Code): stored on the case's timeline as
/// sent and awaiting processing, and relayed to routing as <see cref="CitizenActed"/> in the same transaction.
/// </summary>
public static class CitizenActionEndpoints
{
    public const int MaxText = 5000;
    public const int MaxNote = 1000;

    public static IEndpointRouteBuilder MapCitizenActions(this IEndpointRouteBuilder app)
    {
        // the lookups' allowance: each of these also tests an access code
        var cases = app.MapGroup("/api/cases/{trackingNumber}").RequireRateLimiting(CaseEndpoints.RateLimitPolicy);
        Map(cases, CitizenActions.Recourse, ActionJson.Default.TextForm, f => Text(f.Text),
            "Contest a refusal or a silence before the head of the body (information requests): {text}.");
        Map(cases, CitizenActions.Reopening, ActionJson.Default.TextForm, f => Text(f.Text),
            "Reopen an answered complaint: {text}, why the answer does not settle it.");
        Map(cases, CitizenActions.Rating, ActionJson.Default.RatingForm, Rating,
            "Rate a complaint's answer: {rating: 1 to 5, comment?}.");
        Map(cases, CitizenActions.Clarification, ActionJson.Default.TextForm, f => Text(f.Text),
            "Answer the clarification the body asked for: {text}.");
        Map(cases, CitizenActions.Withdrawal, ActionJson.Default.WithdrawalForm, Withdrawal,
            "Withdraw the request or complaint while an answer is still owed: {reason?}.");
        return app;
    }

    private static void Map<TForm>(RouteGroupBuilder cases, CitizenActionKind kind, JsonTypeInfo<TForm> type,
        Func<TForm, Checked> check, string summary) where TForm : class =>
        cases.MapPost($"/{kind.Path}", (string trackingNumber, HttpContext http) => ActAsync(trackingNumber, http, kind, type, check))
            .Accepts<TForm>("application/json", "multipart/form-data")
            .Produces<ActionReceipt>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary(summary);

    private static async Task<IResult> ActAsync<TForm>(string trackingNumber, HttpContext http, CitizenActionKind kind,
        JsonTypeInfo<TForm> type, Func<TForm, Checked> check) where TForm : class
    {
        var services = http.RequestServices;
        var db = services.GetRequiredService<IntakeDbContext>();
        var cancellationToken = http.RequestAborted;
        if (await CaseEndpoints.FindAsync(db, trackingNumber, http.Request, cancellationToken) is not { } record)
            return CaseEndpoints.NotFound();
        // a recourse and a clarification may come with files (multipart/form-data: the part 'form' and parts 'file')
        var step = kind == CitizenActions.Recourse ? DocumentSteps.Recourse
            : kind == CitizenActions.Clarification ? DocumentSteps.ClarificationAnswer : null;
        var uploads = services.GetRequiredService<DocumentUploads>();
        var (form, upload, error) = await SubmissionEndpoints.ReadFormAndFilesAsync(http.Request, type, uploads,
            await DocumentEndpoints.CaseBytesAsync(db, record.Id, cancellationToken), filesAllowed: step is not null);
        if (form is null)
            return error!;
        using var files = upload;
        var (text, rating, errors) = check(form);
        if (errors.Count > 0)
            return Results.ValidationProblem(errors, statusCode: 422, title: "Some fields are missing or invalid; nothing was sent.");
        var calendar = services.GetRequiredService<CalendarStore>();
        var today = calendar.Today;
        if (CitizenActions.WhyNot(record, kind, today) is { } why)
            return Results.Problem(statusCode: 409, title: "This action is not open on the case now; nothing was sent.", detail: why);

        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var action = new CitizenAction
        {
            Id = Guid.CreateVersion7(now), CaseId = record.Id, Action = kind.Code, Text = text, Rating = rating,
            At = now.UtcDateTime, OccurredOn = today, State = "pending",
        };
        db.CitizenActions.Add(action);
        var documents = upload is { Files.Count: > 0 }
            ? await uploads.StoreAsync(upload, record.Id, step, DocumentStates.Delivered, "citizen", action.Id, cancellationToken)
            : [];
        db.AddRange(documents);
        db.Add(OutboxMessage.For(new CitizenActed(action.Id, record.Id, record.TrackingNumber, kind.Code, text, rating, now, today,
            DocumentRecord.References(documents)),
            Guid.CreateVersion7(now), now.UtcDateTime));
        var writes = services.GetRequiredService<WriteGate>();
        await writes.EnterAsync(cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            await uploads.ForgetAsync(documents);
            throw;
        }
        finally
        {
            writes.Exit();
        }
        return Results.Accepted($"/api/cases/{record.TrackingNumber}", new ActionReceipt(action.Id, kind.Name, action.State));
    }

    private readonly record struct Checked(string? Text, int? Rating, Dictionary<string, string[]> Errors);

    private static Checked Text(string? text)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(text)) errors["text"] = ["Required."];
        else if (text.Length > MaxText) errors["text"] = [$"At most {MaxText} characters."];
        return new(text?.Trim(), null, errors);
    }

    private static Checked Rating(RatingForm form)
    {
        var errors = new Dictionary<string, string[]>();
        if (form.Rating is null) errors["rating"] = ["Required: 1 (poor) to 5 (very good)."];
        else if (form.Rating is < 1 or > 5) errors["rating"] = ["From 1 (poor) to 5 (very good)."];
        if (form.Comment?.Length > MaxNote) errors["comment"] = [$"At most {MaxNote} characters."];
        return new(Blank(form.Comment), form.Rating, errors);
    }

    private static Checked Withdrawal(WithdrawalForm form)
    {
        var errors = new Dictionary<string, string[]>();
        if (form.Reason?.Length > MaxNote) errors["reason"] = [$"At most {MaxNote} characters."];
        return new(Blank(form.Reason), null, errors);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
