using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Requests.EndToEnd.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Requests.EndToEnd.Tests.Workspace;

/// <summary>The head of a body watches it and hands cases over; the administrator keeps the directory, the accounts,
/// the calendar and the jobs, in French and in Arabic.</summary>
[Collection(SharedWorkspace.Name)]
public sealed class Heading_and_administering(StaffWorkspace system)
{
    [Fact]
    public async Task An_officer_put_on_leave_hands_new_requests_to_their_substitute()
    {
        var substitutePassword = await system.CreateAccountAsync("jamal.tahiri", "officer", "ONEE-S1");
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow,
            TimeZoneInfo.FindSystemTimeZoneById("Africa/Casablanca")).DateTime);
        var page = await AdministratorAsync();

        await page.GotoAsync("/admin/directory");
        await page.GetByRole(AriaRole.Link, new() { Name = "ONEE", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Modifier, congés : Hanane Sbai" }).ClickAsync();
        await page.GetByLabel("Premier jour d'absence").FillAsync(today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByLabel("Dernier jour d'absence").FillAsync(today.AddDays(7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le congé" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Congé enregistré pour ONEE-O1");
        await Expect(page.Locator("#officer-title ~ .admin-forms table tbody tr")).ToHaveCountAsync(1);
        await StaffWorkspace.CheckAsync(page, "admin-directory", "fr");
        await StaffWorkspace.SwitchLanguageAsync(page, "ar");
        await StaffWorkspace.CheckAsync(page, "admin-directory", "ar");

        var receipt = await system.FileRequestAsync("ONEE", "Coupures d'eau à Salé");
        await system.WaitUntilAssignedAsync(receipt.CaseId);
        Assert.Equal("ONEE-S1", await AssignedToAsync(receipt.CaseId));
        var substitute = await system.NewPageAsync();
        await StaffWorkspace.SignInAsync(substitute, "jamal.tahiri", substitutePassword);
        await substitute.GetByLabel("Qui me sont attribués").CheckAsync();
        await substitute.GetByRole(AriaRole.Button, new() { Name = "Appliquer" }).ClickAsync();
        await Expect(substitute).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("mine=true"));
        var row = substitute.Locator("table tbody tr", new() { HasText = receipt.TrackingNumber });
        await Expect(row).ToContainTextAsync("Jamal Tahiri");
    }

    [Fact]
    public async Task A_head_sees_the_officers_load_and_hands_a_case_to_another_officer()
    {
        var password = await system.CreateAccountAsync("tarik.mansouri", "head", "CNSS-H");
        var receipt = await system.FileRequestAsync("CNSS", "Cotisations de l'année 2025");
        await system.WaitUntilAssignedAsync(receipt.CaseId);
        Assert.Equal("CNSS-O1", await AssignedToAsync(receipt.CaseId));
        var page = await system.NewPageAsync();
        await StaffWorkspace.SignInAsync(page, "tarik.mansouri", password);

        await page.GetByRole(AriaRole.Link, new() { Name = "Vue d'ensemble CNSS" }).ClickAsync();
        var officer = page.Locator("tbody tr").Filter(new() { Has = page.Locator("th", new() { HasText = "Zineb Amrani" }) });
        await Expect(officer.Locator("td").Nth(1)).ToHaveTextAsync("1");
        await Expect(page.Locator(".cards")).ToContainTextAsync("ouverts");
        await StaffWorkspace.CheckAsync(page, "head-overview", "fr");
        await page.GetByRole(AriaRole.Link, new() { Name = "Dossiers ouverts de Zineb Amrani : 1" }).ClickAsync();
        var row = page.Locator("tbody tr", new() { HasText = receipt.TrackingNumber });
        await row.GetByLabel($"Nouvel agent pour {receipt.TrackingNumber}").SelectOptionAsync("CNSS-O2");
        await row.GetByRole(AriaRole.Button, new() { Name = "Réattribuer" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Dossier {receipt.TrackingNumber} réattribué à CNSS-O2");
        Assert.Equal("CNSS-O2", await AssignedToAsync(receipt.CaseId));
        await Expect(page.Locator("tbody tr").Filter(new() { Has = page.Locator("th", new() { HasText = "Said Naciri" }) }).Locator("td").Nth(1)).ToHaveTextAsync("1");
        await StaffWorkspace.SwitchLanguageAsync(page, "ar");
        await StaffWorkspace.CheckAsync(page, "head-overview", "ar");
        await StaffWorkspace.SwitchLanguageAsync(page, "fr");

        // the escalated card opens the queue on both missed deadlines, the body's and the head's
        await page.Locator(".cards a", new() { HasText = "escaladés" }).ClickAsync();
        await Expect(page.Locator("#filter-status")).ToHaveValueAsync("deadline-missed,recourse-deadline-missed");
        await Expect(page.Locator("#results-title")).ToHaveTextAsync("0 dossiers");
    }

    [Fact]
    public async Task A_disabled_account_no_longer_signs_in()
    {
        var page = await AdministratorAsync();
        await page.GotoAsync("/admin/accounts");
        await page.GetByText("Créer un compte").ClickAsync();
        await page.Locator("#account-new-userName").FillAsync("nadia.berrada");
        await page.Locator("#account-new-password").FillAsync("nadia.berrada has a long passphrase");
        await page.Locator("#account-new-role").SelectOptionAsync("officer");
        await page.Locator("#account-new-officerIds").FillAsync("MI-O2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer le compte" }).ClickAsync();
        // no e-mail address: refused, said at the top and beside the field, what was typed kept
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Une adresse électronique valide.");
        await Expect(page.Locator("#account-new-email-error")).ToBeVisibleAsync();
        await Expect(page.Locator("#account-new-userName")).ToHaveValueAsync("nadia.berrada");
        await page.Locator("#account-new-email").FillAsync("nadia.berrada@mi.gov.ma");
        await page.Locator("#account-new-password").FillAsync("nadia.berrada has a long passphrase");
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer le compte" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Compte nadia.berrada créé.");

        await page.Locator("#account-edit-role").SelectOptionAsync("head");
        await page.Locator("#account-edit-officerIds").FillAsync("MI-H");
        await page.Locator("#account-edit-title ~ button").Or(page.Locator("form:has(#account-edit-role) button")).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Compte nadia.berrada modifié.");
        var account = page.Locator("tbody tr", new() { HasText = "nadia.berrada" });
        await Expect(account).ToContainTextAsync("Chef d'organisme");
        await Expect(account).ToContainTextAsync("MI-H");
        await StaffWorkspace.CheckAsync(page, "admin-accounts", "fr");

        await page.GetByRole(AriaRole.Button, new() { Name = "Désactiver" }).ClickAsync();
        await Expect(page.Locator("#account-disable-confirm:invalid")).ToHaveCountAsync(1); // the box must be ticked
        await page.GetByLabel("Je confirme la désactivation de nadia.berrada").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Désactiver" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Compte nadia.berrada désactivé.");
        await Expect(account).ToContainTextAsync("Désactivé");
        await StaffWorkspace.SwitchLanguageAsync(page, "ar");
        await StaffWorkspace.CheckAsync(page, "admin-accounts", "ar");

        var theirs = await system.NewPageAsync();
        await theirs.GotoAsync("/signin");
        await theirs.GetByLabel("Nom d'utilisateur").FillAsync("nadia.berrada");
        await theirs.GetByLabel("Mot de passe").FillAsync("nadia.berrada has a long passphrase");
        await theirs.Locator("main button[type=submit]").ClickAsync();
        await Expect(theirs.GetByRole(AriaRole.Alert)).ToContainTextAsync("Nom d'utilisateur ou mot de passe incorrect");
    }

    [Fact]
    public async Task The_administrator_reads_the_calendar_and_runs_a_job()
    {
        var page = await AdministratorAsync();

        await page.GotoAsync("/admin/calendar?year=2026");
        await Expect(page.Locator("table").First).ToContainTextAsync("Fête du Trône");
        await page.GetByLabel("Jour férié estimé", new() { Exact = true }).SelectOptionAsync("2026-03-21");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la correction" }).ClickAsync();
        // no reason: refused, said at the top and beside the field
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Indiquez l'annonce ou la décision");
        await Expect(page.Locator("#correction-reason-error")).ToBeVisibleAsync();
        await page.GetByLabel("Motif (l'annonce ou la décision)").FillAsync("Communiqué du ministère des Habous : croissant observé");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la correction" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Correction enregistrée");
        await Expect(page.Locator("table").Last).ToContainTextAsync("croissant observé");
        await Expect(page.Locator("table").First.Locator("tr", new() { HasText = "21 mars 2026" }).First).ToContainTextAsync("Confirmée");
        await StaffWorkspace.CheckAsync(page, "admin-calendar", "fr");
        await StaffWorkspace.SwitchLanguageAsync(page, "ar");
        await StaffWorkspace.CheckAsync(page, "admin-calendar", "ar");
        await StaffWorkspace.SwitchLanguageAsync(page, "fr");

        await page.GotoAsync("/admin/jobs");
        await page.GetByRole(AriaRole.Button, new() { Name = "Exécuter maintenant : Contrôle des délais" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Tâche « Contrôle des délais » lancée");
        await Expect(page.Locator("tbody tr").First).ToContainTextAsync("Contrôle des délais");
        await StaffWorkspace.CheckAsync(page, "admin-jobs", "fr");
        await StaffWorkspace.SwitchLanguageAsync(page, "ar");
        await StaffWorkspace.CheckAsync(page, "admin-jobs", "ar");
    }

    private async Task<IPage> AdministratorAsync()
    {
        var page = await system.NewPageAsync();
        await StaffWorkspace.SignInAsync(page, RoutingProcess.AdminUserName, RoutingProcess.AdminPassword);
        return page;
    }

    private async Task<string?> AssignedToAsync(Guid caseId)
    {
        var view = await system.Admin.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}");
        return view.GetProperty("assignedOfficerId").GetString();
    }
}
