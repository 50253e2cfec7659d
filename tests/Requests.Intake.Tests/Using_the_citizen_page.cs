using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Requests.Intake.Tests.RoutingEvents;

namespace Requests.Intake.Tests;

/// <summary>
/// The citizen's page in a real browser (Debian's Chromium, driven by Playwright) against intake on a real port:
/// filing, the receipt, following the case, acting on it, and the API's errors shown next to their fields.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xunit disposes it through IAsyncLifetime.DisposeAsync")]
public sealed partial class Using_the_citizen_page : IAsyncLifetime
{
    private const string Chromium = "/usr/bin/chromium";

    private readonly IntakeApp _app = new();
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private IPage _page = null!;

    public async Task InitializeAsync()
    {
        _app.UseKestrel(0);
        _app.StartServer();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
        });
        _page = await _browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = address, Locale = "fr-MA" });
        await _page.GotoAsync("/");
        // the bodies come from the API: the form is ready once they are listed
        await Assertions.Expect(_page.Locator("#request-form select[name=bodyCode] option[value=MEF]")).ToBeAttachedAsync();
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
            await _browser.DisposeAsync();
        _playwright?.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task Files_a_request_shows_the_receipt_and_follows_the_case_to_a_recourse()
    {
        var form = _page.Locator("#request-form");
        await form.Locator("[name=bodyCode]").SelectOptionAsync("MEF");
        await form.Locator("[name=subject]").FillAsync("Exécution du budget 2025");
        await form.Locator("[name=description]").FillAsync("Les rapports trimestriels d'exécution du budget.");
        await form.Locator("[name=delivery]").SelectOptionAsync("email");
        await form.Locator("[name='requester.fullName']").FillAsync("Amina Alaoui");
        await form.Locator("[name='requester.identityNumber']").FillAsync("AB123456");
        await form.Locator("[name='requester.email']").FillAsync("amina@example.ma");
        await form.Locator("[name=consent]").CheckAsync();
        var filed = await _page.RunAndWaitForResponseAsync(() => form.Locator("button[type=submit]").ClickAsync(),
            response => response.Url.EndsWith("/api/requests", StringComparison.Ordinal));

        Assert.Equal(201, filed.Status);
        var receipt = JsonSerializer.Deserialize<FiledReceipt>(await filed.TextAsync(), JsonSerializerOptions.Web)!;
        var shown = _page.Locator("#receipt");
        await Assertions.Expect(shown).ToBeVisibleAsync();
        await Assertions.Expect(shown.Locator("[data-receipt=trackingNumber]")).ToHaveTextAsync(TrackingNumber());
        await Assertions.Expect(shown.Locator("[data-receipt=trackingNumber]")).ToHaveTextAsync(receipt.TrackingNumber);
        await Assertions.Expect(shown.Locator("[data-receipt=accessCode]")).ToHaveTextAsync(receipt.AccessCode);
        // Friday 23 October 2026 + 20 working days (Law 31.13), skipping 6 November (Green March) and 18 November (Independence Day)
        await Assertions.Expect(shown.Locator("[data-receipt=dueDate]")).ToHaveTextAsync("24 novembre 2026");
        Assert.Equal((1L, 1L), await _app.StoredAsync());

        await _page.ClickAsync("#follow-this");
        var followed = _page.Locator("#case");
        await Assertions.Expect(followed.Locator("[data-case=status]")).ToHaveTextAsync("reçue, en attente d'attribution");
        await Assertions.Expect(followed.Locator(".timeline li").First).ToContainTextAsync("Reçue sur le portail le");

        // routing assigns, the officer accepts and refuses on a legal ground: the citizen may contest it
        foreach (var move in Refused(receipt))
            await _app.DeliverAsync(move);
        await _page.ClickAsync("#follow-form button[type=submit]");
        await Assertions.Expect(followed.Locator("[data-case=status]")).ToHaveTextAsync("répondue");
        await Assertions.Expect(followed.Locator("[data-case=recourseLastDay]")).ToHaveTextAsync("23 décembre 2026");

        var recourse = followed.Locator("form.action[data-action=recourse]");
        await recourse.Locator("textarea").FillAsync("Le budget agrégé ne contient aucune donnée personnelle.");
        await recourse.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(followed.Locator(".sent")).ToContainTextAsync("transmise à l'organisme");
        var step = (await _app.ViewAsync(receipt)).Step("citizen-action");
        Assert.Equal(("file-recourse", "pending"), (step.Text("action"), step.Text("state")));
    }

    [Fact]
    public async Task Files_a_complaint_under_a_theme_of_the_closed_list_named_in_the_pages_language()
    {
        await _page.ClickAsync("nav button[data-show=complaint]");
        var form = _page.Locator("#complaint-form");
        var theme = form.Locator("[name=theme]");
        await Assertions.Expect(theme.Locator("option[value=roads]")).ToHaveTextAsync("Voirie");
        await _page.ClickAsync("#language");
        await Assertions.Expect(theme.Locator("option[value=roads]")).ToHaveTextAsync("الطرق");

        await form.Locator("[name=bodyCode]").SelectOptionAsync("MEF");
        await form.Locator("[name=subject]").FillAsync("Éclairage public");
        await form.Locator("[name=description]").FillAsync("Les lampadaires de ma rue sont éteints depuis trois mois.");
        await theme.SelectOptionAsync("roads");
        await form.Locator("[name='requester.fullName']").FillAsync("Amina Alaoui");
        await form.Locator("[name='requester.identityNumber']").FillAsync("AB123456");
        await form.Locator("[name='requester.email']").FillAsync("amina@example.ma");
        await form.Locator("[name=consent]").CheckAsync();
        var filed = await _page.RunAndWaitForResponseAsync(() => form.Locator("button[type=submit]").ClickAsync(),
            response => response.Url.EndsWith("/api/complaints", StringComparison.Ordinal));

        Assert.Equal(201, filed.Status);
        Assert.Equal("roads", Assert.Single(await _app.QueryAsync("SELECT theme FROM cases"))["theme"]);
    }

    [Fact]
    public async Task Sends_a_filing_whose_answer_was_lost_again_with_its_key_and_is_filed_once()
    {
        var keys = new List<string?>();
        await _page.RouteAsync("**/api/requests", async route =>
        {
            keys.Add(await route.Request.HeaderValueAsync("idempotency-key"));
            if (keys.Count > 1)
            {
                await route.ContinueAsync();
                return;
            }
            await route.FetchAsync(); // stored, but the answer never reaches the page
            await route.AbortAsync("connectionreset");
        });
        var form = _page.Locator("#request-form");
        await form.Locator("[name=bodyCode]").SelectOptionAsync("MEF");
        await form.Locator("[name=subject]").FillAsync("Exécution du budget 2025");
        await form.Locator("[name=description]").FillAsync("Les rapports trimestriels d'exécution du budget.");
        await form.Locator("[name='requester.fullName']").FillAsync("Amina Alaoui");
        await form.Locator("[name='requester.identityNumber']").FillAsync("AB123456");
        await form.Locator("[name='requester.email']").FillAsync("amina@example.ma");
        await form.Locator("[name=consent]").CheckAsync();

        await form.Locator("button[type=submit]").ClickAsync();

        await Assertions.Expect(_page.Locator("#receipt [data-receipt=trackingNumber]")).ToHaveTextAsync(TrackingNumber());
        Assert.Equal(2, keys.Count);
        Assert.Matches("^[0-9a-f]{32}$", keys[0]);
        Assert.Equal(keys[0], keys[1]);
        Assert.Equal((1L, 1L), await _app.StoredAsync());
    }

    [Fact]
    public async Task Shows_each_invalid_field_next_to_it_and_stores_nothing()
    {
        var form = _page.Locator("#request-form");
        await form.Locator("[name=subject]").FillAsync("Exécution du budget 2025");
        await form.Locator("[name='requester.email']").FillAsync("not-an-address");
        var filed = await _page.RunAndWaitForResponseAsync(() => form.Locator("button[type=submit]").ClickAsync(),
            response => response.Url.EndsWith("/api/requests", StringComparison.Ordinal));

        Assert.Equal(422, filed.Status);
        foreach (var field in new[] { "bodyCode", "description", "requester.fullName", "requester.identityNumber", "requester.email", "consent" })
            await Assertions.Expect(form.Locator($".error[data-error-for='{field}']")).ToBeVisibleAsync();
        await Assertions.Expect(form.Locator(".error[data-error-for=subject]")).ToHaveCountAsync(0);
        await Assertions.Expect(form.Locator(".error[data-error-for='requester.email']")).ToHaveTextAsync("Adresse électronique invalide.");
        await Assertions.Expect(form.Locator("[name='requester.email']")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(_page.Locator("#receipt")).ToBeHiddenAsync();
        Assert.Equal((0L, 0L), await _app.StoredAsync());
    }

    [Fact]
    public async Task Opens_on_the_case_of_the_e_mails_link_and_tells_nothing_of_it_for_a_wrong_access_code()
    {
        var receipt = await _app.FileAsync();
        // the link every e-mail gives: the page opens on the case, the access code left to type
        await _page.GotoAsync($"/cases/{receipt.TrackingNumber}");
        var form = _page.Locator("#follow-form");
        await Assertions.Expect(form.Locator("[name=trackingNumber]")).ToHaveValueAsync(receipt.TrackingNumber);
        await form.Locator("[name=accessCode]").FillAsync("AAAAA-AAAAA");
        await form.Locator("button[type=submit]").ClickAsync();

        await Assertions.Expect(form.Locator(".form-error")).ToHaveTextAsync("Aucun dossier ne correspond à ce numéro et à ce code d'accès.");
        await Assertions.Expect(_page.Locator("#case")).ToBeHiddenAsync();
    }

    [GeneratedRegex(@"^DAI-2026-\d{6}$")]
    private static partial Regex TrackingNumber();
}
