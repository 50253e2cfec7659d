using Microsoft.EntityFrameworkCore;
using Requests.Notifications.Email;
using Requests.Routing.Assignment;
using Requests.Routing.Storage;
using Requests.ServiceDefaults.Auth;
using Requests.ServiceDefaults.Data;

namespace Requests.Routing.Bodies;

/// <param name="Role"><c>designated</c>, <c>substitute</c> or <c>head</c>.</param>
/// <param name="SubstituteOf">For a substitute: the designated officer of the same body they stand in for.</param>
/// <param name="Language"><c>fr</c> (when left out of a new officer) or <c>ar</c>: the language of the officer's e-mails.</param>
public sealed record OfficerForm(string? Id, string? BodyCode, string? FullName, string? Email, string? Role, string? SubstituteOf,
    string? Language = null);

/// <summary>An administrator designates officers, substitutes and heads of bodies, edits them, and removes them.</summary>
public static class OfficerChanges
{
    public static readonly IReadOnlyList<string> Roles = [OfficerRoles.Designated, OfficerRoles.Substitute, OfficerRoles.Head];

    internal static void MapOfficerChanges(this RouteGroupBuilder directory)
    {
        var admin = directory.MapGroup("/officers").RequireAuthorization(StaffPolicies.Admin);
        admin.MapPost("/", CreateAsync).WithSummary("Designates an officer, a substitute or the head of a body.");
        admin.MapPut("/{id}", UpdateAsync).WithSummary("Edits an officer; they stay in their body.");
        admin.MapDelete("/{id}", DeleteAsync).WithSummary("Removes an officer who has no open case and nobody standing in for them.");
    }

    private static Task<IResult> CreateAsync(OfficerForm form, RoutingDbContext db, WriteGate writes, TimeProvider clock,
        CancellationToken cancellationToken) => writes.ExclusiveAsync(async () =>
    {
        var id = DirectoryChanges.Normalize(form.Id);
        var bodyCode = DirectoryChanges.Normalize(form.BodyCode);
        var errors = new Dictionary<string, string[]>();
        if (id is null) errors["id"] = ["Required: the officer's id, e.g. MEF-O3."];
        else if (!DirectoryChanges.IsCode(id)) errors["id"] = ["Letters, digits and single hyphens, at most 32, e.g. MEF-O3."];
        if (bodyCode is null) errors["bodyCode"] = ["Required: the body the officer works for."];
        else if (!await db.Bodies.AnyAsync(b => b.Code == bodyCode, cancellationToken)) errors["bodyCode"] = [$"Unknown body {bodyCode}."];
        await CheckAsync(errors, form, id, bodyCode, db, cancellationToken);
        if (errors.Count > 0)
            return DirectoryChanges.Invalid(errors, "officer");
        if (await db.Officers.AnyAsync(o => o.Id == id, cancellationToken))
            return DirectoryChanges.Conflict("id", $"The directory already has an officer {id}.");
        if (form.Role == OfficerRoles.Head && await HeadOfAsync(db, bodyCode!, cancellationToken) is { } head)
            return DirectoryChanges.Conflict("role", $"{bodyCode} already has a head, {head}: one head per body.");

        var officer = new Officer
        {
            Id = id!, BodyCode = bodyCode!, FullName = form.FullName!.Trim(), Email = form.Email!.Trim(), Role = form.Role!,
            SubstituteOf = DirectoryChanges.Normalize(form.SubstituteOf), Language = form.Language ?? "fr",
        };
        db.Officers.Add(officer);
        await DirectorySnapshot.SaveAsync(db, clock, cancellationToken);
        return Results.Created($"/api/directory/officers/{officer.Id}", DirectoryEndpoints.Detail(officer, withEmail: true));
    }, cancellationToken);

    private static Task<IResult> UpdateAsync(string id, OfficerForm form, RoutingDbContext db, WriteGate writes,
        TimeProvider clock, CancellationToken cancellationToken) => writes.ExclusiveAsync(async () =>
    {
        id = id.Trim().ToUpperInvariant();
        var officer = await db.Officers.FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (officer is null)
            return DirectoryChanges.NotFound($"officer {id}");
        var errors = new Dictionary<string, string[]>();
        if (DirectoryChanges.Normalize(form.Id) is { } renamed && renamed != id)
            errors["id"] = ["An officer's id does not change: cases and their history refer to it."];
        if (DirectoryChanges.Normalize(form.BodyCode) is { } body && body != officer.BodyCode)
            errors["bodyCode"] = [$"An officer stays in their body ({officer.BodyCode}): designate a new officer in {body} instead."];
        await CheckAsync(errors, form, id, officer.BodyCode, db, cancellationToken);
        if (errors.Count > 0)
            return DirectoryChanges.Invalid(errors, "officer");
        if (form.Role == OfficerRoles.Head && await HeadOfAsync(db, officer.BodyCode, cancellationToken) is { } head && head != id)
            return DirectoryChanges.Conflict("role", $"{officer.BodyCode} already has a head, {head}: one head per body.");
        if (form.Role != OfficerRoles.Designated && await SubstitutesOfAsync(db, id, cancellationToken) is [_, ..] substitutes)
            return DirectoryChanges.Conflict("role", $"{string.Join(", ", substitutes)} stand(s) in for {id}, who must stay a designated officer.");

        officer.FullName = form.FullName!.Trim();
        officer.Email = form.Email!.Trim();
        officer.Role = form.Role!;
        officer.SubstituteOf = DirectoryChanges.Normalize(form.SubstituteOf);
        officer.Language = form.Language ?? officer.Language;
        await DirectorySnapshot.SaveAsync(db, clock, cancellationToken);
        return Results.Ok(DirectoryEndpoints.Detail(officer, withEmail: true));
    }, cancellationToken);

    private static Task<IResult> DeleteAsync(string id, RoutingDbContext db, WriteGate writes, TimeProvider clock,
        CancellationToken cancellationToken) => writes.ExclusiveAsync(async () =>
    {
        id = id.Trim().ToUpperInvariant();
        var officer = await db.Officers.FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (officer is null)
            return DirectoryChanges.NotFound($"officer {id}");
        var open = await db.Cases.CountAsync(c => c.AssignedOfficerId == id && OfficerPicker.OpenStatuses.Contains(c.Status), cancellationToken);
        if (open > 0)
            return DirectoryChanges.Conflict("id", $"{id} has {open} open case(s): hand them over to another officer first.");
        if (await SubstitutesOfAsync(db, id, cancellationToken) is [_, ..] substitutes)
            return DirectoryChanges.Conflict("id", $"{string.Join(", ", substitutes)} stand(s) in for {id}: remove or reassign them first.");

        db.OfficerLeaves.RemoveRange(await db.OfficerLeaves.Where(l => l.OfficerId == id).ToListAsync(cancellationToken));
        db.Officers.Remove(officer);
        await DirectorySnapshot.SaveAsync(db, clock, cancellationToken);
        return Results.NoContent();
    }, cancellationToken);

    private static Task<string?> HeadOfAsync(RoutingDbContext db, string bodyCode, CancellationToken cancellationToken) =>
        db.Officers.Where(o => o.BodyCode == bodyCode && o.Role == OfficerRoles.Head).Select(o => o.Id).FirstOrDefaultAsync(cancellationToken);

    private static Task<List<string>> SubstitutesOfAsync(RoutingDbContext db, string id, CancellationToken cancellationToken) =>
        db.Officers.Where(o => o.SubstituteOf == id).OrderBy(o => o.Id).Select(o => o.Id).ToListAsync(cancellationToken);

    private static async Task CheckAsync(Dictionary<string, string[]> errors, OfficerForm form, string? id, string? bodyCode,
        RoutingDbContext db, CancellationToken cancellationToken)
    {
        DirectoryChanges.CheckText(errors, "fullName", form.FullName, "the officer's full name");
        if (form.Language is not (null or "fr" or "ar"))
            errors["language"] = ["fr or ar: the language of the officer's e-mails."];
        if (!EmailAddresses.IsValid(form.Email))
            errors["email"] = ["A valid e-mail address, e.g. name@body.gov.ma: the officer's alerts go there."];
        if (form.Role is null || !Roles.Contains(form.Role))
            errors["role"] = [$"One of {string.Join(", ", Roles)}."];
        var standsInFor = DirectoryChanges.Normalize(form.SubstituteOf);
        if (form.Role != OfficerRoles.Substitute)
        {
            if (standsInFor is not null)
                errors["substituteOf"] = ["Only a substitute stands in for an officer."];
            return;
        }
        if (standsInFor is null)
            errors["substituteOf"] = ["Required for a substitute: the designated officer they stand in for."];
        else if (standsInFor == id || !await db.Officers.AnyAsync(o => o.Id == standsInFor && o.BodyCode == bodyCode
                     && o.Role == OfficerRoles.Designated, cancellationToken))
            errors["substituteOf"] = [$"{standsInFor} is not a designated officer of {bodyCode ?? "the body"}."];
    }
}
