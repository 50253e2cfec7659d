using System.Net;
using System.Text;
using System.Text.Json;

namespace Requests.Intake.Tests.Publication;

// Everyone searches what bodies published, in French or Arabic, with filters, as JSON or CSV, and gets suggestions.
public sealed class Searching_what_is_published : IAsyncLifetime, IDisposable
{
    private readonly IntakeApp _app = new();

    public async Task InitializeAsync()
    {
        await _app.AddEntryAsync(Publishing.Entry("Marchés publics : appels d'offres 2026", "الصفقات العمومية: طلبات العروض", "procurement", "2026-03-01"));
        await _app.AddEntryAsync(Publishing.Entry("=cmd|' /C calc'!A0 Budget", "الميزانية العامة للجماعة", "budget", "2025-06-30"));
        await _app.AddEntryAsync(Publishing.Entry("Organigramme de l'administration", "إدارة الجماعة والمعلومات", "missions-structure", "2026-02-01"),
            "COM-RABAT");
        var (receipt, document) = await _app.AnsweredAsync(outcome: "refused", ground: "private-life");
        await Publishing.JsonAsync(await _app.PublishAsync(receipt, Publishing.Publication(document,
            subject: "Rapport sur la gestion des déchets", answer: "Le rapport ne peut être communiqué : il porte sur des données de santé.")),
            HttpStatusCode.Created);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _app.Dispose();

    private async Task<List<string>> TitlesAsync(string query) =>
        [.. (await _app.SearchAsync(query)).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()!)];

    [Fact]
    public async Task Finds_by_Arabic_words_in_other_spellings_and_French_words_without_accents()
    {
        // اداره without the hamza, with ه for ة; والمعلومات with و and the article
        Assert.Equal(["Organigramme de l'administration"], await TitlesAsync("q=" + Uri.EscapeDataString("اداره والمعلومات")));
        Assert.Equal(["=cmd|' /C calc'!A0 Budget"], await TitlesAsync("q=" + Uri.EscapeDataString("ميزانيه عامه")));
        Assert.Equal(["Marchés publics : appels d'offres 2026"], await TitlesAsync("q=marches"));
        Assert.Equal(["Rapport sur la gestion des déchets"], await TitlesAsync("q=DECHETS"));
    }

    [Fact]
    public async Task Filters_by_kind_body_sector_category_year_and_outcome()
    {
        Assert.Equal(4, (await _app.SearchAsync("")).GetProperty("total").GetInt64());
        Assert.Equal(["Rapport sur la gestion des déchets"], await TitlesAsync("kind=answer"));
        Assert.Equal(["Organigramme de l'administration"], await TitlesAsync("body=com-rabat"));
        Assert.Equal(["Organigramme de l'administration"], await TitlesAsync("sector=territorial-collectivity"));
        Assert.Equal(["Marchés publics : appels d'offres 2026"], await TitlesAsync("category=procurement"));
        Assert.Equal(["=cmd|' /C calc'!A0 Budget"], await TitlesAsync("year=2025"));
        Assert.Equal(["Rapport sur la gestion des déchets"], await TitlesAsync("outcome=refused&q=rapport"));
        Assert.Empty(await TitlesAsync("outcome=granted&q=rapport"));
        var answer = (await _app.SearchAsync("q=sante")).GetProperty("items")[0];
        Assert.Equal(("refused", "private-life"), (answer.GetProperty("outcome").GetString(), answer.GetProperty("ground").GetString()));
        Assert.Contains("données de santé", answer.GetProperty("snippet").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_the_results_newest_first_without_words()
    {
        var first = await _app.SearchAsync("pageSize=3");
        var second = await _app.SearchAsync("pageSize=3&page=2");

        Assert.Equal(4, first.GetProperty("total").GetInt64());
        Assert.Equal(["2026-11-05", "2026-03-01", "2026-02-01"],
            first.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("date").GetString()));
        Assert.Equal("2025-06-30", Assert.Single(second.GetProperty("items").EnumerateArray()).GetProperty("date").GetString());
    }

    [Fact]
    public async Task Refuses_invalid_filters_field_by_field()
    {
        var response = await _app.CreateClient().GetAsync("/api/public/search?kind=secret&year=soon&pageSize=1000&category=x");

        var problem = await Publishing.JsonAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        foreach (var field in new[] { "kind", "year", "pageSize", "category" })
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), field);
    }

    [Fact]
    public async Task Gives_the_same_search_as_CSV_with_formulas_neutralised()
    {
        using var response = await _app.CreateClient().GetAsync("/api/public/search.csv?kind=register");
        var csv = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("kind,id,bodyCode,bodyNameFr,bodyNameAr,sector,category,title,summary,outcome,ground,date,filedOn,delayWorkingDays,link,url", csv[0]);
        Assert.Equal(4, csv.Length);
        // a title that a spreadsheet would run as a formula starts with a quote
        Assert.Contains(",'=cmd|' /C calc'!A0 Budget,", csv[3], StringComparison.Ordinal);
        Assert.Contains(",Marchés publics : appels d'offres 2026,", csv[1] + csv[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Suggests_what_matches_a_subject_being_typed()
    {
        // the last word as a beginning: "gest" of "gestion"
        var french = await _app.GetJsonAsync("/api/public/suggest?q=rapport%20gest");
        var arabic = await _app.GetJsonAsync("/api/public/suggest?q=" + Uri.EscapeDataString("الصفقات العموم"));
        var otherBody = await _app.GetJsonAsync("/api/public/suggest?body=COM-RABAT&q=rapport");

        Assert.Equal("Rapport sur la gestion des déchets", Assert.Single(french.GetProperty("items").EnumerateArray()).GetProperty("title").GetString());
        Assert.Equal("procurement", Assert.Single(arabic.GetProperty("items").EnumerateArray()).GetProperty("category").GetString());
        Assert.Empty(otherBody.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Shows_a_body_s_page_with_its_register_and_answers()
    {
        var page = await _app.GetJsonAsync("/api/public/bodies/MEF");

        Assert.Equal("MEF", page.GetProperty("code").GetString());
        Assert.Equal(2, page.GetProperty("register").GetArrayLength());
        Assert.Equal(1, page.GetProperty("answersTotal").GetInt64());
        // no reporting service in this test: the page says the figures are not available
        Assert.False(page.GetProperty("figuresAvailable").GetBoolean());
        Assert.Equal(JsonValueKind.Array, page.GetProperty("officers").ValueKind);
    }
}
