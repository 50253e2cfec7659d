using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Requests.Domain.Publication;
using Requests.Intake.Bodies;
using Requests.Intake.Documents;
using Requests.Intake.Storage;
using Requests.Intake.Submissions;

namespace Requests.Intake.Publication;

/// <summary>
/// A body's register of what it publishes of its own accord (article 10 of Law 31.13): its officers and head (and
/// administrators) add, replace and withdraw entries; every version stays in the history staff read.
/// </summary>
public static class RegisterEndpoints
{
    // what the public may download from a register: documents, tables and images, not text or word processing
    private static readonly string[] RegisterTypes =
    [
        ContentTypes.Pdf, ContentTypes.Csv, "image/png", "image/jpeg", "application/vnd.ms-excel",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/vnd.oasis.opendocument.spreadsheet",
    ];

    public static IEndpointRouteBuilder MapRegister(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/publication/categories", () => PublicationCategories.All)
            .WithSummary("The categories of article 10 a register entry is filed under (a closed list): code, labels in French and Arabic.");
        var register = app.MapGroup("/api/bodies/{bodyCode}/register");
        register.MapPost("", (string bodyCode, HttpContext http, PublicationWriter writer) => SaveAsync(bodyCode, null, http, writer))
            .DisableAntiforgery()
            .WithSummary("Staff of the body: add an entry (multipart: part 'form', JSON, and at most one part 'file'; or JSON with a link).");
        register.MapPut("/{id:guid}", (string bodyCode, Guid id, HttpContext http, PublicationWriter writer) => SaveAsync(bodyCode, id, http, writer))
            .DisableAntiforgery()
            .WithSummary("Staff of the body: replace an entry (a new version; the old one stays in the history). Without a file, the current file stays.");
        register.MapPost("/{id:guid}/withdraw", WithdrawAsync)
            .WithSummary("Staff of the body: withdraw an entry, with a reason: it leaves every public output; its history stays.");
        register.MapGet("", ListAsync)
            .WithSummary("Staff of the body and the ministry: the register's entries with their history.");
        return app;
    }

    private static async Task<IResult> SaveAsync(string bodyCode, Guid? id, HttpContext http, PublicationWriter writer)
    {
        bodyCode = bodyCode.Trim().ToUpperInvariant();
        if (PublicationAccess.Check(http.User, bodyCode, write: true) is { } denied)
            return denied;
        var uploads = http.RequestServices.GetRequiredService<DocumentUploads>();
        var (form, upload, error) = await SubmissionEndpoints.ReadFormAndFilesAsync(http.Request, PublicationJson.Default.RegisterForm,
            uploads, caseBytes: 0);
        if (form is null)
            return error!;
        using (upload)
        {
            var file = upload?.Files.SingleOrDefault();
            if (upload is { Files.Count: > 1 })
                return PublicationAccess.Invalid(new() { ["file"] = ["At most one file per entry."] });
            if (file is not null && !RegisterTypes.Contains(file.ContentType))
                return DocumentUploads.Refused(415, file.Name, "A register entry's file is a PDF, a CSV, a spreadsheet or an image (PNG, JPEG).");
            return await writer.SaveEntryAsync(bodyCode, id, form, file, http.User, http.RequestAborted);
        }
    }

    private static async Task<IResult> WithdrawAsync(string bodyCode, Guid id, HttpContext http, PublicationWriter writer)
    {
        bodyCode = bodyCode.Trim().ToUpperInvariant();
        if (PublicationAccess.Check(http.User, bodyCode, write: true) is { } denied)
            return denied;
        var (form, error) = await SubmissionEndpoints.ReadFormAsync(http.Request, PublicationJson.Default.WithdrawForm);
        if (form is null)
            return error!;
        if (string.IsNullOrWhiteSpace(form.Reason) || form.Reason.Length > 1000)
            return PublicationAccess.Invalid(new() { ["reason"] = ["Required: why the entry is withdrawn (at most 1000 characters)."] });
        return await writer.WithdrawAsync(id, bodyCode, PublicationKinds.Register, form.Reason.Trim(), http.User, http.RequestAborted);
    }

    private static async Task<IResult> ListAsync(string bodyCode, HttpContext http, IntakeDbContext db, BodyDirectory bodies)
    {
        bodyCode = bodyCode.Trim().ToUpperInvariant();
        if (PublicationAccess.Check(http.User, bodyCode, write: false) is { } denied)
            return denied;
        if (bodies.Find(bodyCode) is null)
            return Results.Problem(statusCode: 404, title: $"No body '{bodyCode}'.");
        var cancellationToken = http.RequestAborted;
        var items = await db.PublishedItems.AsNoTracking().Where(p => p.BodyCode == bodyCode && p.Kind == PublicationKinds.Register)
            .OrderByDescending(p => p.Date).ThenByDescending(p => p.Number).ToListAsync(cancellationToken);
        var ids = items.Select(p => p.Id).ToList();
        var files = await db.PublishedFiles.AsNoTracking().Where(f => ids.Contains(f.ItemId)).ToListAsync(cancellationToken);
        var history = await db.PublishedVersions.AsNoTracking().Where(v => ids.Contains(v.ItemId)).ToListAsync(cancellationToken);
        return Results.Ok(items.Select(p => EntryView.Of(p, files, history)).ToList());
    }

    /// <summary>Checks the form field by field; the date it carries, when valid.</summary>
    public static Dictionary<string, string[]> Validate(RegisterForm form, bool hasFile, bool keepsFile, DateOnly today, out DateOnly publishedOn)
    {
        var errors = new Dictionary<string, string[]>();
        publishedOn = default;
        if (string.IsNullOrWhiteSpace(form.Category)) errors["category"] = ["Required: one of GET /api/publication/categories."];
        else if (PublicationCategories.Find(form.Category) is null) errors["category"] = [$"'{form.Category}' is not a category of GET /api/publication/categories."];
        if (string.IsNullOrWhiteSpace(form.TitleFr) && string.IsNullOrWhiteSpace(form.TitleAr))
            errors["titleFr"] = ["A title in French or in Arabic is required."];
        Longer(errors, "titleFr", form.TitleFr, 300);
        Longer(errors, "titleAr", form.TitleAr, 300);
        Longer(errors, "summaryFr", form.SummaryFr, 4000);
        Longer(errors, "summaryAr", form.SummaryAr, 4000);
        if (string.IsNullOrWhiteSpace(form.PublishedOn)) errors["publishedOn"] = ["Required: the date of publication (YYYY-MM-DD)."];
        else if (!DateOnly.TryParseExact(form.PublishedOn, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out publishedOn))
            errors["publishedOn"] = ["A date YYYY-MM-DD."];
        else if (publishedOn > today) errors["publishedOn"] = ["The date of publication cannot be in the future."];
        if (!string.IsNullOrWhiteSpace(form.Link)
            && (form.Link.Length > 2000 || !Uri.TryCreate(form.Link, UriKind.Absolute, out var link) || link.Scheme is not ("http" or "https")))
            errors["link"] = ["An absolute http or https address."];
        if (!hasFile && !keepsFile && string.IsNullOrWhiteSpace(form.Link))
            errors["file"] = ["Send a file or a link."];
        return errors;
    }

    private static void Longer(Dictionary<string, string[]> errors, string field, string? value, int max)
    {
        if (value?.Length > max)
            errors[field] = [$"At most {max} characters."];
    }

    /// <summary>The public fields of an item, as its history keeps them.</summary>
    public static string Snapshot(PublishedItem p, IEnumerable<PublishedFile> files) => JsonSerializer.Serialize(new
    {
        p.Category, p.TitleFr, p.TitleAr, p.SummaryFr, p.SummaryAr, p.Link, p.Date, p.Subject, p.Question, p.Answer,
        Files = files.Select(EntryView.FileOf).ToList(),
    }, JsonSerializerOptions.Web);
}
