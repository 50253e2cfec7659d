using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Requests.Staff.Api;

namespace Requests.Staff.Pages.Admin;

/// <summary>Staff accounts: created, their role and officer records changed, disabled and enabled, passwords reset.</summary>
[Authorize(Roles = "admin")]
public sealed class AccountsModel(ServiceApi api, IStringLocalizer<FormPage> text) : FormPage(api, text)
{
    public static readonly string[] Roles = ["officer", "head", "ministry", "admin"];

    /// <summary>The account shown, by its user name.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Account { get; set; }

    public IReadOnlyList<AccountEntry> Accounts { get; private set; } = [];

    public AccountEntry? Selected { get; private set; }

    protected override IReadOnlyDictionary<string, string> FieldMessages { get; } = new Dictionary<string, string>
    {
        ["userName"] = "Un nom d'utilisateur libre, en lettres, chiffres et . _ - @.",
        ["email"] = "Une adresse électronique valide.",
        ["password"] = "Un mot de passe d'au moins 12 caractères.",
        ["role"] = "Choisissez un rôle.",
        ["officerIds"] = "Des identifiants d'agents de l'annuaire, sans autre compte ; au moins un pour un chargé ou un chef d'organisme.",
        ["confirm"] = "Cochez la case pour confirmer.",
    };

    protected override async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        Accounts = (await Api.GetAsync<List<AccountEntry>>(Service.Routing, "/api/accounts", cancellationToken)).Value ?? [];
        Selected = Account is null ? null : Accounts.FirstOrDefault(a => a.UserName == Account);
        return Account is null || Selected is not null;
    }

    public Task<IActionResult> OnPostCreateAsync(string? userName, string? email, string? password, string? role, string? officerIds,
        CancellationToken cancellationToken) =>
        SendAsync("account-new", HttpMethod.Post, "/api/accounts", new { userName, email, password, role, officerIds = Ids(officerIds) },
            "Compte {0} créé.", Here(userName?.Trim()), cancellationToken, userName ?? "");

    public Task<IActionResult> OnPostChangeAsync(string? role, string? officerIds, CancellationToken cancellationToken) =>
        SendAsync("account-edit", HttpMethod.Put, $"/api/accounts/{Uri.EscapeDataString(Account ?? "")}", new { role, officerIds = Ids(officerIds) },
            "Compte {0} modifié.", Here(Account), cancellationToken, Account ?? "");

    public async Task<IActionResult> OnPostDisableAsync(bool confirm, CancellationToken cancellationToken) => confirm
        ? await SendAsync("account-disable", HttpMethod.Post, $"/api/accounts/{Uri.EscapeDataString(Account ?? "")}/disable", null,
            "Compte {0} désactivé.", Here(Account), cancellationToken, Account ?? "")
        : await RefusedAsync("account-disable", "confirm", "Cochez la case pour confirmer.", cancellationToken);

    public Task<IActionResult> OnPostEnableAsync(CancellationToken cancellationToken) =>
        SendAsync("account-enable", HttpMethod.Post, $"/api/accounts/{Uri.EscapeDataString(Account ?? "")}/enable", null,
            "Compte {0} réactivé.", Here(Account), cancellationToken, Account ?? "");

    public Task<IActionResult> OnPostPasswordAsync(string? password, CancellationToken cancellationToken) =>
        SendAsync("account-password", HttpMethod.Post, $"/api/accounts/{Uri.EscapeDataString(Account ?? "")}/password", new { password },
            "Mot de passe de {0} remplacé.", Here(Account), cancellationToken, Account ?? "");

    /// <summary>Officer ids as typed: separated by commas or spaces, in any case.</summary>
    private static string[] Ids(string? typed) =>
        [.. (typed ?? "").Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(i => i.ToUpperInvariant())];

    private string Here(string? account) => Url.Page("/Admin/Accounts", new { account })!;
}
