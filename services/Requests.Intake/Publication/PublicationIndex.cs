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

/// <summary>
/// The full-text index over everything published, kept in the transaction that publishes, replaces or withdraws: SQLite
/// FTS5 (bm25) on the embedded default, PostgreSQL's full text search ('simple' configuration, ts_rank) otherwise. Both
/// hold text normalised by <see cref="SearchText"/>, and the query is normalised the same way.
/// </summary>
public sealed class PublicationIndex(DatabaseProvider provider)
{
    public bool IsSqlite => provider.IsSqlite;

    /// <summary>Puts the item in the index (again, after a replacement); the caller's transaction commits it.</summary>
    public async Task PutAsync(IntakeDbContext db, PublishedItem item, CancellationToken cancellationToken)
    {
        var (title, body) = item.IndexedText;
        await RemoveAsync(db, item.Number, cancellationToken);
        await ExecuteAsync(db, provider.IsSqlite
            ? "INSERT INTO publication_search (rowid, title, body) VALUES (@p0, @p1, @p2)"
            : "INSERT INTO publication_search (number, document) VALUES (@p0, setweight(to_tsvector('simple', @p1), 'A') || setweight(to_tsvector('simple', @p2), 'B'))",
            cancellationToken, item.Number, title, body);
    }

    public Task RemoveAsync(IntakeDbContext db, long number, CancellationToken cancellationToken) =>
        ExecuteAsync(db, provider.IsSqlite ? "DELETE FROM publication_search WHERE rowid = @p0" : "DELETE FROM publication_search WHERE number = @p0",
            cancellationToken, number);

    /// <summary>The numbers of one page of matching published items, best first, and how many match in all.</summary>
    public async Task<(List<long> Numbers, long Total)> SearchAsync(IntakeDbContext db, SearchQuery query, CancellationToken cancellationToken)
    {
        var words = SearchText.Words(query.Q);
        if (words.Count == 0)
            return ([], 0);
        var filters = new StringBuilder("p.state = 'published'");
        var values = new List<object?> { Match(words, query.Prefix) };
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
        var (from, rank, order) = provider.IsSqlite
            ? ("publication_search s JOIN published_items p ON p.number = s.rowid WHERE publication_search MATCH @p0",
                "bm25(publication_search, 4.0, 1.0)", "ASC")
            : ("publication_search s JOIN published_items p ON p.number = s.number WHERE s.document @@ to_tsquery('simple', @p0)",
                "ts_rank(s.document, to_tsquery('simple', @p0))", "DESC");
        var where = $"{from} AND {filters}";
        var connection = await OpenAsync(db, cancellationToken);
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        long total;
        await using (var count = Commands.Prepare(connection, $"SELECT count(*) FROM {where}", values.Count, transaction))
        {
            Commands.Bind(count, [.. values]);
            total = Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }
        var numbers = new List<long>();
        if (total == 0)
            return (numbers, 0);
        values.Add(query.PageSize);
        values.Add((query.Page - 1) * query.PageSize);
        var sql = $"SELECT p.number FROM {where} ORDER BY {rank} {order}, p.date DESC, p.number DESC LIMIT @p{values.Count - 2} OFFSET @p{values.Count - 1}";
        await using var page = Commands.Prepare(connection, sql, values.Count, transaction);
        Commands.Bind(page, [.. values]);
        await using var reader = await page.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            numbers.Add(reader.GetInt64(0));
        return (numbers, total);
    }

    /// <summary>Every word must be there; the last one, when <paramref name="prefix"/>, as the beginning of a word.</summary>
    private string Match(List<string> words, bool prefix) => provider.IsSqlite
        ? string.Join(' ', words.Select((w, i) => $"\"{w}\"" + (prefix && i == words.Count - 1 ? "*" : "")))
        : string.Join(" & ", words.Select((w, i) => w + (prefix && i == words.Count - 1 ? ":*" : "")));

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
