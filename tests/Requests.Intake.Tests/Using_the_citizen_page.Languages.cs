using System.Text.Json;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Requests.Intake.Tests.RoutingEvents;

namespace Requests.Intake.Tests;

// The page in French and Arabic: the switch, right to left, the texts of the API in the page's language, accessibility
// (axe, WCAG 2.1 AA) and the screenshots README shows, at a phone's width.
public sealed partial class Using_the_citizen_page
{
    [Fact]
    public async Task Files_in_Arabic_follows_the_case_right_to_left_and_switches_back_to_French()
    {
        await _page.SetViewportSizeAsync(390, 844);
        await _page.ClickAsync("#language");
        await ExpectLanguageAsync("ar", "rtl");
        await Assertions.Expect(_page.Locator("#language")).ToHaveTextAsync("Français");
        await Assertions.Expect(_page.Locator("#request h2")).ToHaveTextAsync("طلب الحصول على المعلومات");
        await Assertions.Expect(_page.Locator("#request-form select[name=bodyCode] option[value=MEF]")).ToHaveTextAsync("وزارة الاقتصاد والمالية (MEF)");
        await AssertNoAxeViolationAsync();
        await ScreenshotAsync("citizen-file.ar.png");

        var form = _page.Locator("#request-form");
        await Assertions.Expect(form.Locator("[name=language]")).ToHaveValueAsync("ar");
        await form.Locator("[name=bodyCode]").SelectOptionAsync("MEF");
        await form.Locator("[name=subject]").FillAsync("تنفيذ ميزانية 2025");
        await form.Locator("[name=description]").FillAsync("التقارير الفصلية لتنفيذ الميزانية.");
        await form.Locator("[name='requester.fullName']").FillAsync("أمينة العلوي");
        await form.Locator("[name='requester.identityNumber']").FillAsync("AB123456");
        await form.Locator("[name='requester.email']").FillAsync("amina@example.ma");
        await form.Locator("[name=consent]").CheckAsync();
        var filed = await _page.RunAndWaitForResponseAsync(() => form.Locator("button[type=submit]").ClickAsync(),
            response => response.Url.EndsWith("/api/requests", StringComparison.Ordinal));
        var receipt = JsonSerializer.Deserialize<FiledReceipt>(await filed.TextAsync(), JsonSerializerOptions.Web)!;

        var shown = _page.Locator("#receipt");
        await Assertions.Expect(shown.Locator("h2")).ToHaveTextAsync("وصل الإيداع");
        await Assertions.Expect(shown.Locator("[data-receipt=receivedOn]")).ToHaveTextAsync("23 أكتوبر 2026");
        await Assertions.Expect(shown.Locator("[data-receipt=dueDate]")).ToHaveTextAsync("24 نونبر 2026");
        // the citizen filed in Arabic: the API answers in Arabic when not asked otherwise
        Assert.Equal("ar", (await _app.ViewAsync(receipt)).Text("language"));

        foreach (var move in Refused(receipt))
            await _app.DeliverAsync(move);
        await _page.ClickAsync("#follow-this");
        var followed = _page.Locator("#case");
        await Assertions.Expect(followed.Locator("[data-case=status]")).ToHaveTextAsync("تم الرد");
        await Assertions.Expect(followed.Locator("[data-case=body]")).ToHaveTextAsync("وزارة الاقتصاد والمالية");
        await Assertions.Expect(followed.Locator("[data-case=recourseLastDay]")).ToHaveTextAsync("23 دجنبر 2026");
        await Assertions.Expect(followed.Locator(".timeline li").First).ToContainTextAsync("تم التوصل بملفكم عبر البوابة في الجمعة 23 أكتوبر 2026");
        await Assertions.Expect(followed.Locator(".timeline li").Nth(1)).ToContainTextAsync("أسند ملفكم إلى موظف بالهيئة");
        await Assertions.Expect(followed.Locator(".timeline li").Last).ToContainTextAsync("ردت الهيئة: تم رفض طلبكم للسبب التالي");
        await Assertions.Expect(followed.Locator("form.action[data-action=recourse] h4")).ToHaveTextAsync("تقديم شكاية إلى رئيس الهيئة");
        await AssertNoAxeViolationAsync();
        await ScreenshotAsync("citizen-case.ar.png");

        // the choice is remembered
        Assert.Contains(await _page.Context.CookiesAsync(), c => c is { Name: "requests.lang", Value: "ar" });
        await _page.ClickAsync("#language");
        await ExpectLanguageAsync("fr", "ltr");
        await Assertions.Expect(followed.Locator("[data-case=status]")).ToHaveTextAsync("répondue");
        await Assertions.Expect(followed.Locator("[data-case=recourseLastDay]")).ToHaveTextAsync("23 décembre 2026");
        await Assertions.Expect(followed.Locator(".timeline li").First).ToContainTextAsync("Reçue sur le portail le vendredi 23 octobre 2026");
        await Assertions.Expect(followed.Locator("form.action[data-action=recourse] h4")).ToHaveTextAsync("Former un recours auprès du chef de l'organisme");
        await AssertNoAxeViolationAsync();
        await ScreenshotAsync("citizen-case.fr.png");
        Assert.Contains(await _page.Context.CookiesAsync(), c => c is { Name: "requests.lang", Value: "fr" });
    }

    [Fact]
    public async Task The_filing_page_in_French_has_no_accessibility_violation()
    {
        await _page.SetViewportSizeAsync(390, 844);
        await ExpectLanguageAsync("fr", "ltr");
        await Assertions.Expect(_page.Locator("#language")).ToHaveTextAsync("العربية");
        await AssertNoAxeViolationAsync();
        await ScreenshotAsync("citizen-file.fr.png");

        // the skip link is the first stop of the keyboard and leads to the content
        await _page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(_page.Locator(".skip-link")).ToBeFocusedAsync();
        await _page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(_page.Locator("main")).ToBeFocusedAsync();
    }

    [Fact]
    public async Task Opens_in_Arabic_for_a_browser_that_asks_for_it_and_shows_the_field_errors_in_Arabic()
    {
        var page = await _browser!.NewPageAsync(new BrowserNewPageOptions { BaseURL = _page.Url, Locale = "ar-MA" });
        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ar");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");

        var form = page.Locator("#request-form");
        await Assertions.Expect(form.Locator("select[name=bodyCode] option[value=MEF]")).ToBeAttachedAsync();
        await form.Locator("[name='requester.email']").FillAsync("not-an-address");
        await form.Locator("button[type=submit]").ClickAsync();

        await Assertions.Expect(form.Locator(".error[data-error-for='requester.email']")).ToHaveTextAsync("عنوان بريد إلكتروني غير صالح.");
        await Assertions.Expect(form.Locator(".error[data-error-for=subject]")).ToHaveTextAsync("حقل إجباري.");
        await AssertNoAxeViolationAsync(page);
        // switching translates the errors already shown
        await page.ClickAsync("#language");
        await Assertions.Expect(form.Locator(".error[data-error-for='requester.email']")).ToHaveTextAsync("Adresse électronique invalide.");
    }

    private async Task ExpectLanguageAsync(string lang, string dir)
    {
        await Assertions.Expect(_page.Locator("html")).ToHaveAttributeAsync("lang", lang);
        await Assertions.Expect(_page.Locator("html")).ToHaveAttributeAsync("dir", dir);
    }

    private async Task AssertNoAxeViolationAsync(IPage? page = null)
    {
        var result = await (page ?? _page).RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        Assert.NotEmpty(result.Passes);
        Assert.True(result.Violations.Length == 0, string.Join("\n", result.Violations.Select(v =>
            $"{v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Html))}")));
    }

    // docs/screenshots/ at the repository's root, for README
    private async Task ScreenshotAsync(string name)
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "Requests.sln")))
            root = root.Parent ?? throw new DirectoryNotFoundException("Requests.sln is above no test folder.");
        var folder = Directory.CreateDirectory(Path.Combine(root.FullName, "docs", "screenshots"));
        await _page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder.FullName, name), FullPage = true });
    }
}
