using System.Net.Http.Json;
using System.Text.Json;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Requests.EndToEnd.Tests.Infrastructure;

namespace Requests.EndToEnd.Tests.Workspace;

/// <summary>The browser tests of the staff workspace share one running system; they run one class at a time.</summary>
[CollectionDefinition(Name)]
public sealed class SharedWorkspace : ICollectionFixture<StaffWorkspace>
{
    public const string Name = "staff workspace";
}

/// <summary>
/// The whole system as real processes on a fresh virtual host of the real broker (intake, routing, reporting and the
/// staff workspace), and Debian's Chromium driven by Playwright. Tests sign in as accounts they create, check each page
/// with axe in both languages, and save its screenshot under docs/screenshots/.
/// </summary>
public sealed class StaffWorkspace : IAsyncLifetime
{
    private const string Chromium = "/usr/bin/chromium";

    private readonly string _folder = Directory.CreateTempSubdirectory("requests-workspace-").FullName;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public ServiceProcess Intake { get; private set; } = null!;
    public ServiceProcess Routing { get; private set; } = null!;
    public ServiceProcess Reporting { get; private set; } = null!;
    public ServiceProcess Staff { get; private set; } = null!;
    public Broker Broker { get; private set; } = null!;

    /// <summary>The administrator, signed in at routing's API, to prepare what a test needs.</summary>
    public HttpClient Admin { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Broker = await Broker.CreateVirtualHostAsync();
        // routing starts last, as ./run.sh starts it: the directory and calendar it publishes at start find the others' queues
        var routingKey = RoutingProcess.CreateSigningKey(Path.Combine(_folder, "routing.db"));
        Reporting = await ReportingProcess.StartAsync(Path.Combine(_folder, "reporting.db"), Broker, routingKey);
        Intake = await IntakeProcess.StartAsync(Path.Combine(_folder, "intake.db"), Broker, settings: routingKey, reporting: Reporting);
        Routing = await RoutingProcess.StartAsync(Path.Combine(_folder, "routing.db"), Broker);
        Staff = await StaffProcess.StartAsync(Routing, Intake, Reporting);
        Admin = await Steps.SignInAsync(Routing, RoutingProcess.AdminUserName, RoutingProcess.AdminPassword);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
        });
    }

    /// <summary>A fresh browser context (its own cookies) on the workspace, 1280 wide, its browser set to <paramref name="locale"/>.</summary>
    public async Task<IPage> NewPageAsync(string locale = "fr-MA")
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Staff.Address.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            Locale = locale,
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    /// <summary>A staff account for the directory's <paramref name="officerIds"/>; returns its password.</summary>
    public async Task<string> CreateAccountAsync(string userName, string role, params string[] officerIds)
    {
        var password = $"{userName} has a long passphrase";
        var response = await Admin.PostAsJsonAsync("/api/accounts", new
        {
            userName, email = $"{userName}@example.ma", password, role, officerIds,
        });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return password;
    }

    /// <summary>
    /// Signs in through the sign-in page and lands on the role's first page, in French: the account keeps the
    /// language it chose last, which another test may have switched.
    /// </summary>
    public static async Task SignInAsync(IPage page, string userName, string password)
    {
        await page.GotoAsync("/signin");
        await page.GetByLabel("Nom d'utilisateur").Or(page.GetByLabel("اسم المستخدم")).FillAsync(userName);
        await page.GetByLabel("Mot de passe").Or(page.GetByLabel("كلمة المرور")).FillAsync(password);
        await page.Locator("main button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("header .who")).ToContainTextAsync(userName);
        await SwitchLanguageAsync(page, "fr");
    }

    /// <summary>Switches the page's language with the switch in the header (the same page reloads).</summary>
    public static async Task SwitchLanguageAsync(IPage page, string language)
    {
        if (await page.Locator("html").GetAttributeAsync("lang") == language)
            return;
        await page.Locator("header form[action='/language'] button").ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
    }

    /// <summary>
    /// The page as its user sees it: the right <c>lang</c> and <c>dir</c>, no WCAG 2.1 AA violation that axe finds, and
    /// a screenshot saved as docs/screenshots/{name}.{language}.png.
    /// </summary>
    public static async Task CheckAsync(IPage page, string name, string language)
    {
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("dir", language == "ar" ? "rtl" : "ltr");
        var results = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        Assert.True(results.Violations.Length == 0, $"{name}.{language}: " + string.Join("\n", results.Violations.Select(v =>
            $"{v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Html))}")));
        Directory.CreateDirectory(Screenshots);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, $"{name}.{language}.png"), FullPage = true });
    }

    /// <summary>An information request filed at intake as a citizen would; returns its receipt.</summary>
    public async Task<Receipt> FileRequestAsync(string bodyCode, string subject, string language = "fr")
    {
        using var http = new HttpClient { BaseAddress = Intake.Address };
        var response = await http.PostAsJsonAsync("/api/requests", new
        {
            bodyCode, subject, description = language == "ar" ? "التقارير الفصلية لتنفيذ الميزانية." : "Les rapports trimestriels d'exécution.",
            delivery = "email", urgent = false, language, consent = true,
            requester = new { fullName = "Amina Alaoui", identityNumber = "AB123456", email = "amina@example.ma" },
        });
        Assert.Equal(201, (int)response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<Receipt>(JsonSerializerOptions.Web))!;
    }

    /// <summary>Waits until routing has assigned the case (the queue shows it).</summary>
    public Task WaitUntilAssignedAsync(Guid caseId) => Steps.EventuallyAsync(
        async () => (int)(await Admin.GetAsync($"/api/cases/{caseId}")).StatusCode, status => status == 200, Routing);

    /// <summary>docs/screenshots at the repository's root (the folder holding Requests.sln).</summary>
    public static string Screenshots
    {
        get
        {
            var folder = new DirectoryInfo(AppContext.BaseDirectory);
            while (!File.Exists(Path.Combine(folder.FullName, "Requests.sln")))
                folder = folder.Parent ?? throw new DirectoryNotFoundException("Requests.sln not found above the test's output.");
            return Path.Combine(folder.FullName, "docs", "screenshots");
        }
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
            await _browser.DisposeAsync();
        _playwright?.Dispose();
        Admin?.Dispose();
        foreach (var service in new[] { Staff, Reporting, Intake, Routing })
            if (service is not null)
                await service.DisposeAsync();
    }

    /// <summary>Signs the administrator in again: its access token lives 15 minutes, and the shared system may run longer.</summary>
    public async Task RenewAdminAsync()
    {
        using var fresh = await Steps.SignInAsync(Routing, RoutingProcess.AdminUserName, RoutingProcess.AdminPassword);
        Admin.DefaultRequestHeaders.Authorization = fresh.DefaultRequestHeaders.Authorization;
    }
}
