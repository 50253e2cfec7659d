using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using Requests.Contracts.Intake;
using Requests.Intake.Cases;
using Requests.Intake.Storage;
using Requests.ServiceDefaults.Auth;
using Requests.ServiceDefaults.Data;
using Requests.ServiceDefaults.Messaging;

namespace Requests.Intake.Documents;

/// <summary>A document as listed: <see cref="AddedBy"/> is <c>citizen</c>, or for the citizen <c>body</c> (staff see the account).</summary>
public sealed record DocumentView(Guid Id, string Name, long Size, string ContentType, string Sha256, string? Step,
    string State, string AddedBy, DateTimeOffset AddedAt, int? Sequence)
{
    public static DocumentView Of(DocumentRecord d, bool forCitizen) => new(d.Id, d.Name, d.Size, d.ContentType, d.Sha256, d.Step,
        d.State, forCitizen && d.AddedBy != "citizen" ? "body" : d.AddedBy, new DateTimeOffset(d.AddedAt, TimeSpan.Zero), d.Sequence);
}

public sealed record DocumentList(IReadOnlyList<DocumentView> Documents);

/// <summary>
/// A case's documents: officers upload drafts (sent later with a move, in routing), citizens and staff download. The
/// citizen reads with the access code (delivered documents only); staff with routing's token: officers and heads of
/// the case's body and administrators read everything, the ministry the list but not the content.
/// </summary>
public static class DocumentEndpoints
{
    public const string RateLimitPolicy = "documents";

    private enum Reader { Citizen, Ministry, Staff }

    public static IEndpointRouteBuilder MapDocuments(this IEndpointRouteBuilder app)
    {
        var documents = app.MapGroup("/api/cases/{trackingNumber}/documents").RequireRateLimiting(RateLimitPolicy);
        documents.MapPost("", UploadAsync).DisableAntiforgery()
            .WithSummary("Officers and heads of the case's body, administrators: upload files (multipart, parts 'file') as drafts.");
        documents.MapDelete("/{id:guid}", WithdrawAsync)
            .WithSummary("Withdraw a draft: its bytes are deleted. A delivered document is never deleted (409).");
        documents.MapGet("", ListAsync)
            .WithSummary("The case's documents: the citizen (X-Access-Code) sees the delivered ones, staff the drafts too.");
        documents.MapGet("/{id:guid}", DownloadAsync)
            .WithSummary("A document's content, as an attachment; the ministry may not read it (403). Staff downloads are audited.");
        return app;
    }

    /// <summary>The case and who reads it; or the answer when the caller may not.</summary>
    private static async Task<(CaseRecord? Case, Reader Reader, IResult? Error)> AccessAsync(string trackingNumber, HttpContext http,
        IntakeDbContext db)
    {
        var cancellationToken = http.RequestAborted;
        if (!http.Request.Headers.ContainsKey(HeaderNames.Authorization))
        {
            var own = await CaseEndpoints.FindAsync(db, trackingNumber, http.Request, cancellationToken);
            return own is null ? (null, Reader.Citizen, CaseEndpoints.NotFound()) : (own, Reader.Citizen, null);
        }
        var user = http.User;
        if (user.Identity?.IsAuthenticated != true)
            return (null, Reader.Citizen, Results.Problem(statusCode: 401, title: "The staff token is missing, expired or invalid."));
        var number = trackingNumber.Trim().ToUpperInvariant();
        var record = await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.TrackingNumber == number, cancellationToken);
        if (record is null)
            return (null, Reader.Staff, CaseEndpoints.NotFound());
        if (user.IsInRole(StaffRoles.Admin))
            return (record, Reader.Staff, null);
        if (user.IsInRole(StaffRoles.Ministry))
            return (record, Reader.Ministry, null);
        return (user.IsInRole(StaffRoles.Officer) || user.IsInRole(StaffRoles.Head))
               && user.Bodies().Contains(record.BodyCode, StringComparer.OrdinalIgnoreCase)
            ? (record, Reader.Staff, null)
            : (null, Reader.Staff, CaseEndpoints.NotFound());
    }

    /// <summary>The case for the staff of its body (or an administrator) who change its documents; else the answer.</summary>
    private static async Task<(CaseRecord? Case, IResult? Error)> StaffAccessAsync(string trackingNumber, HttpContext http,
        IntakeDbContext db)
    {
        if (!http.Request.Headers.ContainsKey(HeaderNames.Authorization))
            return (null, StaffOnly(Reader.Citizen));
        var (record, reader, error) = await AccessAsync(trackingNumber, http, db);
        return error is not null ? (null, error) : reader != Reader.Staff ? (null, StaffOnly(reader)) : (record, null);
    }

    private static IResult StaffOnly(Reader reader) => reader == Reader.Citizen
        ? Results.Problem(statusCode: 401, title: "Staff only: sign in with routing and send the bearer token.")
        : Results.Problem(statusCode: 403, title: "The ministry reads cases but does not act on them, nor opens their documents.");

    private static async Task<IResult> UploadAsync(string trackingNumber, HttpContext http, IntakeDbContext db, DocumentUploads uploads,
        WriteGate writes)
    {
        var (record, error) = await StaffAccessAsync(trackingNumber, http, db);
        if (error is not null)
            return error;
        var cancellationToken = http.RequestAborted;
        var (upload, refused) = await uploads.ReadAsync(http.Request, withForm: false, await CaseBytesAsync(db, record!.Id, cancellationToken));
        if (upload is null)
            return refused!;
        using (upload)
        {
            var stored = await uploads.StoreAsync(upload, record.Id, step: null, DocumentStates.Draft, http.User.Identity!.Name ?? "staff",
                actionId: null, cancellationToken);
            try
            {
                db.AddRange(stored);
                using (await writes.HoldAsync(cancellationToken))
                    await db.SaveChangesAsync(cancellationToken);
            }
            catch
            {
                await uploads.ForgetAsync(stored);
                throw;
            }
            return Results.Created($"/api/cases/{record.TrackingNumber}/documents",
                new DocumentList([.. stored.Select(d => DocumentView.Of(d, forCitizen: false))]));
        }
    }

    private static async Task<IResult> WithdrawAsync(string trackingNumber, Guid id, HttpContext http, IntakeDbContext db,
        IDocumentStore store, WriteGate writes)
    {
        var (record, error) = await StaffAccessAsync(trackingNumber, http, db);
        if (error is not null)
            return error;
        var cancellationToken = http.RequestAborted;
        using (await writes.HoldAsync(cancellationToken))
        {
            var document = await db.Set<DocumentRecord>().FirstOrDefaultAsync(d => d.Id == id && d.CaseId == record!.Id, cancellationToken);
            if (document is null)
                return Results.Problem(statusCode: 404, title: "No such document on this case.");
            if (document.State != DocumentStates.Draft)
                return Results.Problem(statusCode: 409, title: $"The document is {document.State}: only a draft may be withdrawn.",
                    detail: "A delivered document is the record of what was sent and is never changed or deleted.");
            document.State = DocumentStates.Withdrawn;
            await db.SaveChangesAsync(cancellationToken);
        }
        // after the commit: a crash in between leaves bytes no row serves, never a row without its bytes
        await store.DeleteAsync(id, CancellationToken.None);
        return Results.NoContent();
    }

    private static async Task<IResult> ListAsync(string trackingNumber, HttpContext http, IntakeDbContext db)
    {
        var (record, reader, error) = await AccessAsync(trackingNumber, http, db);
        if (error is not null)
            return error;
        var documents = await Visible(db, record!.Id, reader).ToListAsync(http.RequestAborted);
        return Results.Ok(new DocumentList([.. documents.Select(d => DocumentView.Of(d, reader == Reader.Citizen))]));
    }

    private static async Task<IResult> DownloadAsync(string trackingNumber, Guid id, HttpContext http, IntakeDbContext db,
        IDocumentStore store, WriteGate writes, TimeProvider clock)
    {
        var (record, reader, error) = await AccessAsync(trackingNumber, http, db);
        if (error is not null)
            return error;
        if (reader == Reader.Ministry)
            return StaffOnly(reader);
        var cancellationToken = http.RequestAborted;
        var document = await Visible(db, record!.Id, reader).FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (document is null)
            return Results.Problem(statusCode: 404, title: "No such document on this case.");
        if (reader == Reader.Staff)
        {
            // on the case's audit trail in routing, before a byte leaves
            var now = clock.GetUtcNow();
            db.Add(OutboxMessage.For(new DocumentDownloaded(record.Id, record.TrackingNumber, document.Id, document.Name,
                http.User.Identity!.Name ?? "staff", now), Guid.CreateVersion7(now), now.UtcDateTime));
            using (await writes.HoldAsync(cancellationToken))
                await db.SaveChangesAsync(cancellationToken);
        }
        await using var content = await store.OpenReadAsync(document.Id, cancellationToken);
        return await FileResponses.SendAsync(http.Response, content, document.ContentType, document.Size, document.Name, document.Sha256,
            "private, no-store", cancellationToken);
    }

    private static IQueryable<DocumentRecord> Visible(IntakeDbContext db, Guid caseId, Reader reader) =>
        db.Set<DocumentRecord>().AsNoTracking()
            .Where(d => d.CaseId == caseId && (reader == Reader.Citizen ? d.State == DocumentStates.Delivered : d.State != DocumentStates.Withdrawn))
            .OrderBy(d => d.AddedAt).ThenBy(d => d.Name);

    /// <summary>What the case's documents weigh, withdrawn drafts aside.</summary>
    public static Task<long> CaseBytesAsync(IntakeDbContext db, Guid caseId, CancellationToken cancellationToken) =>
        db.Set<DocumentRecord>().Where(d => d.CaseId == caseId && d.State != DocumentStates.Withdrawn)
            .SumAsync(d => d.Size, cancellationToken);
}
