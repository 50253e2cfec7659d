using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Requests.EndToEnd.Tests.Infrastructure;

namespace Requests.EndToEnd.Tests.Workspace;

/// <summary>
/// The ministry reads the national synthesis and a body's report as of a date, downloads a table as CSV, and imports a
/// historical file: refused whole with every bad line shown, then accepted with its counts.
/// </summary>
[Collection(SharedWorkspace.Name)]
public sealed class Reading_the_reports_and_importing_history(StaffWorkspace system)
{
    private const string Header =
        "case_id,regime,kind,body_code,body_name,sector,region,channel,theme,urgent,received_on,due_on,answered_on,outcome,refusal_ground,extended";

    private static readonly DateOnly Today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow,
        TimeZoneInfo.FindSystemTimeZoneById("Africa/Casablanca")).DateTime);

    [Fact]
    public async Task The_ministry_reads_the_synthesis_as_of_a_date_and_downloads_a_table()
    {
        var password = await system.CreateAccountAsync("samira.bennis", "ministry");
        await system.FileRequestAsync("ANCFCC", "Plan cadastral de Salé");
        await system.FileRequestAsync("MENPS", "Effectifs des écoles de Rabat");
        using var reporting = Reporting();
        foreach (var body in new[] { "ANCFCC", "MENPS" })
        {
            await Steps.EventuallyAsync(() => reporting.GetFromJsonAsync<JsonElement>($"/api/reports/{Today.Year}/bodies/{body}"),
                r => r.GetProperty("figures").GetProperty("received").GetInt64() >= 1 && r.GetProperty("sector").GetString() != "other",
                system.Reporting, allowNotFound: true);
        }
        var national = await ReceivedAsync(reporting, Today.Year, Today);
        var page = await system.NewPageAsync();

        await StaffWorkspace.SignInAsync(page, "samira.bennis", password);

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/ministry$"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync($"Synthèse nationale {Today.Year}");
        await Assertions.Expect(Card(page, "Reçues")).ToHaveTextAsync(national.ToString(CultureInfo.InvariantCulture));
        var ranking = page.Locator("table", new() { Has = page.Locator("caption", new() { HasText = "Établissements publics" }) });
        await Assertions.Expect(ranking).ToContainTextAsync("Agence nationale de la conservation foncière");
        await Assertions.Expect(page.Locator("canvas#chart-monthly")).ToHaveAttributeAsync("aria-label", new Regex("Volumes mensuels"));
        await StaffWorkspace.CheckAsync(page, "ministry-synthesis", "fr");
        await StaffWorkspace.SwitchLanguageAsync(page, "ar");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync($"التركيب الوطني {Today.Year}");
        await Assertions.Expect(page.Locator("#rank-public-establishment")).ToHaveTextAsync("المؤسسات العمومية");
        await StaffWorkspace.CheckAsync(page, "ministry-synthesis", "ar");
        await StaffWorkspace.SwitchLanguageAsync(page, "fr");

        // the first of January: the page reloads as of that date, with that date's figures
        var newYear = new DateOnly(Today.Year, 1, 1);
        await page.GetByLabel("Date d'arrêté").FillAsync(Iso(newYear));
        await page.GetByRole(AriaRole.Button, new() { Name = "Afficher" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"asOf={Iso(newYear)}"));
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync($"Arrêtée au 1 janvier {Today.Year}");
        var early = await ReceivedAsync(reporting, Today.Year, newYear);
        Assert.True(early < national, $"{early} received by the first of January, {national} today");
        await Assertions.Expect(Card(page, "Reçues")).ToHaveTextAsync(early.ToString(CultureInfo.InvariantCulture));

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Chiffres et répartitions" }).ClickAsync());
        Assert.Equal($"synthese-{Today.Year}-figures-au-{Iso(newYear)}.csv", download.SuggestedFilename);
        var lines = await File.ReadAllLinesAsync((await download.PathAsync())!);
        Assert.StartsWith("table,key,rank,received,answered,response_rate", lines[0], StringComparison.Ordinal);
        Assert.StartsWith($"national,all,,{early},", lines[1], StringComparison.Ordinal);

        // a body's report, from the ranking of today's synthesis
        await page.GotoAsync("/ministry");
        await ranking.GetByRole(AriaRole.Link, new() { Name = "Agence nationale de la conservation foncière" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/ministry/{Today.Year}/bodies/ANCFCC"));
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Agence nationale de la conservation foncière");
        await Assertions.Expect(page.Locator(".identity")).ToContainTextAsync("Rabat-Salé-Kénitra");
        var monthly = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Volumes mensuels" }).ClickAsync());
        Assert.Equal($"ANCFCC-{Today.Year}-monthly-au-{Iso(Today)}.csv", monthly.SuggestedFilename);
        Assert.Equal("month,received,answered", (await File.ReadAllLinesAsync((await monthly.PathAsync())!))[0]);
        await StaffWorkspace.CheckAsync(page, "ministry-body", "fr");
        await StaffWorkspace.SwitchLanguageAsync(page, "ar");
        await Assertions.Expect(page.Locator(".identity")).ToContainTextAsync("الرباط سلا القنيطرة");
        await StaffWorkspace.CheckAsync(page, "ministry-body", "ar");
    }

    [Fact]
    public async Task A_file_with_a_bad_line_imports_nothing_and_a_good_one_is_counted()
    {
        var password = await system.CreateAccountAsync("hamid.sbai", "ministry");
        var page = await system.NewPageAsync();
        await StaffWorkspace.SignInAsync(page, "hamid.sbai", password);
        await page.GotoAsync("/ministry?year=2019");
        await Assertions.Expect(Card(page, "Reçues")).ToHaveTextAsync("0");

        await page.GotoAsync("/ministry/import");
        await UploadAsync(page, Rows("2019-13-40"));
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Rien n'a été importé");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Ligne 3 : received_on '2019-13-40' is not a date YYYY-MM-DD");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert).Locator("li")).ToHaveCountAsync(1);
        await StaffWorkspace.CheckAsync(page, "ministry-import", "fr");
        await StaffWorkspace.SwitchLanguageAsync(page, "ar");
        await UploadAsync(page, Rows("2019-13-40"));
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("السطر 3");
        await StaffWorkspace.CheckAsync(page, "ministry-import", "ar");
        await StaffWorkspace.SwitchLanguageAsync(page, "fr");
        await page.GotoAsync("/ministry?year=2019");
        await Assertions.Expect(Card(page, "Reçues")).ToHaveTextAsync("0");

        await page.GotoAsync("/ministry/import");
        await UploadAsync(page, Rows("2019-05-06"));
        var banner = page.GetByRole(AriaRole.Status).Filter(new() { HasText = "importé" });
        await Assertions.Expect(banner).ToContainTextAsync("Lignes lues : 2");
        await Assertions.Expect(banner).ToContainTextAsync("Dossiers ajoutés : 2");
        await Assertions.Expect(banner).ToContainTextAsync("Années concernées : 2019");
        await page.GotoAsync("/ministry?year=2019&asOf=2019-12-31");
        await Assertions.Expect(Card(page, "Reçues")).ToHaveTextAsync("2");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Agence des archives de test");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Souss-Massa");
    }

    // two cases of 2019; the second's date of receipt is given
    private static string Rows(string secondReceivedOn) => string.Join("\n",
        Header,
        "hist-2019-0001,information,request,HIST-ARCH,Agence des archives de test,public-establishment,Souss-Massa,portal,,false,2019-03-04,2019-04-03,2019-03-20,granted,,false",
        $"hist-2019-0002,complaint,complaint,HIST-ARCH,Agence des archives de test,public-establishment,Souss-Massa,post,permits,false,{secondReceivedOn},2019-07-05,,,,false",
        "");

    private static async Task UploadAsync(IPage page, string csv)
    {
        await page.GetByLabel("Fichier CSV").Or(page.GetByLabel("ملف CSV")).SetInputFilesAsync(new FilePayload
        {
            Name = "historique-2019.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv),
        });
        await page.Locator("main button[type=submit]").ClickAsync();
    }

    private static ILocator Card(IPage page, string label) =>
        page.Locator(".figures .card", new() { Has = page.Locator("dt", new() { HasTextString = label }) }).Locator("dd");

    private HttpClient Reporting()
    {
        var client = new HttpClient { BaseAddress = system.Reporting.Address };
        client.DefaultRequestHeaders.Authorization = system.Admin.DefaultRequestHeaders.Authorization;
        return client;
    }

    private static async Task<long> ReceivedAsync(HttpClient reporting, int year, DateOnly asOf) =>
        (await reporting.GetFromJsonAsync<JsonElement>($"/api/reports/{year}/synthesis?asOf={Iso(asOf)}"))
            .GetProperty("national").GetProperty("received").GetInt64();

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
