using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Requests.Intake.Publication;
using Requests.Intake.Storage;

namespace Requests.Intake.Tests.Publication;

// A search that matches more than it counts says "more than 1,000" and lists the latest first; one that matches fewer
// counts them exactly and ranks them, a title's words first; an index made anew is filled again at start.
public sealed class Searching_among_many_published_items : IAsyncLifetime, IDisposable
{
    private readonly IntakeApp _app = new();

    public async Task InitializeAsync()
    {
        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        var index = scope.ServiceProvider.GetRequiredService<PublicationIndex>();
        List<PublishedItem> items =
        [
            Item(new DateOnly(2017, 5, 1), "Archives anciennes : le rapport", "Ce qui est conservé.", "COM-RABAT"),
            Item(new DateOnly(2018, 5, 1), "Inventaire de la commune", "Le rapport sur les archives anciennes de la commune."),
            .. Enumerable.Range(0, 1003).Select(i => Item(new DateOnly(2020, 1, 1).AddDays(i), "Rapport d'activité", $"Rapport numéro {i} du service.")),
        ];
        foreach (var item in items)
        {
            db.PublishedItems.Add(item);
            await db.SaveChangesAsync();
        }
        await using var transaction = await db.Database.BeginTransactionAsync();
        foreach (var item in items)
            await index.PutAsync(db, item, default);
        await transaction.CommitAsync();
    }

    private static PublishedItem Item(DateOnly date, string title, string summary, string body = "MEF") => new()
    {
        Id = Guid.NewGuid(), Kind = PublicationKinds.Register, BodyCode = body, Sector = "ministry", Date = date, Version = 1,
        State = PublicationStates.Published, UpdatedBy = "test", Category = "reports-statistics", TitleFr = title, SummaryFr = summary,
    };

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Counts_up_to_a_thousand_then_lists_the_latest_first()
    {
        var first = await _app.SearchAsync("q=rapport&pageSize=2");
        var last = await _app.SearchAsync("q=rapport&pageSize=100&page=10");
        var beyond = await _app.SearchAsync("q=rapport&pageSize=100&page=11");
        var browsing = await _app.SearchAsync("pageSize=1");

        Assert.Equal((1000, false), (first.GetProperty("total").GetInt64(), first.GetProperty("totalExact").GetBoolean()));
        Assert.Equal(["Rapport numéro 1002 du service.", "Rapport numéro 1001 du service."],
            first.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("summary").GetString()));
        Assert.Equal(100, last.GetProperty("items").GetArrayLength());
        Assert.Equal(0, beyond.GetProperty("items").GetArrayLength());
        Assert.Equal((1000, false), (browsing.GetProperty("total").GetInt64(), browsing.GetProperty("totalExact").GetBoolean()));
    }

    [Fact]
    public async Task Counts_and_ranks_fewer_matches_exactly_a_title_first_with_the_filters_in_the_search()
    {
        var ranked = await _app.SearchAsync("q=rapport%20archives");
        var filtered = await _app.SearchAsync("q=rapport&body=COM-RABAT");

        Assert.Equal((2, true), (ranked.GetProperty("total").GetInt64(), ranked.GetProperty("totalExact").GetBoolean()));
        // the older entry has the words in its title, the other in its summary: the older comes first
        Assert.Equal(["Archives anciennes : le rapport", "Inventaire de la commune"],
            ranked.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()));
        Assert.Equal("Archives anciennes : le rapport", Assert.Single(filtered.GetProperty("items").EnumerateArray()).GetProperty("title").GetString());
        Assert.True(filtered.GetProperty("totalExact").GetBoolean());
    }

    [Fact]
    public async Task Indexes_what_is_published_again_when_it_starts_on_an_empty_index()
    {
        using (var scope = _app.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<IntakeDbContext>().Database
                .ExecuteSqlRawAsync("INSERT INTO publication_search (publication_search) VALUES ('delete-all')");
        Assert.Equal(0, (await _app.SearchAsync("q=archives")).GetProperty("total").GetInt64());

        await using var restarted = await _app.RestartAsync();
        var found = await restarted.SearchAsync("q=archives&body=COM-RABAT");

        Assert.Equal("Archives anciennes : le rapport", Assert.Single(found.GetProperty("items").EnumerateArray()).GetProperty("title").GetString());
        Assert.Equal(1000, (await restarted.SearchAsync("q=rapport")).GetProperty("total").GetInt64());
    }
}
