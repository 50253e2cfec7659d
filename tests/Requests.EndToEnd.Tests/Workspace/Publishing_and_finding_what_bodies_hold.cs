using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using Requests.EndToEnd.Tests.Infrastructure;

namespace Requests.EndToEnd.Tests.Workspace;

/// <summary>
/// What bodies publish, from the officer's pages to a visitor's search: a register entry with its PDF, found in Arabic
/// under another spelling and in French without accents, gone once withdrawn; an answer the requester allowed to publish,
/// redacted by the officer, found the same ways and suggested to the next citizen who types a like subject, with nothing
/// of the requester anywhere in the public API; a complaint's answer that cannot be published.
/// </summary>
[Collection(SharedWorkspace.Name)]
public sealed class Publishing_and_finding_what_bodies_hold(StaffWorkspace system)
{
    private const string Requester = "Khadija Bennis";
    private const string IdentityNumber = "CD654321";
    private const string Email = "khadija.bennis@example.ma";
    private const string Phone = "0612345678";
    private const string Street = "rue des Orangers";

    [Fact]
    public async Task An_officer_publishes_a_register_entry_with_a_PDF_that_visitors_find_in_Arabic_and_French_until_it_is_withdrawn()
    {
        var page = await OfficerAsync("COM-KENITRA", "Commune de Kénitra", "جماعة القنيطرة", "ilyas.benkirane.kenitra");
        await page.Locator("header nav a[href='/bodies/COM-KENITRA/register']").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Registre des informations publiées");

        // nothing chosen: each refusal beside its field and in the summary, nothing published
        var add = page.Locator("form:has(#add-category)");
        await add.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#add-category-error")).ToHaveTextAsync("Choisissez une catégorie.");
        await Assertions.Expect(page.Locator(".error-summary a[href='#add-titleFr']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#add-file-error")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".register-entry")).ToHaveCountAsync(0);

        var pdf = Pdf("Budget 2026");
        await add.Locator("#add-category").SelectOptionAsync("budget");
        await add.Locator("#add-titleFr").FillAsync("Exécution du budget général de la commune");
        await add.Locator("#add-titleAr").FillAsync("تنفيذ الميزانية السنوية للجماعة");
        await add.Locator("#add-summaryFr").FillAsync("Les recettes et les dépenses de l'année, par chapitre.");
        await add.Locator("#add-summaryAr").FillAsync("المداخيل والنفقات السنوية حسب الأبواب.");
        await add.Locator("#add-file").SetInputFilesAsync(new FilePayload { Name = "budget-2026.pdf", MimeType = "application/pdf", Buffer = pdf });
        await add.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator(".banner[role=status]")).ToHaveTextAsync("L'information est publiée.");
        var entry = page.Locator(".register-entry");
        await Assertions.Expect(entry).ToHaveCountAsync(1);
        await Assertions.Expect(entry).ToContainTextAsync("budget-2026.pdf");
        await Assertions.Expect(entry).ToContainTextAsync("Budget et finances");
        await StaffWorkspace.CheckAsync(page, "register", "fr");
        await StaffWorkspace.SwitchLanguageAsync(page, "ar");
        await Assertions.Expect(entry.Locator("h3")).ToContainTextAsync("تنفيذ الميزانية السنوية للجماعة");
        await StaffWorkspace.CheckAsync(page, "register", "ar");
        await StaffWorkspace.SwitchLanguageAsync(page, "fr");

        // a visitor writes ة as ه and leaves out the article: the entry is found, in Arabic
        var visitor = await system.NewPageAsync("ar-MA");
        await visitor.GotoAsync(Public("/publication.html?q=" + Uri.EscapeDataString("ميزانيه")));
        var result = visitor.Locator("ol.results li");
        await Assertions.Expect(result).ToHaveCountAsync(1);
        await Assertions.Expect(result.Locator("h3 a")).ToHaveTextAsync("تنفيذ الميزانية السنوية للجماعة");
        await Assertions.Expect(result).ToContainTextAsync("جماعة القنيطرة");
        await StaffWorkspace.CheckAsync(visitor, "public-search", "ar");
        await visitor.Locator("#language").ClickAsync();
        await Assertions.Expect(result.Locator("h3 a")).ToHaveTextAsync("Exécution du budget général de la commune");
        await StaffWorkspace.CheckAsync(visitor, "public-search", "fr");

        // in French without accents, then the entry's own page and its PDF, an attachment
        await visitor.Locator("#search-form [name=q]").FillAsync("execution budget general");
        await visitor.Locator("#search-form button[type=submit]").ClickAsync();
        await Assertions.Expect(result).ToHaveCountAsync(1);
        await result.Locator("h3 a").ClickAsync();
        await Assertions.Expect(visitor.Locator("#item-title")).ToHaveTextAsync("Exécution du budget général de la commune");
        var file = visitor.Locator("#item ul.files a");
        await Assertions.Expect(file).ToHaveTextAsync("budget-2026.pdf");
        var download = await visitor.RunAndWaitForDownloadAsync(() => file.ClickAsync());
        Assert.Equal(pdf, await File.ReadAllBytesAsync((await download.PathAsync())!));
        var served = await visitor.APIRequest.GetAsync(Public((await file.GetAttributeAsync("href"))!));
        Assert.StartsWith("attachment", served.Headers["content-disposition"], StringComparison.Ordinal);
        Assert.Equal("nosniff", served.Headers["x-content-type-options"]);

        // the body's page: its register and its officer's contact
        await visitor.Locator("#item dl.about a").ClickAsync();
        await Assertions.Expect(visitor.Locator("#body-title")).ToHaveTextAsync("Commune de Kénitra");
        await Assertions.Expect(visitor.Locator("#body ul.register")).ToContainTextAsync("Exécution du budget général de la commune");
        await Assertions.Expect(visitor.Locator("#body ul.officers")).ToContainTextAsync("ilyas.benkirane.kenitra@example.ma");
        await StaffWorkspace.CheckAsync(visitor, "public-body", "fr");
        await visitor.Locator("#language").ClickAsync();
        await Assertions.Expect(visitor.Locator("#body-title")).ToHaveTextAsync("جماعة القنيطرة");
        await StaffWorkspace.CheckAsync(visitor, "public-body", "ar");

        // replaced: a second version in the history; withdrawn with its reason: gone from the search, kept for staff
        await page.Locator("details[data-form=replace] summary").ClickAsync();
        var replace = page.Locator("details[data-form=replace] form");
        await replace.Locator("[name=titleFr]").FillAsync("Exécution du budget général de la commune (révisée)");
        await replace.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator(".banner[role=status]")).ToContainTextAsync("une nouvelle version est publiée");
        await Assertions.Expect(entry.Locator("table.history tbody tr")).ToHaveCountAsync(2);
        await page.Locator("details[data-form=withdraw] summary").ClickAsync();
        var withdraw = page.Locator("details[data-form=withdraw] form");
        await withdraw.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator(".field-error[id$='-reason-error']")).ToHaveTextAsync("Indiquez le motif du retrait.");
        await page.Locator("details[data-form=withdraw] form textarea").FillAsync("Remplacée par le budget rectificatif.");
        await page.Locator("details[data-form=withdraw] form button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator(".banner[role=status]")).ToContainTextAsync("L'information est retirée");
        await Assertions.Expect(entry.Locator(".badge")).ToHaveTextAsync("Retirée");
        await Assertions.Expect(entry).ToContainTextAsync("Remplacée par le budget rectificatif.");

        await visitor.GotoAsync(Public("/publication.html?q=" + Uri.EscapeDataString("ميزانيه")));
        await Assertions.Expect(visitor.Locator("#count")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("لا يوجد أي منشور مطابق"));
        await Assertions.Expect(result).ToHaveCountAsync(0);
        using var open = new HttpClient { BaseAddress = system.Intake.Address };
        var search = await open.GetFromJsonAsync<JsonElement>("/api/public/search?body=COM-KENITRA");
        Assert.Equal(0, search.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task An_officer_publishes_a_redacted_answer_found_by_visitors_and_suggested_to_the_next_citizen_with_nothing_of_the_requester()
    {
        var page = await OfficerAsync("COM-TETOUAN", "Commune de Tétouan", "جماعة تطوان", "zineb.elouazzani.tetouan");
        using var open = new HttpClient { BaseAddress = system.Intake.Address };

        // the citizen allows publication at filing; a complaint cannot be published, said at once
        var refused = await open.PostAsJsonAsync("/api/complaints", Complaint(publishable: true));
        Assert.Equal(422, (int)refused.StatusCode);
        Assert.Contains("publishable", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var filed = await open.PostAsJsonAsync("/api/requests", new
        {
            bodyCode = "COM-TETOUAN", subject = "Marchés de nettoyage de la médina",
            description = $"Je souhaite les marchés de nettoyage de la médina passés en 2025. {Requester}, {Street}, tél. {Phone}.",
            delivery = "email", urgent = false, language = "fr", consent = true, publishable = true,
            requester = new { fullName = Requester, identityNumber = IdentityNumber, email = Email, phone = Phone, address = $"12 {Street}, Tétouan" },
        });
        Assert.Equal(201, (int)filed.StatusCode);
        var receipt = (await filed.Content.ReadFromJsonAsync<Receipt>(JsonSerializerOptions.Web))!;
        await system.WaitUntilAssignedAsync(receipt.CaseId);

        // answered through the workspace with a PDF
        await page.GotoAsync($"/cases/{receipt.CaseId}");
        await Assertions.Expect(page.Locator("#publication")).ToHaveCountAsync(0);
        await (await OpenAsync(page, "accept")).Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator(".identity [data-status]")).ToHaveTextAsync("En cours");
        var answer = await OpenAsync(page, "answer");
        await answer.Locator("#answer-outcome").CheckAsync();
        await answer.Locator("#answer-text").FillAsync(
            $"Madame {Requester}, les marchés de nettoyage de la médina pour 2025 sont joints. صفقات النظافة في المدينة العتيقة مرفقة.");
        await answer.Locator("#answer-files").SetInputFilesAsync(new FilePayload { Name = "marches-nettoyage-2025.pdf", MimeType = "application/pdf", Buffer = Pdf("Marches 2025") });
        await answer.Locator("#answer-confirm").CheckAsync();
        await answer.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator(".banner[role=status]")).ToContainTextAsync("La réponse est enregistrée");

        // the section comes once intake has the answer (by message), prefilled for the officer to redact
        using var officer = await Steps.SignInAsync(system.Routing, "zineb.elouazzani.tetouan", s_passwords["COM-TETOUAN"]);
        using var atIntake = new HttpClient { BaseAddress = system.Intake.Address };
        atIntake.DefaultRequestHeaders.Authorization = officer.DefaultRequestHeaders.Authorization;
        await Steps.EventuallyAsync(() => atIntake.GetStringAsync($"/api/cases/{receipt.TrackingNumber}/publication"),
            state => state.Contains("\"publishableNow\":true", StringComparison.Ordinal) && state.Contains("marches-nettoyage-2025.pdf", StringComparison.Ordinal),
            system.Intake);
        var section = page.Locator("#publication");
        await EventuallyOnPageAsync(page, section.Locator("#publish-documents"));
        await Assertions.Expect(section.Locator("#publish-subject")).ToHaveValueAsync("Marchés de nettoyage de la médina");
        await Assertions.Expect(section.Locator("#publish-question")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(Requester));
        await Assertions.Expect(section.Locator("label[for=publish-documents]")).ToHaveTextAsync("marches-nettoyage-2025.pdf");
        await StaffWorkspace.CheckAsync(page, "case-publish", "fr");
        await StaffWorkspace.SwitchLanguageAsync(page, "ar");
        await Assertions.Expect(section.Locator("h2")).ToHaveTextAsync("نشر الجواب");
        await StaffWorkspace.CheckAsync(page, "case-publish", "ar");
        await StaffWorkspace.SwitchLanguageAsync(page, "fr");

        // the redaction not confirmed, then the requester's name left in the texts: refused beside the fields
        await section.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#publish-redactionConfirmed-error")).ToBeVisibleAsync();
        await section.Locator("#publish-redactionConfirmed").CheckAsync();
        await section.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#publish-question-error")).ToContainTextAsync("données personnelles du demandeur");
        await Assertions.Expect(page.Locator("#publish-answer-error")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".error-summary a[href='#publish-question']")).ToBeVisibleAsync();
        await Assertions.Expect(section.Locator(".field.invalid #publish-question")).ToHaveAttributeAsync("aria-describedby", "publish-question-error");

        await section.Locator("#publish-question").FillAsync("Je souhaite les marchés de nettoyage de la médina passés en 2025.");
        await section.Locator("#publish-answer").FillAsync(
            "Les marchés de nettoyage de la médina pour 2025 sont joints. صفقات النظافة في المدينة العتيقة مرفقة.");
        await section.Locator("#publish-documents").CheckAsync();
        await section.Locator("#publish-redactionConfirmed").CheckAsync();
        await section.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator(".banner[role=status]")).ToContainTextAsync("La réponse est publiée");
        var publicLink = section.GetByRole(AriaRole.Link, new() { Name = "Voir la page publique de la réponse" });
        var address = new Uri((await publicLink.GetAttributeAsync("href"))!);
        Assert.Equal(system.Intake.Address.Authority, address.Authority);

        // found in Arabic without the article and with ه for ة, and in French without accents
        var visitor = await system.NewPageAsync("fr-MA");
        foreach (var words in new[] { "نظافه", "marches nettoyage medina" })
        {
            await visitor.GotoAsync(Public("/publication.html?kind=answer&q=" + Uri.EscapeDataString(words)));
            await Assertions.Expect(visitor.Locator("ol.results li h3 a")).ToHaveTextAsync(["Marchés de nettoyage de la médina"]);
        }
        await visitor.GotoAsync(address.ToString());
        await Assertions.Expect(visitor.Locator("#item-title")).ToHaveTextAsync("Marchés de nettoyage de la médina");
        await Assertions.Expect(visitor.Locator("#item")).ToContainTextAsync("Information communiquée");
        await Assertions.Expect(visitor.Locator("#item ul.files a")).ToHaveTextAsync("marches-nettoyage-2025.pdf");

        // the body's page shows its figures as reporting computes them, once reporting has the answer
        using var reporting = new HttpClient { BaseAddress = system.Reporting.Address };
        var figures = await Steps.EventuallyAsync(() => reporting.GetFromJsonAsync<JsonElement>("/api/public/bodies/COM-TETOUAN/figures"),
            f => f.GetProperty("figures").EnumerateArray().Any(y => y.GetProperty("answered").GetInt64() > 0), system.Reporting);
        await visitor.GotoAsync(Public("/publication.html?show=body&code=COM-TETOUAN"));
        var rows = visitor.Locator("#body table.figures tbody tr");
        var years = figures.GetProperty("figures").EnumerateArray().OrderByDescending(y => y.GetProperty("year").GetInt32()).ToList();
        await Assertions.Expect(rows).ToHaveCountAsync(years.Count);
        for (var i = 0; i < years.Count; i++)
            await Assertions.Expect(rows.Nth(i).Locator("th, td")).ToHaveTextAsync([.. FiguresRow(years[i])]);

        // the next citizen typing a like subject is offered the published answer
        var citizen = await system.NewPageAsync("fr-MA");
        await citizen.SetViewportSizeAsync(390, 844);
        await citizen.GotoAsync(system.Intake.Address.ToString());
        var form = citizen.Locator("#request-form");
        await Assertions.Expect(form.Locator("[name=publishable]")).Not.ToBeCheckedAsync();
        await Assertions.Expect(citizen.Locator("#complaint-form [name=publishable]")).ToHaveCountAsync(0);
        await form.Locator("[name=subject]").PressSequentiallyAsync("nettoyage medina", new() { Delay = 30 });
        var suggestion = citizen.Locator("#suggestions[aria-live=polite] a");
        await Assertions.Expect(suggestion).ToHaveTextAsync(["Marchés de nettoyage de la médina"]);
        Assert.Equal(address.PathAndQuery, await suggestion.GetAttributeAsync("href"));
        await StaffWorkspace.CheckAsync(citizen, "citizen-suggestions", "fr");
        await citizen.Locator("#language").ClickAsync();
        await Assertions.Expect(citizen.Locator("#suggestions")).ToContainTextAsync("جماعة تطوان");
        await StaffWorkspace.CheckAsync(citizen, "citizen-suggestions", "ar");

        // nothing of the requester in anything the public API gives for the body
        var outputs = new List<string>
        {
            await open.GetStringAsync("/api/public/search?body=COM-TETOUAN&pageSize=100"),
            await open.GetStringAsync("/api/public/search.csv?body=COM-TETOUAN"),
            await open.GetStringAsync("/api/public/bodies/COM-TETOUAN"),
            await open.GetStringAsync("/api/public/suggest?q=" + Uri.EscapeDataString("nettoyage médina") + "&body=COM-TETOUAN"),
        };
        var listed = JsonDocument.Parse(outputs[0]).RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(listed);
        foreach (var item in listed)
        {
            var detail = await open.GetStringAsync($"/api/public/items/{item.GetProperty("kind").GetString()}/{item.GetProperty("id").GetString()}");
            outputs.Add(detail);
            foreach (var published in JsonDocument.Parse(detail).RootElement.GetProperty("files").EnumerateArray())
                outputs.Add(Encoding.UTF8.GetString(await open.GetByteArrayAsync($"/api/public/files/{published.GetProperty("id").GetString()}")));
        }
        foreach (var output in outputs)
            foreach (var secret in new[] { "Khadija", "Bennis", IdentityNumber, Email, Phone, "Orangers", "612345678" })
                Assert.DoesNotContain(secret, output, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_complaint_s_answer_cannot_be_published_from_its_page_or_through_the_API()
    {
        var page = await OfficerAsync("COM-TETOUAN", "Commune de Tétouan", "جماعة تطوان", "zineb.elouazzani.tetouan");
        using var open = new HttpClient { BaseAddress = system.Intake.Address };
        var filed = await open.PostAsJsonAsync("/api/complaints", Complaint(publishable: false));
        Assert.Equal(201, (int)filed.StatusCode);
        var receipt = (await filed.Content.ReadFromJsonAsync<Receipt>(JsonSerializerOptions.Web))!;
        await system.WaitUntilAssignedAsync(receipt.CaseId);

        await page.GotoAsync($"/cases/{receipt.CaseId}");
        await (await OpenAsync(page, "accept")).Locator("button[type=submit]").ClickAsync();
        var answer = await OpenAsync(page, "answer");
        await answer.Locator("#answer-outcome").CheckAsync();
        await answer.Locator("#answer-text").FillAsync("Les bacs de la place ont été vidés et seront vidés chaque jour.");
        await answer.Locator("#answer-confirm").CheckAsync();
        await answer.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator(".banner[role=status]")).ToContainTextAsync("La réponse est enregistrée");
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#publication")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByText("Publier la réponse")).ToHaveCountAsync(0);

        using var officer = await Steps.SignInAsync(system.Routing, "zineb.elouazzani.tetouan", s_passwords["COM-TETOUAN"]);
        using var atIntake = new HttpClient { BaseAddress = system.Intake.Address };
        atIntake.DefaultRequestHeaders.Authorization = officer.DefaultRequestHeaders.Authorization;
        var publish = await atIntake.PostAsJsonAsync($"/api/cases/{receipt.TrackingNumber}/publication", new
        {
            subject = "Poubelles", question = "Les poubelles.", answer = "Vidées.", documents = Array.Empty<Guid>(), redactionConfirmed = true,
        });
        Assert.True(publish.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.UnprocessableEntity, $"{(int)publish.StatusCode}");
        Assert.Contains("regime", await publish.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var found = await open.GetFromJsonAsync<JsonElement>("/api/public/search?body=COM-TETOUAN&q=" + Uri.EscapeDataString("poubelles"));
        Assert.Equal(0, found.GetProperty("total").GetInt32());
    }

    private static object Complaint(bool publishable) => new
    {
        kind = "complaint", bodyCode = "COM-TETOUAN", subject = "Poubelles de la place Moulay El Mehdi",
        description = "Les poubelles débordent depuis une semaine.", theme = "waste", language = "fr", consent = true, publishable,
        requester = new { fullName = Requester, identityNumber = IdentityNumber, email = Email },
    };

    private string Public(string path) => new Uri(system.Intake.Address, path).ToString();

    private static readonly SemaphoreSlim Once = new(1, 1);
    private static readonly Dictionary<string, string> s_passwords = [];

    /// <summary>The body's officer, signed in on a fresh page; the body, its officer and the account are made once.</summary>
    /// <summary>A year's figures as the French body page writes them: counts, rates to one decimal, delays in working days.</summary>
    private static IEnumerable<string> FiguresRow(JsonElement year)
    {
        static string Decimal(JsonElement v) => Math.Round(v.GetDecimal(), 1, MidpointRounding.AwayFromZero).ToString("0.#", CultureInfo.GetCultureInfo("fr-FR"));
        string Rate(string name) => year.GetProperty(name) is { ValueKind: JsonValueKind.Number } v ? $"{Decimal(v)} %" : "—";
        string Days(string name) => year.GetProperty(name) is { ValueKind: JsonValueKind.Number } v ? $"{Decimal(v)} jour(s) ouvrable(s)" : "—";
        return [year.GetProperty("year").GetInt32().ToString(CultureInfo.InvariantCulture), year.GetProperty("received").GetInt64().ToString(CultureInfo.InvariantCulture),
            year.GetProperty("answered").GetInt64().ToString(CultureInfo.InvariantCulture), Rate("responseRate"), Days("averageDelay"),
            Days("medianDelay"), Rate("inTimeRate")];
    }

    private async Task<IPage> OfficerAsync(string code, string nameFr, string nameAr, string userName)
    {
        await Once.WaitAsync();
        try
        {
            await system.RenewAdminAsync();
            if (!s_passwords.ContainsKey(code))
            {
                var created = await system.Admin.PostAsJsonAsync("/api/directory/bodies", new
                {
                    code, nameFr, nameAr, sector = "territorial-collectivity", region = "Tanger-Tétouan-Al Hoceïma", parentCode = (string?)null,
                });
                Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
                var designated = await system.Admin.PostAsJsonAsync("/api/directory/officers", new
                {
                    id = $"{code}-O1", bodyCode = code, fullName = userName, email = $"{userName}@example.ma", role = "designated",
                });
                Assert.True(designated.IsSuccessStatusCode, await designated.Content.ReadAsStringAsync());
                using var intake = new HttpClient { BaseAddress = system.Intake.Address };
                await Steps.EventuallyAsync(async () => await intake.GetStringAsync("/api/bodies"),
                    bodies => bodies.Contains(code, StringComparison.Ordinal), system.Intake);
                s_passwords[code] = await system.CreateAccountAsync(userName, "officer", $"{code}-O1");
            }
        }
        finally
        {
            Once.Release();
        }
        var page = await system.NewPageAsync();
        await StaffWorkspace.SignInAsync(page, userName, s_passwords[code]);
        return page;
    }

    private static async Task<ILocator> OpenAsync(IPage page, string move)
    {
        var details = page.Locator($"details[data-move={move}]");
        if (await details.GetAttributeAsync("open") is null)
            await details.Locator("summary").ClickAsync();
        return details.Locator("form");
    }

    /// <summary>Reloads the page until <paramref name="locator"/> is there (what another service does arrives by message).</summary>
    private static async Task EventuallyOnPageAsync(IPage page, ILocator locator)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await locator.CountAsync() == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(300);
            await page.ReloadAsync();
        }
        await Assertions.Expect(locator).ToBeVisibleAsync();
    }

    private static byte[] Pdf(string title)
    {
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents 4 0 R >>",
            $"<< /Length {title.Length + 24} >>\nstream\nBT 20 100 Td ({title}) Tj ET\nendstream",
        ];
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = pdf.Length;
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
            pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }
}
