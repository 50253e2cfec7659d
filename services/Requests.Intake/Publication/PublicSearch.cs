using Microsoft.EntityFrameworkCore;
using Requests.Intake.Bodies;
using Requests.Intake.Storage;

namespace Requests.Intake.Publication;

/// <summary>Reads what is published, for everyone: a page of a search, or of the latest items when no words are given.</summary>
public sealed class PublicSearch(IntakeDbContext db, PublicationIndex index, BodyDirectory bodies)
{
    /// <summary>
    /// One page and how many match, counted up to <see cref="PublicationIndex.CountLimit"/> (<c>Exact</c> false beyond,
    /// and no page past that many): words through the index, filters alone through the items' indexes, newest first.
    /// </summary>
    public async Task<(List<PublishedItem> Items, long Total, bool Exact)> FindAsync(SearchQuery query, CancellationToken cancellationToken)
    {
        if (SearchText.Words(query.Q).Count == 0)
        {
            var filtered = Filtered(query);
            var total = await filtered.Take(PublicationIndex.CountLimit + 1).LongCountAsync(cancellationToken);
            var skip = (query.Page - 1) * query.PageSize;
            var latest = skip >= PublicationIndex.CountLimit ? [] : await filtered.OrderByDescending(p => p.Date).ThenByDescending(p => p.Number)
                .Skip(skip).Take(Math.Min(query.PageSize, PublicationIndex.CountLimit - skip)).ToListAsync(cancellationToken);
            return (latest, Math.Min(total, PublicationIndex.CountLimit), total <= PublicationIndex.CountLimit);
        }
        var (numbers, count, exact) = await index.SearchAsync(db, query, cancellationToken);
        var rows = await db.PublishedItems.AsNoTracking().Where(p => numbers.Contains(p.Number)).ToDictionaryAsync(p => p.Number, cancellationToken);
        return ([.. numbers.Where(rows.ContainsKey).Select(n => rows[n])], count, exact);
    }

    public async Task<SearchPage> PageAsync(SearchQuery query, CancellationToken cancellationToken)
    {
        var (items, total, exact) = await FindAsync(query, cancellationToken);
        return new SearchPage(total, exact, query.Page, query.PageSize, [.. items.Select(p => PublicItem.Of(p, bodies, Snippet(p, query.Q, query.Prefix)))]);
    }

    /// <summary>Every published item of the filters, newest first, streamed (no words: the whole open data set).</summary>
    public IAsyncEnumerable<PublishedItem> AllAsync(SearchQuery query) =>
        Filtered(query).OrderByDescending(p => p.Date).ThenByDescending(p => p.Number).AsAsyncEnumerable();

    private IQueryable<PublishedItem> Filtered(SearchQuery q)
    {
        var items = db.PublishedItems.AsNoTracking().Where(p => p.State == PublicationStates.Published);
        if (!string.IsNullOrWhiteSpace(q.Kind)) items = items.Where(p => p.Kind == q.Kind);
        if (!string.IsNullOrWhiteSpace(q.Body)) { var body = q.Body.ToUpperInvariant(); items = items.Where(p => p.BodyCode == body); }
        if (!string.IsNullOrWhiteSpace(q.Sector)) items = items.Where(p => p.Sector == q.Sector);
        if (!string.IsNullOrWhiteSpace(q.Category)) items = items.Where(p => p.Category == q.Category);
        if (!string.IsNullOrWhiteSpace(q.Outcome)) items = items.Where(p => p.Outcome == q.Outcome);
        if (q.Year is { } year)
        {
            var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
            items = items.Where(p => p.Date >= from && p.Date <= to);
        }
        return items;
    }

    /// <summary>
    /// A few words of the item's text around the first word searched for (8 before, 13 after), as plain text (the page
    /// escapes it); null when no words were given or none is found outside the title. The text is read up to there only.
    /// </summary>
    public static string? Snippet(PublishedItem p, string? q, bool prefix)
    {
        var wanted = SearchText.QueryWords(q);
        if (wanted.Count == 0)
            return null;
        var text = p.Kind == PublicationKinds.Answer ? $"{p.Question} {p.Answer}" : $"{p.SummaryFr} {p.SummaryAr}";
        var words = new List<(string Word, int Start, int End)>();
        var at = -1;
        foreach (var w in SearchText.Located(text))
        {
            words.Add(w);
            if (at < 0 && wanted.Any(x => w.Word == x || (prefix || x.Length >= 4) && w.Word.StartsWith(x, StringComparison.Ordinal)))
                at = words.Count - 1;
            // 13 words after the one found, and one more to know that the text goes on
            if (at >= 0 && words.Count == at + 15)
                break;
        }
        if (at < 0)
            return null;
        var (from, to) = (Math.Max(0, at - 8), Math.Min(words.Count, at + 14));
        return (from > 0 ? "… " : "") + text[words[from].Start..words[to - 1].End] + (to < words.Count ? " …" : "");
    }
}
