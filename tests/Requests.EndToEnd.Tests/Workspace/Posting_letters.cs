using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Requests.EndToEnd.Tests.Infrastructure;

namespace Requests.EndToEnd.Tests.Workspace;

/// <summary>A requester without an e-mail address is written to by post: the letters wait on their own page, each printed
/// from its own view, then marked posted.</summary>
[Collection(SharedWorkspace.Name)]
public sealed class Posting_letters(StaffWorkspace system)
{
    [Fact]
    public async Task An_officer_prints_the_letter_of_an_extension_and_marks_it_posted()
    {
        var password = await system.CreateAccountAsync("hicham.berrada", "officer", "MSPS-O1");
        var receipt = await FileByPostAsync("Effectifs des hôpitaux de Rabat");
        await system.WaitUntilAssignedAsync(receipt.CaseId);
        await Steps.ActAsync(system.Admin, receipt.CaseId, "accept", new { });
        await Steps.ActAsync(system.Admin, receipt.CaseId, "extend", new { reasons = "Les chiffres sont à rassembler auprès de douze hôpitaux." });
        var page = await system.NewPageAsync();
        await StaffWorkspace.SignInAsync(page, "hicham.berrada", password);

        await page.GetByRole(AriaRole.Link, new() { Name = "Courriers à poster" }).ClickAsync();
        var row = page.Locator("table tbody tr", new() { HasText = receipt.TrackingNumber });
        await Assertions.Expect(row).ToContainTextAsync("Driss Amrani");
        await Assertions.Expect(row).ToContainTextAsync("12 rue des Orangers");
        await StaffWorkspace.CheckAsync(page, "letters", "fr");
        await StaffWorkspace.SwitchLanguageAsync(page, "ar");
        await Assertions.Expect(row.GetByRole(AriaRole.Button)).ToContainTextAsync("تسجيل الإرسال بالبريد");
        await StaffWorkspace.CheckAsync(page, "letters", "ar");
        await StaffWorkspace.SwitchLanguageAsync(page, "fr");

        await row.GetByRole(AriaRole.Link, new() { Name = "Voir et imprimer" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/letters/\d+$"));
        var letter = page.Locator("article.letter");
        await Assertions.Expect(letter).ToContainTextAsync("Driss Amrani");
        await Assertions.Expect(letter).ToContainTextAsync("douze hôpitaux");
        await Assertions.Expect(letter).ToContainTextAsync(receipt.TrackingNumber);
        await StaffWorkspace.CheckAsync(page, "letter", "fr");
        // printed, the page is the letter alone
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.Locator("header.bar")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator(".no-print").First).ToBeHiddenAsync();
        await Assertions.Expect(letter).ToBeVisibleAsync();
        await page.EmulateMediaAsync(new() { Media = Media.Screen });

        await page.GetByRole(AriaRole.Button, new() { Name = "Marquer comme posté" }).ClickAsync();
        await Assertions.Expect(page.Locator(".banner[role=status]")).ToContainTextAsync(receipt.TrackingNumber);
        await Assertions.Expect(page.Locator("table tbody tr", new() { HasText = receipt.TrackingNumber })).ToHaveCountAsync(0);
        await page.GotoAsync($"/cases/{receipt.CaseId}");
        await Assertions.Expect(page.Locator("table", new() { HasText = "Par courrier postal" })).ToContainTextAsync("Posté");
    }

    /// <summary>A request of a requester who gave a postal address and no e-mail address.</summary>
    private async Task<Receipt> FileByPostAsync(string subject)
    {
        using var http = new HttpClient { BaseAddress = system.Intake.Address };
        var response = await http.PostAsJsonAsync("/api/requests", new
        {
            bodyCode = "MSPS", subject, description = "Le nombre de médecins et d'infirmiers par hôpital.",
            delivery = "post", urgent = false, language = "fr", consent = true,
            requester = new { fullName = "Driss Amrani", identityNumber = "BK654321", address = "12 rue des Orangers\n10000 Rabat" },
        });
        Assert.Equal(201, (int)response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<Receipt>(JsonSerializerOptions.Web))!;
    }
}
