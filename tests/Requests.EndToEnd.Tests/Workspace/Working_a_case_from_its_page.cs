using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Requests.EndToEnd.Tests.Workspace;

/// <summary>An officer works a case from its page: each move from its form, a banner after it, the audit trail growing,
/// the law's refusals beside their fields, and another body's case not there at all.</summary>
[Collection(SharedWorkspace.Name)]
public sealed class Working_a_case_from_its_page(StaffWorkspace system)
{
    private const string Officer = "youssef.benali";
    private static readonly SemaphoreSlim Once = new(1, 1);
    private static string? s_password;

    [Fact]
    public async Task An_officer_accepts_extends_and_refuses_an_Arabic_request_and_the_citizen_sees_each_step()
    {
        var receipt = await system.FileRequestAsync("MEF", "تقارير تنفيذ الميزانية 2025", "ar");
        await system.WaitUntilAssignedAsync(receipt.CaseId);
        var page = await SignedInAsync();

        await page.Locator("table tbody tr", new() { HasText = receipt.TrackingNumber }).GetByRole(AriaRole.Link).First.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/cases/{receipt.CaseId}$"));
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync(receipt.TrackingNumber);
        await Assertions.Expect(page.Locator(".summary")).ToContainTextAsync("Amina Alaoui");
        var timeline = page.Locator(".timeline > li");
        var steps = await timeline.CountAsync();
        Assert.True(steps >= 1);

        await MoveAsync(page, "accept");
        await Assertions.Expect(page.Locator(".banner[role=status]")).ToContainTextAsync("Le dossier est pris en charge");
        await Assertions.Expect(page.Locator(".identity [data-status]")).ToHaveTextAsync("En cours");
        await Assertions.Expect(timeline).ToHaveCountAsync(++steps);
        await Assertions.Expect(timeline.First).ToContainTextAsync("Prise en charge");
        await StaffWorkspace.CheckAsync(page, "case", "fr");
        await StaffWorkspace.SwitchLanguageAsync(page, "ar");
        await Assertions.Expect(page.Locator(".identity [data-status]")).ToHaveTextAsync("قيد المعالجة");
        await StaffWorkspace.CheckAsync(page, "case", "ar");
        await StaffWorkspace.SwitchLanguageAsync(page, "fr");

        var extend = await OpenAsync(page, "extend");
        await extend.GetByLabel("Raisons de la prolongation").FillAsync("Les rapports sont à rassembler auprès de trois directions.");
        await extend.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator(".banner[role=status]")).ToContainTextAsync("Le délai est prolongé");
        await Assertions.Expect(page.Locator(".identity [data-status]")).ToHaveTextAsync("Prolongé");
        await Assertions.Expect(timeline).ToHaveCountAsync(++steps);
        await Assertions.Expect(timeline.First).ToContainTextAsync("Prolongation du délai");
        await Assertions.Expect(timeline.First).ToContainTextAsync("Échéance :");

        var answer = await OpenAsync(page, "answer");
        await answer.GetByLabel("Refusée").CheckAsync();
        await answer.GetByLabel("Motif légal du refus").SelectOptionAsync("private-life");
        await answer.GetByLabel("Texte de la réponse").FillAsync("Les rapports demandés contiennent des données personnelles d'agents.");
        await answer.Locator("button[type=submit]").ClickAsync();
        // not confirmed: nothing done, and the box says why
        await Assertions.Expect(page.Locator(".error-summary")).ToContainTextAsync("Cochez la case pour confirmer");
        await Assertions.Expect(page.Locator("#answer-confirm-error")).ToBeVisibleAsync();
        await Assertions.Expect(timeline).ToHaveCountAsync(steps);
        answer = page.Locator("details[data-move=answer] form");
        await Assertions.Expect(answer.GetByLabel("Texte de la réponse")).ToHaveValueAsync("Les rapports demandés contiennent des données personnelles d'agents.");
        await answer.Locator("#answer-confirm").CheckAsync();
        await answer.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator(".banner[role=status]")).ToContainTextAsync("Il peut former un recours");
        await Assertions.Expect(page.Locator(".identity [data-status]")).ToHaveTextAsync("Répondu");
        await Assertions.Expect(timeline).ToHaveCountAsync(++steps);
        await Assertions.Expect(page.Locator(".summary")).ToContainTextAsync("Vie privée et données à caractère personnel");
        await Assertions.Expect(page.Locator("details.move")).ToHaveCountAsync(0);

        await StaffWorkspace.SwitchLanguageAsync(page, "ar");
        await Assertions.Expect(page.Locator(".summary")).ToContainTextAsync("الحياة الخاصة للأفراد والمعطيات ذات الطابع الشخصي");
        await Assertions.Expect(timeline.First).ToContainTextAsync("الرد");
        await StaffWorkspace.SwitchLanguageAsync(page, "fr");

        // the citizen, whose browser speaks Arabic, follows the same case at intake with the receipt's access code
        var citizen = await system.NewPageAsync("ar-MA");
        await citizen.GotoAsync(new Uri(system.Intake.Address, $"/cases/{receipt.TrackingNumber}").ToString());
        var follow = citizen.Locator("#follow-form");
        await follow.Locator("[name=accessCode]").FillAsync(receipt.AccessCode);
        var entries = citizen.Locator("#case .timeline li");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        do
        {
            await follow.Locator("button[type=submit]").ClickAsync();
            await Assertions.Expect(citizen.Locator("#case")).ToBeVisibleAsync();
            if (await entries.CountAsync() >= 4 && await citizen.Locator("[data-case=recourseLastDay]").TextContentAsync() is { Length: > 0 })
                break;
            await Task.Delay(300);
        }
        while (DateTime.UtcNow < deadline);
        Assert.True(await entries.CountAsync() >= 4, "received, assigned, accepted, extended and answered at intake");
        await Assertions.Expect(citizen.Locator("[data-case=recourseLastDay]")).Not.ToBeEmptyAsync();
        await Assertions.Expect(citizen.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await Assertions.Expect(citizen.Locator("[data-case=status]")).ToHaveTextAsync("تم الرد");
        await Assertions.Expect(entries.Filter(new() { HasText = "مددت الهيئة أجل الرد" })).ToHaveCountAsync(1);
        await Assertions.Expect(entries.Filter(new() { HasText = "الحياة الخاصة للأفراد" })).ToHaveCountAsync(1);
        using var intake = new HttpClient { BaseAddress = system.Intake.Address };
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/cases/{receipt.TrackingNumber}");
        request.Headers.Add("X-Access-Code", receipt.AccessCode);
        using var response = await intake.SendAsync(request);
        var seen = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("answered", seen.GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_law_s_refusals_are_shown_beside_their_fields()
    {
        var receipt = await system.FileRequestAsync("MEF", "Marchés publics de 2025");
        await system.WaitUntilAssignedAsync(receipt.CaseId);
        var page = await SignedInAsync();
        await page.GotoAsync($"/cases/{receipt.CaseId}");
        await MoveAsync(page, "accept");

        var extend = await OpenAsync(page, "extend");
        await extend.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary a[href='#extend-reasons']"))
            .ToHaveTextAsync("Indiquez les raisons : elles sont communiquées au demandeur.");
        await Assertions.Expect(page.Locator(".field.invalid #extend-reasons")).ToHaveAttributeAsync("aria-describedby", new Regex("extend-reasons-error"));
        await Assertions.Expect(page.Locator("#extend-reasons-error")).ToHaveTextAsync("Indiquez les raisons : elles sont communiquées au demandeur.");

        var answer = await OpenAsync(page, "answer");
        await answer.GetByLabel("Refusée").CheckAsync();
        await answer.GetByLabel("Texte de la réponse").FillAsync("Refus.");
        await answer.Locator("#answer-confirm").CheckAsync();
        await answer.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#answer-refusalGround-error")).ToHaveTextAsync("Un refus, total ou partiel, doit citer son motif légal (loi 31.13).");
        await Assertions.Expect(page.Locator(".error-summary a[href='#answer-refusalGround']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".identity [data-status]")).ToHaveTextAsync("En cours");
        await OpenAllAsync(page);
        await StaffWorkspace.CheckAsync(page, "case-errors", "fr");

        // the same refusal in Arabic, after the switch has reloaded the case
        await StaffWorkspace.SwitchLanguageAsync(page, "ar");
        answer = await OpenAsync(page, "answer");
        await answer.Locator("#answer-outcome-refused").CheckAsync();
        await answer.Locator("#answer-text").FillAsync("رفض.");
        await answer.Locator("#answer-confirm").CheckAsync();
        await answer.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#answer-refusalGround-error")).ToHaveTextAsync("يجب أن يستند الرفض، الكلي أو الجزئي، إلى سبب قانوني (القانون 31.13).");
        await OpenAllAsync(page);
        await StaffWorkspace.CheckAsync(page, "case-errors", "ar");
        await StaffWorkspace.SwitchLanguageAsync(page, "fr");
    }

    [Fact]
    public async Task A_clarification_answer_received_on_paper_takes_the_day_it_came_never_a_day_to_come()
    {
        var receipt = await system.FileRequestAsync("MEF", "Subventions aux associations 2025");
        await system.WaitUntilAssignedAsync(receipt.CaseId);
        var page = await SignedInAsync();
        await page.GotoAsync($"/cases/{receipt.CaseId}");
        await MoveAsync(page, "accept");
        var ask = await OpenAsync(page, "ask-clarification");
        await ask.Locator("#ask-clarification-question").FillAsync("Quelle région ?");
        await ask.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("details[data-move=receive-clarification]")).ToHaveCountAsync(1);

        var received = await OpenAsync(page, "receive-clarification");
        var day = received.Locator("#receive-clarification-receivedOn");
        var today = await day.InputValueAsync(); // today by default
        await Assertions.Expect(day).ToHaveAttributeAsync("max", today);
        await received.Locator("#receive-clarification-answer").FillAsync("La région de l'Oriental.");
        await day.FillAsync(DateOnly.ParseExact(today, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture).AddDays(1)
            .ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await received.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#receive-clarification-receivedOn-error")).ToHaveTextAsync("La date de réception ne peut pas être dans le futur.");
        await Assertions.Expect(page.Locator(".identity [data-status]")).Not.ToHaveTextAsync("En cours");

        received = await OpenAsync(page, "receive-clarification");
        await received.Locator("#receive-clarification-answer").FillAsync("La région de l'Oriental.");
        await received.Locator("#receive-clarification-receivedOn").FillAsync(today);
        await received.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator(".identity [data-status]")).ToHaveTextAsync("En cours");
    }

    [Fact]
    public async Task Another_body_s_case_is_not_found_and_not_in_the_queue()
    {
        var theirs = await system.FileRequestAsync("MSPS", "Liste des centres de santé");
        await system.WaitUntilAssignedAsync(theirs.CaseId);
        var page = await SignedInAsync();

        await Assertions.Expect(page.Locator("table")).Not.ToContainTextAsync(theirs.TrackingNumber);
        var response = await page.GotoAsync($"/cases/{theirs.CaseId}");
        Assert.Equal(404, response!.Status);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Page introuvable");
        await StaffWorkspace.SwitchLanguageAsync(page, "ar");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("الصفحة غير موجودة");
        await StaffWorkspace.SwitchLanguageAsync(page, "fr");
    }

    /// <summary>MEF's officer, signed in on a fresh page of the queue; the account is made once for the collection.</summary>
    private async Task<IPage> SignedInAsync()
    {
        await Once.WaitAsync();
        try
        {
            s_password ??= await system.CreateAccountAsync(Officer, "officer", "MEF-O1");
        }
        finally
        {
            Once.Release();
        }
        var page = await system.NewPageAsync();
        await StaffWorkspace.SignInAsync(page, Officer, s_password);
        return page;
    }

    private static async Task<ILocator> OpenAsync(IPage page, string move)
    {
        var details = page.Locator($"details[data-move={move}]");
        if (await details.GetAttributeAsync("open") is null)
            await details.Locator("summary").ClickAsync();
        return details.Locator("form");
    }

    private static async Task OpenAllAsync(IPage page)
    {
        foreach (var details in await page.Locator("details.move").AllAsync())
            if (await details.GetAttributeAsync("open") is null)
                await details.Locator("summary").ClickAsync();
    }

    private static async Task MoveAsync(IPage page, string move) =>
        await (await OpenAsync(page, move)).Locator("button[type=submit]").ClickAsync();
}
