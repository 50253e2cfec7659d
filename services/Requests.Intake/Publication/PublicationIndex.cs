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

/// <summary>One statement of a search and its values (<c>@p0</c>, <c>@p1</c>...).</summary>
public sealed record SearchStatement(string Sql, object?[] Values);

/// <summary>
/// A search's SQL: <see cref="Matches"/> lists the matching items' numbers, newest first, up to one past
/// <see cref="PublicationIndex.CountLimit"/>; <see cref="Titles"/> those of them with every word in their title.
/// </summary>
public sealed record SearchStatements(SearchStatement Matches, SearchStatement Titles);

/// <summary>
/// The full-text index over everything published, kept in the transaction that publishes, replaces or withdraws: SQLite
/// FTS5 on the embedded default, PostgreSQL's full text search ('simple' configuration, a title's words weighted A)
/// otherwise. Both
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
    /// (<c>Exact</c> false beyond, and no page past that many). Up to that many, the items with every word in their
    /// title first, then the others, each newest first; beyond, the newest first: common words match much of what is
    /// published, and counting or ordering all of it is work no visitor waits for. The order needs no statistics over
    /// the whole index (bm25 reads every item a word is in, at each search, to weigh it): a search costs what its
    /// matches cost.
    /// </summary>
    public async Task<(List<long> Numbers, long Total, bool Exact)> SearchAsync(IntakeDbContext db, SearchQuery query, CancellationToken cancellationToken)
    {
        if (Statements(provider.IsSqlite, query) is not { } sql)
            return ([], 0, true);
        var connection = await OpenAsync(db, cancellationToken);
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var matches = await NumbersAsync(connection, transaction, sql.Matches, cancellationToken);
        var exact = matches.Count <= CountLimit;
        if (exact && matches.Count > 1)
        {
            var inTitle = (await NumbersAsync(connection, transaction, sql.Titles, cancellationToken)).ToHashSet();
            matches = [.. matches.OrderBy(n => !inTitle.Contains(n))]; // a stable sort: each part stays newest first
        }
        var skip = (query.Page - 1) * query.PageSize;
        return ([.. matches.Take(CountLimit).Skip(skip).Take(query.PageSize)], Math.Min(matches.Count, CountLimit), exact);
    }

    /// <summary>The numbers a statement reads, in its order.</summary>
    public static async Task<List<long>> NumbersAsync(DbConnection connection, DbTransaction? transaction, SearchStatement statement,
        CancellationToken cancellationToken)
    {
        var numbers = new List<long>();
        await using var command = Commands.Prepare(connection, statement.Sql, statement.Values.Length, transaction);
        Commands.Bind(command, statement.Values);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            numbers.Add(reader.GetInt64(0));
        return numbers;
    }

    /// <summary>
    /// A search's statements, null without words: every word must be there (in the title, for <c>Titles</c>), the last
    /// one, when <see cref="SearchQuery.Prefix"/>, as the beginning of a word. The filters are in the same query.
    /// </summary>
    public static SearchStatements? Statements(bool sqlite, SearchQuery query)
    {
        var words = SearchText.QueryWords(query.Q);
        if (words.Count == 0)
            return null;
        var newest = $" DESC LIMIT {CountLimit + 1}";
        if (sqlite)
        {
            // the words in the titles and bodies, the filters in the facets: FTS5 intersects them
            string?[] facets = [Facet("kind", query.Kind), Facet("body", query.Body), Facet("sector", query.Sector),
                Facet("year", query.Year?.ToString(CultureInfo.InvariantCulture)), Facet("category", query.Category), Facet("outcome", query.Outcome)];
            var filters = facets.Any(f => f is not null) ? $" AND facets : ({string.Join(' ', facets.Where(f => f is not null))})" : "";
            string Match(string columns) =>
                $"{{{columns}}} : ({string.Join(' ', words.Select((w, i) => $"\"{w}\"" + (IsPrefix(query, words, i) ? "*" : "")))})" + filters;
            var sql = "SELECT rowid FROM publication_search WHERE publication_search MATCH @p0 ORDER BY rowid" + newest;
            return new SearchStatements(new SearchStatement(sql, [Match("title body")]), new SearchStatement(sql, [Match("title")]));
        }
        // @p0 is the words, the filters' values follow
        var conditions = new StringBuilder();
        var values = new List<object?>();
        Filter(conditions, values, "p.kind", query.Kind);
        Filter(conditions, values, "p.body_code", query.Body?.ToUpperInvariant());
        Filter(conditions, values, "p.sector", query.Sector);
        Filter(conditions, values, "p.category", query.Category);
        Filter(conditions, values, "p.outcome", query.Outcome);
        if (query.Year is { } year)
        {
            conditions.Append(CultureInfo.InvariantCulture, $" AND p.date BETWEEN @p{values.Count + 1} AND @p{values.Count + 2}");
            values.Add(new DateOnly(year, 1, 1));
            values.Add(new DateOnly(year, 12, 31));
        }
        // the index holds only what is published: the items are read only for the filters; a title's words have the weight A
        var select = "SELECT s.number FROM publication_search s" + (conditions.Length == 0 ? "" : " JOIN published_items p ON p.number = s.number")
            + $" WHERE s.document @@ to_tsquery('simple', @p0){conditions} ORDER BY s.number" + newest;
        // "word", "word:A" (in the title), "word:*" (a beginning), "word:*A"
        object?[] With(string weight) => [string.Join(" & ", words.Select((w, i) =>
            w + (IsPrefix(query, words, i) ? ":*" + weight : weight.Length > 0 ? ":" + weight : ""))), .. values];
        return new SearchStatements(new SearchStatement(select, With("")), new SearchStatement(select, With("A")));
    }

    /// <summary>The last word, while typed, matches as a word's beginning once it has three letters: fewer begin too many words.</summary>
    private static bool IsPrefix(SearchQuery query, List<string> words, int i) => query.Prefix && i == words.Count - 1 && words[i].Length >= 3;

    private static void Filter(StringBuilder filters, List<object?> values, string column, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return;
        filters.Append(CultureInfo.InvariantCulture, $" AND {column} = @p{values.Count + 1}");
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
