using Microsoft.Playwright;

namespace Requests.EndToEnd.Tests.Workspace;

/// <summary>Staff sign in to the workspace and find their body's cases in the queue, in French and in Arabic.</summary>
[Collection(SharedWorkspace.Name)]
public sealed class Signing_in_and_working_the_queue(StaffWorkspace system)
{
    [Fact]
    public async Task A_wrong_password_is_said_and_the_right_one_opens_the_queue()
    {
        var password = await system.CreateAccountAsync("hajar.skalli", "officer", "COM-RABAT-O1");
        var page = await system.NewPageAsync();

        await page.GotoAsync("/");
        await page.GetByLabel("Nom d'utilisateur").FillAsync("hajar.skalli");
        await page.GetByLabel("Mot de passe").FillAsync("not the password");
        await page.Locator("main button[type=submit]").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Nom d'utilisateur ou mot de passe incorrect");
        await StaffWorkspace.CheckAsync(page, "sign-in", "fr");
        await StaffWorkspace.SwitchLanguageAsync(page, "ar");
        await StaffWorkspace.CheckAsync(page, "sign-in", "ar");
        await StaffWorkspace.SwitchLanguageAsync(page, "fr");

        await StaffWorkspace.SignInAsync(page, "hajar.skalli", password);

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/queue$"));
        await Assertions.Expect(page.Locator("header .role")).ToHaveTextAsync("Chargé de l'information");
        var cookies = await page.Context.CookiesAsync();
        var session = Assert.Single(cookies, c => c.Name == "requests.workspace");
        Assert.True(session.HttpOnly);
        Assert.Equal(SameSiteAttribute.Strict, session.SameSite);
    }

    [Fact]
    public async Task An_officer_sees_a_new_request_of_their_body_and_none_of_another()
    {
        var password = await system.CreateAccountAsync("siham.ghali", "officer", "COM-TANGER-O1");
        var ours = await system.FileRequestAsync("COM-TANGER", "Plan de circulation de Tanger");
        var theirs = await system.FileRequestAsync("COM-FES", "Plan de circulation de Fès");
        await system.WaitUntilAssignedAsync(ours.CaseId);
        await system.WaitUntilAssignedAsync(theirs.CaseId);
        var page = await system.NewPageAsync();

        await StaffWorkspace.SignInAsync(page, "siham.ghali", password);

        var row = page.Locator("table tbody tr", new() { HasText = ours.TrackingNumber });
        await Assertions.Expect(row).ToContainTextAsync("Plan de circulation de Tanger");
        await Assertions.Expect(row).ToContainTextAsync("Reste");
        await Assertions.Expect(page.Locator("table")).Not.ToContainTextAsync(theirs.TrackingNumber);
        await StaffWorkspace.CheckAsync(page, "queue", "fr");
        await StaffWorkspace.SwitchLanguageAsync(page, "ar");
        await Assertions.Expect(row).ToContainTextAsync("يتبقى");
        await StaffWorkspace.CheckAsync(page, "queue", "ar");
    }

    [Fact]
    public async Task The_language_chosen_is_kept_with_the_account_on_another_browser()
    {
        var password = await system.CreateAccountAsync("ayoub.ziani", "officer", "COM-FES-O1");
        var first = await system.NewPageAsync();
        await StaffWorkspace.SignInAsync(first, "ayoub.ziani", password);
        await StaffWorkspace.SwitchLanguageAsync(first, "ar");

        // another computer: no cookie of the first, a browser set to French
        var second = await system.NewPageAsync();
        await second.GotoAsync("/signin");
        await Assertions.Expect(second.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        await second.GetByLabel("Nom d'utilisateur").FillAsync("ayoub.ziani");
        await second.GetByLabel("Mot de passe").FillAsync(password);
        await second.Locator("main button[type=submit]").ClickAsync();

        await Assertions.Expect(second.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await Assertions.Expect(second.Locator("h1")).ToHaveTextAsync("قائمة الملفات");
    }
}
