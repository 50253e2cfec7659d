using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;
using Requests.Domain.Lifecycle;
using Requests.Routing.Calendar;
using Requests.Routing.Storage;
using Requests.ServiceDefaults.Auth;
using Requests.ServiceDefaults.Data;

namespace Requests.Routing.Cases;

/// <summary><c>GET /api/cases/{id}</c> and the officers' and heads' moves, <c>POST /api/cases/{id}/{action}</c>.</summary>
public static class CaseEndpoints
{
    public const int MaxBodyBytes = 64 * 1024;

    /// <summary>The body of every action; each reads its own fields (accept none, answer outcome, refusalGround and text...).</summary>
    /// <param name="ReceivedOn">For receive-clarification: the day the answer reached the body (a paper answer may be recorded
    /// later), today when left out; never in the future nor before the clarification was asked.</param>
    public sealed record MoveForm(string? Question, string? Answer, string? Reasons, string? Outcome, string? RefusalGround,
        string? Text, string? BodyCode, string? Reason, string? OfficerId, IReadOnlyList<JsonElement>? Documents = null,
        DateOnly? ReceivedOn = null);

    private static readonly JsonSerializerOptions FormJson =
        new(JsonSerializerDefaults.Web) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow };

    private static readonly MoveForm Empty = new(null, null, null, null, null, null, null, null, null);

    public static void MapCases(this WebApplication app)
    {
        var cases = app.MapGroup("/api/cases").WithTags("Cases");
        cases.MapGet("/{caseId:guid}", GetAsync).RequireAuthorization(StaffPolicies.Staff)
            .Produces<CaseView>().ProducesProblem(404)
            .WithSummary("A case of the caller's bodies with its pauses, its audit trail and the actions the caller may take.");
        // the role is checked in the handler, so that a refusal is problem details like every other error
        cases.MapPost("/{caseId:guid}/{action}", MoveAsync).RequireAuthorization(StaffPolicies.Staff)
            .Accepts<MoveForm>("application/json").Produces<CaseView>()
            .ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesValidationProblem(422)
            .WithSummary("One move: accept, ask-clarification {question}, receive-clarification {answer, receivedOn?}, extend {reasons}, answer {outcome, refusalGround?, text}, redirect {bodyCode, reasons}, close {reason}, reassign {officerId}, answer-recourse {outcome, refusalGround?, text}; answer, ask-clarification, receive-clarification and answer-recourse also take documents: [ids uploaded to intake].");
    }

    private static async Task<IResult> GetAsync(Guid caseId, ClaimsPrincipal user, RoutingDbContext db,
        CalendarStore calendar, CancellationToken cancellationToken)
    {
        await using var snapshot = await db.BeginSnapshotAsync(cancellationToken);
        var routed = await db.Cases.AsNoTracking().VisibleTo(user).FirstOrDefaultAsync(c => c.Id == caseId, cancellationToken);
        return routed is null
            ? NotFound()
            : Results.Ok(await CaseView.LoadAsync(db, routed, CaseAccess.AllowedActions(user, routed), calendar.Today, calendar.Rules,
                calendar.Current, cancellationToken));
    }

    private static async Task<IResult> MoveAsync(Guid caseId, string action, HttpRequest request, ClaimsPrincipal user,
        RoutingDbContext db, CaseMoves moves, WriteGate writes, CalendarStore calendar, CancellationToken cancellationToken)
    {
        if (!CaseAccess.ActsOnCases(user))
            return Results.Problem(statusCode: 403, title: "This account reads cases but does not act on them.");
        if (!CaseAccess.Actions.TryGetValue(action, out var trigger))
            return Results.Problem(statusCode: 404, title: "No such action.",
                detail: $"The actions are {string.Join(", ", CaseAccess.Actions.Keys.Order(StringComparer.Ordinal))}.");
        // read before taking the write gate: a slow client must not hold up everyone's writes
        var (form, formError) = await ReadFormAsync(request);

        RoutedCase? routed;
        await writes.EnterAsync(cancellationToken);
        try
        {
            routed = await db.Cases.VisibleTo(user).FirstOrDefaultAsync(c => c.Id == caseId, cancellationToken);
            if (routed is null)
                return NotFound();
            if (!user.MayMake(trigger))
                return Results.Problem(statusCode: 403, title: "Only the head of the body answers a recourse.");
            if (formError is not null)
                return formError;
            var input = InputOf(trigger, form!, out var missing);
            if (missing is not null)
                return Results.ValidationProblem(new Dictionary<string, string[]> { [missing] = [$"{missing} is required to {action}."] },
                    title: "A field is missing; nothing was changed.");
            input = input with { Documents = MoveDocuments.Read(trigger, form!.Documents, out var documentErrors) };
            if (documentErrors is not null)
                return Results.ValidationProblem(documentErrors, statusCode: 422, title: "The documents are not valid; nothing was changed.");

            // the legal date of a clarification received is the day it reached the body
            var today = trigger == CaseTrigger.ReceiveClarification ? form!.ReceivedOn ?? calendar.Today : calendar.Today;
            if (trigger == CaseTrigger.ReceiveClarification && ReceivedOnError(today, routed, calendar.Today) is { } dateError)
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["receivedOn"] = [dateError] },
                    statusCode: 422, title: "The date is not valid; nothing was changed.");

            var actor = new MoveActor(user.Identity?.Name ?? "", user.FindFirstValue(ClaimTypes.Role) ?? "");
            var result = await moves.ApplyAsync(routed, trigger, input, actor, today, cancellationToken);
            if (result.Status == MoveStatus.NotAllowed)
                return Results.Problem(statusCode: 409, title: "This move is not allowed now.",
                    detail: $"The case is {routed.Status}: '{action}' is not a move allowed from that status.",
                    extensions: new Dictionary<string, object?> { ["caseStatus"] = routed.Status, ["action"] = action });
            if (result.Status == MoveStatus.Refused)
                return result.Field is { } field
                    ? Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [result.Reason!] },
                        statusCode: 422, title: "The move breaks a rule; nothing was changed.", detail: result.Reason)
                    : Results.Problem(statusCode: 422, title: "The move breaks a rule; nothing was changed.", detail: result.Reason);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Results.Problem(statusCode: 409, title: "The case changed meanwhile.",
                detail: "Someone else moved this case at the same time: reload it and try again.");
        }
        finally
        {
            writes.Exit();
        }

        return Results.Ok(await CaseView.LoadAsync(db, routed, CaseAccess.AllowedActions(user, routed), calendar.Today, calendar.Rules,
            calendar.Current, cancellationToken));
    }

    private static string? ReceivedOnError(DateOnly receivedOn, RoutedCase routed, DateOnly today)
    {
        var asked = routed.PausedSince ?? routed.ReceivedOn;
        return receivedOn > today ? "The answer cannot be received in the future."
            : receivedOn < asked ? $"The answer cannot be received before the clarification was asked ({asked:yyyy-MM-dd})."
            : null;
    }

    /// <summary>The move's input from the form; <paramref name="missing"/> names a required field left empty.</summary>
    private static MoveInput InputOf(CaseTrigger trigger, MoveForm form, out string? missing)
    {
        (string? Name, string? Value)[] required = trigger switch
        {
            CaseTrigger.AskClarification => [("question", form.Question)],
            CaseTrigger.ReceiveClarification => [("answer", form.Answer)],
            CaseTrigger.Extend => [("reasons", form.Reasons)],
            CaseTrigger.Answer or CaseTrigger.AnswerRecourse => [("outcome", form.Outcome)],
            CaseTrigger.Redirect => [("bodyCode", form.BodyCode), ("reasons", form.Reasons)],
            CaseTrigger.Close => [("reason", form.Reason)],
            CaseTrigger.Assign => [("officerId", form.OfficerId)],
            _ => [],
        };
        missing = required.FirstOrDefault(f => string.IsNullOrWhiteSpace(f.Value)).Name;
        return trigger switch
        {
            CaseTrigger.AskClarification => new MoveInput { Text = form.Question },
            CaseTrigger.ReceiveClarification => new MoveInput { Text = form.Answer },
            CaseTrigger.Extend => new MoveInput { Text = form.Reasons },
            CaseTrigger.Answer or CaseTrigger.AnswerRecourse => new MoveInput
            {
                Outcome = form.Outcome, RefusalGround = string.IsNullOrWhiteSpace(form.RefusalGround) ? null : form.RefusalGround,
                Text = form.Text,
            },
            CaseTrigger.Redirect => new MoveInput { BodyCode = form.BodyCode, Text = form.Reasons },
            CaseTrigger.Close => new MoveInput { Text = form.Reason },
            CaseTrigger.Assign => new MoveInput { OfficerId = form.OfficerId },
            _ => new MoveInput(),
        };
    }

    /// <summary>The JSON body, or why not: 415 for another content type, 413 when too large, 400 when malformed. No body is <c>{}</c>.</summary>
    private static async Task<(MoveForm? Form, IResult? Error)> ReadFormAsync(HttpRequest request)
    {
        if (!request.HasJsonContentType())
            return request.ContentLength is null or 0 && string.IsNullOrEmpty(request.ContentType)
                ? (Empty, null)
                : (null, Results.Problem(statusCode: 415, title: "Send the action's fields as application/json."));
        if (request.ContentLength > MaxBodyBytes)
            return (null, Results.Problem(statusCode: 413, title: $"The body is larger than {MaxBodyBytes / 1024} KiB."));
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = MaxBodyBytes;
        try
        {
            var form = await JsonSerializer.DeserializeAsync<MoveForm>(request.Body, FormJson, request.HttpContext.RequestAborted);
            return form is null ? (null, Results.Problem(statusCode: 400, title: "The body must be a JSON object.")) : (form, null);
        }
        catch (JsonException ex)
        {
            var field = ex.Path is null or "$" ? "$" : ex.Path.TrimStart('$', '.');
            return (null, Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [ex.Message] },
                title: "The body is not valid JSON for this action; nothing was changed."));
        }
    }

    private static IResult NotFound() => Results.Problem(statusCode: 404, title: "No such case.");
}
