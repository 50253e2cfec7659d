using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Requests.Intake.Bodies;
using Requests.Intake.Calendar;
using Requests.Intake.Documents;
using Requests.Intake.Storage;
using Requests.ServiceDefaults.Data;

namespace Requests.Intake.Publication;

/// <summary>
/// Publishes, replaces and withdraws items: the row, its history, its files and its place in the full-text index,
/// all in one transaction, so that the index never shows what the table does not.
/// </summary>
public sealed class PublicationWriter(IntakeDbContext db, PublicationIndex index, IDocumentStore store, WriteGate writes,
    BodyDirectory bodies, CalendarStore calendar, TimeProvider clock)
{
    public async Task<IResult> SaveEntryAsync(string bodyCode, Guid? id, RegisterForm form, StagedFile? file, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        if (bodies.Find(bodyCode) is not { } body)
            return Results.Problem(statusCode: 404, title: $"No body '{bodyCode}'.");
        PublishedItem? item = null;
        List<PublishedFile> files = [];
        if (id is { } existing)
        {
            item = await db.PublishedItems.FirstOrDefaultAsync(p => p.Id == existing && p.BodyCode == bodyCode
                && p.Kind == PublicationKinds.Register, cancellationToken);
            if (item is null)
                return Results.Problem(statusCode: 404, title: "No such entry in this body's register.");
            if (item.State == PublicationStates.Withdrawn)
                return PublicationAccess.Conflict("id", "The entry was withdrawn: add a new one instead.");
            files = await db.PublishedFiles.Where(f => f.ItemId == existing && f.Current).ToListAsync(cancellationToken);
        }
        var keepsFile = file is null && files.Count > 0 && string.IsNullOrWhiteSpace(form.Link);
        var errors = RegisterEndpoints.Validate(form, file is not null, keepsFile, calendar.Today, out var publishedOn);
        if (errors.Count > 0)
            return PublicationAccess.Invalid(errors);

        var now = clock.GetUtcNow().UtcDateTime;
        var by = PublicationAccess.Name(user);
        item ??= new PublishedItem
        {
            Id = Guid.CreateVersion7(), Kind = PublicationKinds.Register, BodyCode = bodyCode, Sector = body.Sector,
            State = PublicationStates.Published, UpdatedBy = by,
        };
        item.Version++;
        item.Category = form.Category;
        item.TitleFr = Clean(form.TitleFr);
        item.TitleAr = Clean(form.TitleAr);
        item.SummaryFr = Clean(form.SummaryFr);
        item.SummaryAr = Clean(form.SummaryAr);
        item.Link = Clean(form.Link);
        item.Date = publishedOn;
        item.UpdatedBy = by;
        item.UpdatedAt = now;
        if (!keepsFile)
            files.ForEach(f => f.Current = false);
        PublishedFile? added = null;
        if (file is not null)
        {
            added = new PublishedFile
            {
                Id = Guid.CreateVersion7(), ItemId = item.Id, StoreId = Guid.CreateVersion7(), Version = item.Version, Current = true,
                Name = file.Name, Size = file.Size, ContentType = file.ContentType, Sha256 = file.Sha256,
            };
            await store.WriteAsync(added.StoreId, file.Path, cancellationToken);
            db.PublishedFiles.Add(added);
        }
        var current = keepsFile ? files : added is null ? [] : [added];
        try
        {
            await SaveAsync(item, id is null ? "published" : "replaced", null, current, by, now, cancellationToken);
        }
        catch
        {
            if (added is not null)
                await store.DeleteAsync(added.StoreId, CancellationToken.None);
            throw;
        }
        var view = EntryView.Of(item, current, null);
        return id is null ? Results.Created($"/api/bodies/{bodyCode}/register/{item.Id}", view) : Results.Ok(view);
    }

    public async Task<IResult> WithdrawAsync(Guid id, string? bodyCode, string kind, string reason, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        var item = await db.PublishedItems.FirstOrDefaultAsync(p => p.Id == id && p.Kind == kind
            && (bodyCode == null || p.BodyCode == bodyCode), cancellationToken);
        if (item is null)
            return Results.Problem(statusCode: 404, title: "Nothing published under this id.");
        return await WithdrawAsync(item, reason, user, cancellationToken);
    }

    public async Task<IResult> WithdrawAsync(PublishedItem item, string reason, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (item.State == PublicationStates.Withdrawn)
            return PublicationAccess.Conflict("id", "Already withdrawn.");
        var now = clock.GetUtcNow().UtcDateTime;
        var by = PublicationAccess.Name(user);
        item.State = PublicationStates.Withdrawn;
        item.WithdrawnReason = reason;
        item.UpdatedBy = by;
        item.UpdatedAt = now;
        var files = await db.PublishedFiles.Where(f => f.ItemId == item.Id && f.Current).ToListAsync(cancellationToken);
        await SaveAsync(item, "withdrawn", reason, files, by, now, cancellationToken);
        return Results.Ok(EntryView.Of(item, files, null));
    }

    /// <summary>Publishes an answer (again, as a new version, if it was); the caller checked the case and the texts.</summary>
    public async Task<PublishedItem> PublishAnswerAsync(CaseRecord record, AnswerPublicationForm form, List<DocumentRecord> documents,
        ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var by = PublicationAccess.Name(user);
        var item = await db.PublishedItems.FirstOrDefaultAsync(p => p.CaseId == record.Id, cancellationToken);
        var action = item is null ? "published" : "replaced";
        item ??= new PublishedItem
        {
            Id = Guid.CreateVersion7(), Kind = PublicationKinds.Answer, BodyCode = record.BodyCode, CaseId = record.Id,
            Sector = bodies.Find(record.BodyCode)?.Sector ?? "other", State = PublicationStates.Published, UpdatedBy = by,
        };
        item.Version++;
        item.State = PublicationStates.Published;
        item.WithdrawnReason = null;
        item.Subject = form.Subject!.Trim();
        item.Question = form.Question!.Trim();
        item.Answer = form.Answer!.Trim();
        item.Outcome = record.Outcome;
        item.Ground = record.RefusalGround;
        item.FiledOn = record.ReceivedOn;
        var answeredOn = record.AnsweredOn ?? calendar.LocalDate(new DateTimeOffset(now, TimeSpan.Zero));
        item.Date = answeredOn;
        item.DelayWorkingDays = calendar.Current.WorkingDaysBetween(record.ReceivedOn, answeredOn);
        item.UpdatedBy = by;
        item.UpdatedAt = now;
        await db.PublishedFiles.Where(f => f.ItemId == item.Id && f.Current).ForEachAsync(f => f.Current = false, cancellationToken);
        var files = documents.Select(d => new PublishedFile
        {
            Id = Guid.CreateVersion7(), ItemId = item.Id, StoreId = d.Id, Version = item.Version, Current = true, Name = d.Name,
            Size = d.Size, ContentType = d.ContentType, Sha256 = d.Sha256,
        }).ToList();
        db.PublishedFiles.AddRange(files);
        await SaveAsync(item, action, null, files, by, now, cancellationToken);
        return item;
    }

    private async Task SaveAsync(PublishedItem item, string action, string? reason, IEnumerable<PublishedFile> files, string by,
        DateTime now, CancellationToken cancellationToken)
    {
        if (item.Number == 0)
            db.PublishedItems.Add(item);
        db.PublishedVersions.Add(new PublishedVersion
        {
            ItemId = item.Id, Version = item.Version, Action = action, Reason = reason, By = by, At = now,
            Content = RegisterEndpoints.Snapshot(item, files),
        });
        using (await writes.HoldAsync(cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            if (item.State == PublicationStates.Published)
                await index.PutAsync(db, item, cancellationToken);
            else
                await index.RemoveAsync(db, item.Number, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
