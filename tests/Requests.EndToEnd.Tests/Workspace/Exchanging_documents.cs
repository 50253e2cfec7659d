using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using Requests.EndToEnd.Tests.Infrastructure;

namespace Requests.EndToEnd.Tests.Workspace;

/// <summary>Documents from the pages: an officer answers with files from the case page, the citizen saves them from
/// theirs; a citizen's complaint carries a photo the officer opens through the workspace; a hostile file is refused
/// beside its field, and nothing changes.</summary>
[Collection(SharedWorkspace.Name)]
public sealed class Exchanging_documents(StaffWorkspace system)
{
    private static readonly SemaphoreSlim Once = new(1, 1);
    private static readonly Dictionary<string, string> s_passwords = [];

    [Fact]
    public async Task An_officer_answers_with_two_PDFs_and_the_citizen_saves_one_from_their_page_in_Arabic()
    {
        var page = await SignedInAsync("COM-OUJDA");
        var receipt = await system.FileRequestAsync("COM-OUJDA", "Budget de la commune d'Oujda 2025");
        await system.WaitUntilAssignedAsync(receipt.CaseId);
        await page.GotoAsync($"/cases/{receipt.CaseId}");
        await (await OpenAsync(page, "accept")).Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator(".identity [data-status]")).ToHaveTextAsync("En cours");

        var budget = Pdf("Budget 2025");
        var accounts = Pdf("Compte administratif 2025");
        var answer = await OpenAsync(page, "answer");
        await answer.Locator("#answer-outcome").CheckAsync();
        await answer.GetByLabel("Texte de la réponse").FillAsync("Vous trouverez ci-joint le budget et le compte administratif.");
        await answer.GetByLabel("Documents joints (facultatif)").SetInputFilesAsync(new[]
        {
            new FilePayload { Name = "budget-2025.pdf", MimeType = "application/pdf", Buffer = budget },
            new FilePayload { Name = "compte-administratif-2025.pdf", MimeType = "application/pdf", Buffer = accounts },
        });
        // the field speaks the page's language, not the browser's
        await Assertions.Expect(answer.Locator(".file-choose")).ToHaveTextAsync("Choisir des fichiers");
        await Assertions.Expect(answer.Locator(".file-names")).ToHaveTextAsync("budget-2025.pdf, compte-administratif-2025.pdf");
        await answer.Locator("#answer-confirm").CheckAsync();
        await answer.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator(".banner[role=status]")).ToContainTextAsync("La réponse est enregistrée");

        // intake marks the drafts delivered when routing's move reaches it
        var answered = page.Locator(".documents tbody[data-step=answer]");
        await EventuallyOnPageAsync(page, answered);
        await Assertions.Expect(answered.Locator("tr")).ToHaveCountAsync(3);
        await Assertions.Expect(answered).ToContainTextAsync("budget-2025.pdf");
        await Assertions.Expect(answered).ToContainTextAsync("compte-administratif-2025.pdf");
        await Assertions.Expect(answered).ToContainTextAsync("PDF");
        await Assertions.Expect(answered).ToContainTextAsync("hicham.tazi");
        await StaffWorkspace.CheckAsync(page, "case-documents", "fr");
        await StaffWorkspace.SwitchLanguageAsync(page, "ar");
        await Assertions.Expect(page.Locator(".documents th[scope=rowgroup]")).ToHaveTextAsync("الرد");
        await StaffWorkspace.CheckAsync(page, "case-documents", "ar");
        await StaffWorkspace.SwitchLanguageAsync(page, "fr");

        // the citizen, whose browser speaks Arabic, opens the case from the e-mail's link and types the access code
        var citizen = await system.NewPageAsync("ar-MA");
        await citizen.SetViewportSizeAsync(390, 844);
        await citizen.GotoAsync(new Uri(system.Intake.Address, $"/cases/{receipt.TrackingNumber}").ToString());
        await citizen.Locator("#follow-form [name=accessCode]").FillAsync(receipt.AccessCode);
        await citizen.Locator("#follow-form button[type=submit]").ClickAsync();
        var list = citizen.Locator(".case-documents");
        await Assertions.Expect(list).ToBeVisibleAsync();
        await Assertions.Expect(list.Locator("li")).ToHaveCountAsync(2);
        await Assertions.Expect(list).ToContainTextAsync("رد الهيئة");
        var step = citizen.Locator("#case .timeline > li", new() { Has = citizen.Locator("button.document") });
        await Assertions.Expect(step).ToHaveCountAsync(1);
        await Assertions.Expect(step.Locator("button.document")).ToHaveTextAsync(["budget-2025.pdf", "compte-administratif-2025.pdf"]);

        var download = await citizen.RunAndWaitForDownloadAsync(() =>
            list.GetByRole(AriaRole.Button, new() { Name = "compte-administratif-2025.pdf" }).ClickAsync());
        Assert.Equal("compte-administratif-2025.pdf", download.SuggestedFilename);
        Assert.Equal(accounts, await File.ReadAllBytesAsync((await download.PathAsync())!));
        Assert.Empty(await list.Locator(".download-error").TextContentAsync() ?? "");
        await StaffWorkspace.CheckAsync(citizen, "citizen-documents", "ar");
        await citizen.Locator("#language").ClickAsync();
        await Assertions.Expect(list).ToContainTextAsync("Réponse de l'organisme");
        await StaffWorkspace.CheckAsync(citizen, "citizen-documents", "fr");
    }

    [Fact]
    public async Task A_complaint_filed_with_a_photo_shows_it_to_the_body_s_officer_who_opens_it_through_the_workspace()
    {
        var page = await SignedInAsync("COM-AGADIR");
        var citizen = await system.NewPageAsync("fr-MA");
        await citizen.SetViewportSizeAsync(390, 844);
        await citizen.GotoAsync(system.Intake.Address.ToString());
        await citizen.Locator("nav button[data-show=complaint]").ClickAsync();
        var form = citizen.Locator("#complaint-form");
        await Assertions.Expect(form.Locator("select[name=bodyCode] option[value=COM-AGADIR]")).ToHaveCountAsync(1);
        await form.Locator("select[name=bodyCode]").SelectOptionAsync("COM-AGADIR");
        await form.Locator("[name=subject]").FillAsync("Canalisation cassée avenue Hassan II");
        await form.Locator("[name=description]").FillAsync("L'eau coule sur la chaussée depuis trois jours ; photo jointe.");
        await form.Locator("[name=theme]").SelectOptionAsync("roads");
        await form.Locator("[name='requester.fullName']").FillAsync("Rachid Idrissi");
        await form.Locator("[name='requester.identityNumber']").FillAsync("JB123456");
        await form.Locator("[name='requester.email']").FillAsync("rachid.idrissi@example.ma");
        await form.Locator("[name=consent]").CheckAsync();
        var files = form.Locator("input[type=file]");

        // a web page named as a photo: refused beside the field, nothing filed
        await Assertions.Expect(form.Locator(".file-names")).ToHaveTextAsync("Aucun fichier choisi");
        await files.SetInputFilesAsync(new FilePayload { Name = "canalisation.png", MimeType = "image/png", Buffer = Html() });
        await Assertions.Expect(form.Locator(".file-names")).ToHaveTextAsync("canalisation.png");
        await form.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(form.Locator("small.error")).ToContainTextAsync("Le fichier « canalisation.png » n'est pas d'un type accepté");
        await Assertions.Expect(files).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(citizen.Locator("#receipt")).ToBeHiddenAsync();
        await StaffWorkspace.CheckAsync(citizen, "citizen-file-refused", "fr");
        await citizen.Locator("#language").ClickAsync();
        await Assertions.Expect(form.Locator("small.error")).ToContainTextAsync("الملف «canalisation.png» ليس من نوع مقبول");
        await Assertions.Expect(form.Locator(".file-choose")).ToHaveTextAsync("اختيار الملفات");
        await StaffWorkspace.CheckAsync(citizen, "citizen-file-refused", "ar");
        await citizen.Locator("#language").ClickAsync();

        var photo = Png();
        await files.SetInputFilesAsync(new FilePayload { Name = "canalisation.png", MimeType = "image/png", Buffer = photo });
        await form.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(citizen.Locator("#receipt")).ToBeVisibleAsync();
        var trackingNumber = (await citizen.Locator("[data-receipt=trackingNumber]").TextContentAsync())!.Trim();

        var caseId = await Steps.EventuallyAsync(async () =>
        {
            var queue = await system.Admin.GetFromJsonAsync<JsonElement>("/api/queue?body=COM-AGADIR");
            return queue.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("trackingNumber").GetString() == trackingNumber)
                .Select(i => i.GetProperty("caseId").GetGuid()).FirstOrDefault();
        }, id => id != Guid.Empty, system.Routing);
        await page.GotoAsync($"/cases/{caseId}");
        var filed = page.Locator(".documents tbody[data-step=filing]");
        await Assertions.Expect(filed.Locator("th[scope=rowgroup]")).ToHaveTextAsync("Pièces de la réclamation");
        await Assertions.Expect(filed).ToContainTextAsync("PNG");
        await Assertions.Expect(filed).ToContainTextAsync("Le demandeur");
        var link = filed.GetByRole(AriaRole.Link, new() { Name = "canalisation.png" });
        var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        Assert.Equal("canalisation.png", download.SuggestedFilename);
        Assert.Equal(photo, await File.ReadAllBytesAsync((await download.PathAsync())!));

        // served as an attachment, never rendered
        var response = await page.APIRequest.GetAsync((await link.GetAttributeAsync("href"))!);
        Assert.Equal(200, response.Status);
        Assert.StartsWith("attachment", response.Headers["content-disposition"], StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers["x-content-type-options"]);
        Assert.Equal("image/png", response.Headers["content-type"]);

        // the ministry sees that the photo exists, not its content
        var ministry = await system.NewPageAsync();
        await StaffWorkspace.SignInAsync(ministry, "karim.tazi.ministere", await system.CreateAccountAsync("karim.tazi.ministere", "ministry"));
        await ministry.GotoAsync($"/cases/{caseId}");
        await Assertions.Expect(ministry.Locator(".documents tbody[data-step=filing]")).ToContainTextAsync("canalisation.png");
        await Assertions.Expect(ministry.Locator(".documents a")).ToHaveCountAsync(0);
        Assert.Equal(403, (await ministry.APIRequest.GetAsync((await link.GetAttributeAsync("href"))!)).Status);
    }

    [Fact]
    public async Task A_page_named_pdf_is_refused_beside_the_file_field_and_nothing_changes()
    {
        var page = await SignedInAsync("COM-OUJDA");
        var receipt = await system.FileRequestAsync("COM-OUJDA", "Marchés de voirie d'Oujda");
        await system.WaitUntilAssignedAsync(receipt.CaseId);
        await page.GotoAsync($"/cases/{receipt.CaseId}");
        await (await OpenAsync(page, "accept")).Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator(".identity [data-status]")).ToHaveTextAsync("En cours");
        var steps = await page.Locator(".timeline > li").CountAsync();

        await AnswerWithAsync(page, "Voir le rapport joint.", Pdf("Rapport"), Html());
        await Assertions.Expect(page.Locator("#answer-files-error")).ToContainTextAsync("Le fichier « rapport.pdf » n'est pas d'un type accepté");
        await Assertions.Expect(page.Locator(".error-summary a[href='#answer-files']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".field.invalid #answer-files")).ToHaveAttributeAsync("aria-describedby", new System.Text.RegularExpressions.Regex("answer-files-error"));
        await Assertions.Expect(page.GetByLabel("Texte de la réponse")).ToHaveValueAsync("Voir le rapport joint.");
        await Assertions.Expect(page.Locator(".identity [data-status]")).ToHaveTextAsync("En cours");
        await Assertions.Expect(page.Locator(".timeline > li")).ToHaveCountAsync(steps);
        await Assertions.Expect(page.Locator(".documents")).ToHaveCountAsync(0);
        await StaffWorkspace.CheckAsync(page, "case-document-error", "fr");

        await StaffWorkspace.SwitchLanguageAsync(page, "ar");
        await AnswerWithAsync(page, "انظر التقرير المرفق.", Pdf("Rapport"), Html());
        await Assertions.Expect(page.Locator("#answer-files-error")).ToContainTextAsync("الملف «rapport.pdf» ليس من نوع مقبول");
        await StaffWorkspace.CheckAsync(page, "case-document-error", "ar");
        await StaffWorkspace.SwitchLanguageAsync(page, "fr");

        // the good file sent before the bad one was withdrawn: intake keeps nothing for the case
        using var intake = new HttpClient { BaseAddress = system.Intake.Address };
        intake.DefaultRequestHeaders.Authorization = system.Admin.DefaultRequestHeaders.Authorization;
        var documents = await intake.GetFromJsonAsync<JsonElement>($"/api/cases/{receipt.TrackingNumber}/documents");
        Assert.Equal(0, documents.GetProperty("documents").GetArrayLength());
        var seen = await system.Admin.GetFromJsonAsync<JsonElement>($"/api/cases/{receipt.CaseId}");
        Assert.Equal("accepted", seen.GetProperty("status").GetString());
    }

    /// <summary>The answer form, granted, with a good PDF then a web page named rapport.pdf.</summary>
    private static async Task AnswerWithAsync(IPage page, string text, byte[] good, byte[] hostile)
    {
        var answer = await OpenAsync(page, "answer");
        await answer.Locator("#answer-outcome").CheckAsync();
        await answer.Locator("#answer-text").FillAsync(text);
        await answer.Locator("#answer-files").SetInputFilesAsync(new[]
        {
            new FilePayload { Name = "annexe.pdf", MimeType = "application/pdf", Buffer = good },
            new FilePayload { Name = "rapport.pdf", MimeType = "application/pdf", Buffer = hostile },
        });
        await answer.Locator("#answer-confirm").CheckAsync();
        await answer.Locator("button[type=submit]").ClickAsync();
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

    /// <summary>The body's officer, signed in on a fresh page; the body, its officer and the account are made once.</summary>
    private async Task<IPage> SignedInAsync(string body)
    {
        var userName = body == "COM-OUJDA" ? "hicham.tazi" : "salma.chraibi";
        await Once.WaitAsync();
        try
        {
            if (!s_passwords.ContainsKey(body))
            {
                await CreateBodyAsync(body, userName);
                s_passwords[body] = await system.CreateAccountAsync(userName, "officer", $"{body}-O1");
            }
        }
        finally
        {
            Once.Release();
        }
        var page = await system.NewPageAsync();
        await StaffWorkspace.SignInAsync(page, userName, s_passwords[body]);
        return page;
    }

    /// <summary>A commune of the directory with its designated officer, once intake knows it (the directory travels by message).</summary>
    private async Task CreateBodyAsync(string code, string officer)
    {
        var (fr, ar, region) = code == "COM-OUJDA" ? ("Commune d'Oujda", "جماعة وجدة", "Oriental") : ("Commune d'Agadir", "جماعة أكادير", "Souss-Massa");
        var created = await system.Admin.PostAsJsonAsync("/api/directory/bodies", new
        {
            code, nameFr = fr, nameAr = ar, sector = "territorial-collectivity", region, parentCode = (string?)null,
        });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var designated = await system.Admin.PostAsJsonAsync("/api/directory/officers", new
        {
            id = $"{code}-O1", bodyCode = code, fullName = officer, email = $"{officer}@example.ma", role = "designated",
        });
        Assert.True(designated.IsSuccessStatusCode, await designated.Content.ReadAsStringAsync());
        using var intake = new HttpClient { BaseAddress = system.Intake.Address };
        await Steps.EventuallyAsync(async () => await intake.GetStringAsync("/api/bodies"), bodies => bodies.Contains(code, StringComparison.Ordinal),
            system.Intake);
    }

    private static async Task<ILocator> OpenAsync(IPage page, string move)
    {
        var details = page.Locator($"details[data-move={move}]");
        if (await details.GetAttributeAsync("open") is null)
            await details.Locator("summary").ClickAsync();
        return details.Locator("form");
    }

    /// <summary>A one-page PDF whose page says <paramref name="title"/>.</summary>
    private static byte[] Pdf(string title)
    {
        var text = $"BT /F1 18 Tf 20 100 Td ({title}) Tj ET";
        var objects = new[]
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
            $"<< /Length {text.Length} >>\nstream\n{text}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        };
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

    /// <summary>A 1×1 PNG, one blue pixel.</summary>
    private static byte[] Png() => Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    private static byte[] Html() => Encoding.UTF8.GetBytes("<!doctype html><html><body><script>alert(document.cookie)</script></body></html>");
}
