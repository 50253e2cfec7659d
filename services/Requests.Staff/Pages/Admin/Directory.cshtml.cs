using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Requests.Staff.Api;

namespace Requests.Staff.Pages.Admin;

/// <summary>The directory: bodies with their officers, substitutes and head; an officer's leave.</summary>
[Authorize(Roles = "admin")]
public sealed class DirectoryModel(ServiceApi api, IStringLocalizer<FormPage> text) : FormPage(api, text)
{
    public static readonly string[] Sectors = ["ministry", "public-establishment", "territorial-collectivity", "other"];
    public static readonly string[] Roles = ["designated", "substitute", "head"];

    public sealed record BodyInput(string? Code, string? NameFr, string? NameAr, string? Sector, string? Region, string? ParentCode);

    public sealed record OfficerInput(string? Id, string? FullName, string? Email, string? Role, string? SubstituteOf, string? Language);

    /// <summary>The body shown, by its code.</summary>
    [BindProperty(SupportsGet = true, Name = "body")]
    public string? BodyCode { get; set; }

    /// <summary>The officer shown, by their id.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Officer { get; set; }

    public IReadOnlyList<BodyEntry> Bodies { get; private set; } = [];

    public BodyDetail? Body { get; private set; }

    public OfficerDetail? Selected { get; private set; }

    public IReadOnlyList<LeaveEntry> Leaves { get; private set; } = [];

    protected override IReadOnlyDictionary<string, string> FieldMessages { get; } = new Dictionary<string, string>
    {
        ["code"] = "Un code en majuscules, chiffres et tirets (32 au plus), unique, par exemple COM-RABAT.",
        ["nameFr"] = "Indiquez le nom en français (300 caractères au plus).",
        ["nameAr"] = "Indiquez le nom en arabe (300 caractères au plus).",
        ["sector"] = "Choisissez un secteur.",
        ["region"] = "Indiquez la région du siège.",
        ["parentCode"] = "Un organisme de l'annuaire, qui n'est pas en dessous de celui-ci.",
        ["id"] = "Un identifiant en majuscules, chiffres et tirets, unique ; un agent qui a des dossiers ouverts ou un suppléant ne peut pas être retiré.",
        ["fullName"] = "Indiquez le nom complet.",
        ["email"] = "Une adresse électronique valide : les alertes de l'agent y sont envoyées.",
        ["role"] = "Un seul chef par organisme, et un agent qui a un suppléant reste chargé désigné.",
        ["substituteOf"] = "Un suppléant supplée un chargé désigné du même organisme ; les autres rôles n'en ont pas.",
        ["language"] = "Français ou arabe.",
        ["startsOn"] = "Indiquez le premier jour d'absence.",
        ["endsOn"] = "Indiquez le dernier jour d'absence, le même que le premier ou après.",
        ["confirm"] = "Cochez la case pour confirmer.",
        ["removal"] = "Cet agent a encore des dossiers ouverts ou un suppléant : réattribuez-les d'abord.",
    };

    protected override async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        Bodies = (await Api.GetAsync<List<BodyEntry>>(Service.Routing, "/api/directory/bodies", cancellationToken)).Value ?? [];
        if (BodyCode is null)
            return true;
        Body = (await Api.GetAsync<BodyDetail>(Service.Routing, $"/api/directory/bodies/{Uri.EscapeDataString(BodyCode)}", cancellationToken)).Value;
        if (Body is null)
            return false;
        Selected = Officer is null ? null : Everyone(Body).FirstOrDefault(o => o.Id == Officer);
        if (Selected is not null)
            Leaves = (await Api.GetAsync<List<LeaveEntry>>(Service.Routing,
                $"/api/directory/officers/{Uri.EscapeDataString(Selected.Id)}/leaves", cancellationToken)).Value ?? [];
        return true;
    }

    public static IEnumerable<OfficerDetail> Everyone(BodyDetail body) =>
        [.. body.Officers, .. body.Substitutes, .. body.Head is { } head ? [head] : Array.Empty<OfficerDetail>()];

    public Task<IActionResult> OnPostCreateBodyAsync(BodyInput input, CancellationToken cancellationToken) =>
        SendAsync("body-new", HttpMethod.Post, "/api/directory/bodies", input, "Organisme {0} ajouté.",
            Here(input.Code?.Trim().ToUpperInvariant(), null), cancellationToken, input.Code ?? "");

    public Task<IActionResult> OnPostUpdateBodyAsync(BodyInput input, CancellationToken cancellationToken) =>
        SendAsync("body-edit", HttpMethod.Put, $"/api/directory/bodies/{Uri.EscapeDataString(BodyCode ?? "")}",
            input with { Code = BodyCode }, "Organisme {0} modifié.", Here(BodyCode, null), cancellationToken, BodyCode ?? "");

    public Task<IActionResult> OnPostCreateOfficerAsync(OfficerInput input, CancellationToken cancellationToken) =>
        SendAsync("officer-new", HttpMethod.Post, "/api/directory/officers", OfficerBody(input, BodyCode), "Agent {0} ajouté.",
            Here(BodyCode, null), cancellationToken, input.FullName ?? "");

    public Task<IActionResult> OnPostUpdateOfficerAsync(OfficerInput input, CancellationToken cancellationToken) =>
        SendAsync("officer-edit", HttpMethod.Put, $"/api/directory/officers/{Uri.EscapeDataString(Officer ?? "")}",
            OfficerBody(input with { Id = Officer }, BodyCode), "Agent {0} modifié.", Here(BodyCode, Officer), cancellationToken, input.FullName ?? "");

    public async Task<IActionResult> OnPostRemoveOfficerAsync(bool confirm, CancellationToken cancellationToken) => confirm
        ? await SendAsync("officer-remove", HttpMethod.Delete, $"/api/directory/officers/{Uri.EscapeDataString(Officer ?? "")}", null,
            "Agent {0} retiré de l'annuaire.", Here(BodyCode, null), [Officer ?? ""], "removal", cancellationToken)
        : await RefusedAsync("officer-remove", "confirm", "Cochez la case pour confirmer.", cancellationToken);

    public Task<IActionResult> OnPostAddLeaveAsync(string? startsOn, string? endsOn, CancellationToken cancellationToken) =>
        SendAsync("leave-new", HttpMethod.Post, $"/api/directory/officers/{Uri.EscapeDataString(Officer ?? "")}/leaves",
            new { startsOn = Blank(startsOn), endsOn = Blank(endsOn) }, "Congé enregistré pour {0}.", Here(BodyCode, Officer),
            cancellationToken, Officer ?? "");

    public Task<IActionResult> OnPostRemoveLeaveAsync(long leaveId, CancellationToken cancellationToken) =>
        SendAsync($"leave-{leaveId}", HttpMethod.Delete, $"/api/directory/officers/{Uri.EscapeDataString(Officer ?? "")}/leaves/{leaveId}",
            null, "Congé supprimé pour {0}.", Here(BodyCode, Officer), cancellationToken, Officer ?? "");

    private static object OfficerBody(OfficerInput input, string? bodyCode) => new
    {
        input.Id, BodyCode = bodyCode, input.FullName, input.Email, input.Role,
        SubstituteOf = input.Role == "substitute" ? Blank(input.SubstituteOf) : null, Language = Blank(input.Language),
    };

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private string Here(string? body, string? officer) => Url.Page("/Admin/Directory", new { body, officer })!;
}
