using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Requests.Intake.Storage;
using Requests.ServiceDefaults.Data;

namespace Requests.Intake.Publication;

/// <summary>What a visitor looks for: words (optional) and filters; <see cref="Prefix"/> matches the last word as a beginning.</summary>
public sealed record SearchQuery(string? Q, string? Kind = null, string? Body = null, string? Sector = null, string? Category = null,
    int? Year = null, string? Outcome = null, int Page = 1, int PageSize = 20, bool Prefix = false);

/// <summary>A search's SQL: <see cref="Values"/> for the count; <see cref="PageValues"/> for a page, null past the counted ones.</summary>
public sealed record SearchStatements(string Count, string Ranked, string Latest, object?[] Values)
{
    public object?[]? PageValues(SearchQuery query)
    {
        var skip = (query.Page - 1) * query.PageSize;
        return skip >= PublicationIndex.CountLimit ? null : [.. Values, Math.Min(query.PageSize, PublicationIndex.CountLimit - skip), skip];
    }
}

/// <summary>
/// The full-text index over everything published, kept in the transaction that publishes, replaces or withdraws: SQLite
/// FTS5 (bm25) on the embedded default, PostgreSQL's full text search ('simple' configuration, ts_rank) otherwise. Both
/// hold text normalised by <see cref="SearchText"/>, and the query is normalised the same way. On SQLite the index also
/// holds each item's filter values as words of a column of their own (<c>facets</c>: <c>bodymef year2026</c>...), so
/// that words and filters are one index query; on PostgreSQL the filters are the items' columns, which its planner
/// combines with the index.
/// </summary>
public sealed class PublicationIndex(DatabaseProvider provider)
{
    public bool IsSqlite => provider.IsSqlite;

    /// <summary>Puts the item in the index (again, after a replacement); the caller's transaction commits it.</summary>
    public async Task PutAsync(IntakeDbContext db, PublishedItem item, CancellationToken cancellationToken)
    {
        var (title, body) = item.IndexedText;
        await RemoveAsync(db, item.Number, cancellationToken);
        if (provider.IsSqlite)
            await ExecuteAsync(db, "INSERT INTO publication_search (rowid, title, body, facets) VALUES (@p0, @p1, @p2, @p3)",
                cancellationToken, item.Number, title, body, Facets(item));
        else
            await ExecuteAsync(db, "INSERT INTO publication_search (number, document) VALUES (@p0, setweight(to_tsvector('simple', @p1), 'A') || setweight(to_tsvector('simple', @p2), 'B'))",
                cancellationToken, item.Number, title, body);
    }

    public Task RemoveAsync(IntakeDbContext db, long number, CancellationToken cancellationToken) =>
        ExecuteAsync(db, provider.IsSqlite ? "DELETE FROM publication_search WHERE rowid = @p0" : "DELETE FROM publication_search WHERE number = @p0",
            cancellationToken, number);

    /// <summary>
    /// Indexes every published item when the index is empty but items are published (the index was made anew by a
    /// migration): once, before the service takes requests.
    /// </summary>
    public async Task FillAsync(IntakeDbContext db, CancellationToken cancellationToken)
    {
        if (!provider.IsSqlite || await db.Database.SqlQueryRaw<int>("SELECT 1 AS \"Value\" FROM publication_search LIMIT 1").AnyAsync(cancellationToken))
            return;
        var after = 0L;
        while (await db.PublishedItems.AsNoTracking().Where(p => p.State == PublicationStates.Published && p.Number > after)
                   .OrderBy(p => p.Number).Take(2000).ToListAsync(cancellationToken) is { Count: > 0 } batch)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            foreach (var item in batch)
                await PutAsync(db, item, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            after = batch[^1].Number;
        }
    }

    /// <summary>The item's filter values as the index's words: <c>kindanswer bodycomrabat sectorministry year2026 ...</c>.</summary>
    public static string Facets(PublishedItem item) => string.Join(' ', new[]
    {
        Facet("kind", item.Kind), Facet("body", item.BodyCode), Facet("sector", item.Sector),
        Facet("year", item.Date.Year.ToString(CultureInfo.InvariantCulture)), Facet("category", item.Category), Facet("outcome", item.Outcome),
    }.Where(f => f is not null));

    private static string? Facet(string name, string? value) => string.IsNullOrWhiteSpace(value) ? null
        : name + new string([.. value.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit)]);

    /// <summary>How many matching items a search counts and lists at most; beyond, it says "more than" this.</summary>
    public const int CountLimit = 1000;

    /// <summary>
    /// The numbers of one page of matching published items and how many match, counted up to <see cref="CountLimit"/>
    /// (<c>Exact</c> false beyond, and no page past that many). Up to that many, best first (bm25, a title's words weigh
    /// four times a body's); beyond, the latest published first without ranking: common words match much of what is
    /// published, and ranking or counting all of it is work no visitor waits for.
    /// </summary>
    public async Task<(List<long> Numbers, long Total, bool Exact)> SearchAsync(IntakeDbContext db, SearchQuery query, CancellationToken cancellationToken)
    {
        if (Statements(provider.IsSqlite, query) is not { } sql)
            return ([], 0, true);
        var connection = await OpenAsync(db, cancellationToken);
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        long total;
        await using (var count = Commands.Prepare(connection, sql.Count, sql.Values.Length, transaction))
        {
            Commands.Bind(count, sql.Values);
            total = Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }
        var (exact, numbers) = (total <= CountLimit, new List<long>());
        if (sql.PageValues(query) is { } values)
        {
            await using var page = Commands.Prepare(connection, exact ? sql.Ranked : sql.Latest, values.Length, transaction);
            Commands.Bind(page, values);
            await using var reader = await page.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                numbers.Add(reader.GetInt64(0));
        }
        return (numbers, Math.Min(total, CountLimit), exact);
    }

    /// <summary>
    /// A search's statements, null without words: the count (up to one past <see cref="CountLimit"/>), then a page best
    /// first (<c>Ranked</c>) or latest first (<c>Latest</c>); every word must be there, the last one, when
    /// <see cref="SearchQuery.Prefix"/>, as the beginning of a word. The filters are in the same query.
    /// </summary>
    public static SearchStatements? Statements(bool sqlite, SearchQuery query)
    {
        var words = SearchText.QueryWords(query.Q);
        if (words.Count == 0)
            return null;
        if (sqlite)
        {
            // the words in the titles and bodies, the filters in the facets: FTS5 intersects them
            string?[] facets = [Facet("kind", query.Kind), Facet("body", query.Body), Facet("sector", query.Sector),
                Facet("year", query.Year?.ToString(CultureInfo.InvariantCulture)), Facet("category", query.Category), Facet("outcome", query.Outcome)];
            var match = $"{{title body}} : ({string.Join(' ', words.Select((w, i) => $"\"{w}\"" + (IsPrefix(query, words, i) ? "*" : "")))})"
                + (facets.Any(f => f is not null) ? $" AND facets : ({string.Join(' ', facets.Where(f => f is not null))})" : "");
            const string Where = "publication_search WHERE publication_search MATCH @p0";
            return new SearchStatements($"SELECT count(*) FROM (SELECT 1 FROM {Where} LIMIT {CountLimit + 1})",
                $"SELECT rowid FROM {Where} ORDER BY bm25(publication_search, 4.0, 1.0, 0.0), rowid DESC LIMIT @p1 OFFSET @p2",
                $"SELECT rowid FROM {Where} ORDER BY rowid DESC LIMIT @p1 OFFSET @p2", [match]);
        }
        var filters = new StringBuilder();
        var values = new List<object?> { string.Join(" & ", words.Select((w, i) => w + (IsPrefix(query, words, i) ? ":*" : ""))) };
        Filter(filters, values, "p.kind", query.Kind);
        Filter(filters, values, "p.body_code", query.Body?.ToUpperInvariant());
        Filter(filters, values, "p.sector", query.Sector);
        Filter(filters, values, "p.category", query.Category);
        Filter(filters, values, "p.outcome", query.Outcome);
        if (query.Year is { } year)
        {
            filters.Append(CultureInfo.InvariantCulture, $" AND p.date BETWEEN @p{values.Count} AND @p{values.Count + 1}");
            values.Add(new DateOnly(year, 1, 1));
            values.Add(new DateOnly(year, 12, 31));
        }
        // the index holds only what is published: the items are read only for the filters
        var where = "publication_search s" + (filters.Length == 0 ? "" : " JOIN published_items p ON p.number = s.number")
            + $" WHERE s.document @@ to_tsquery('simple', @p0){filters}";
        var page = $"LIMIT @p{values.Count} OFFSET @p{values.Count + 1}";
        return new SearchStatements($"SELECT count(*) FROM (SELECT 1 FROM {where} LIMIT {CountLimit + 1}) c",
            $"SELECT s.number FROM {where} ORDER BY ts_rank(s.document, to_tsquery('simple', @p0)) DESC, s.number DESC {page}",
            $"SELECT s.number FROM {where} ORDER BY s.number DESC {page}", [.. values]);
    }

    /// <summary>The last word, while typed, matches as a word's beginning once it has three letters: fewer begin too many words.</summary>
    private static bool IsPrefix(SearchQuery query, List<string> words, int i) => query.Prefix && i == words.Count - 1 && words[i].Length >= 3;

    private static void Filter(StringBuilder filters, List<object?> values, string column, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return;
        filters.Append(CultureInfo.InvariantCulture, $" AND {column} = @p{values.Count}");
        values.Add(value);
    }

    private static async Task<DbConnection> OpenAsync(IntakeDbContext db, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        return db.Database.GetDbConnection();
    }

    private static async Task ExecuteAsync(IntakeDbContext db, string sql, CancellationToken cancellationToken, params object?[] values)
    {
        var connection = await OpenAsync(db, cancellationToken);
        await using var command = Commands.Prepare(connection, sql, values.Length, db.Database.CurrentTransaction?.GetDbTransaction());
        Commands.Bind(command, values);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
