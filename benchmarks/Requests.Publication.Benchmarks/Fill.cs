using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;
using Requests.Intake.Publication;

/// <summary>Writes the generated items and their index entries straight into the service's tables, as publishing would.</summary>
static class Fill
{
    private static readonly string[] Columns = ["number", "id", "kind", "body_code", "sector", "date", "version", "state", "updated_by", "updated_at",
        "category", "title_fr", "title_ar", "summary_fr", "summary_ar", "subject", "question", "answer", "outcome", "filed_on", "delay_working_days"];

    private static object?[] Values(Generated g)
    {
        var p = g.Item;
        return [p.Number, p.Id.ToString(), p.Kind, p.BodyCode, p.Sector, Day(p.Date), p.Version, p.State, p.UpdatedBy, "2026-12-01 00:00:00",
            p.Category, p.TitleFr, p.TitleAr, p.SummaryFr, p.SummaryAr, p.Subject, p.Question, p.Answer, p.Outcome,
            p.FiledOn is { } filed ? Day(filed) : null, p.DelayWorkingDays];
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The items generated on the other core while this one writes them, in order.</summary>
    private static IEnumerable<Generated> Generate(Generator generator, int items)
    {
        const int Batch = 2000;
        var next = Task.Run(() => Make(1));
        for (var start = 1; start <= items; start += Batch)
        {
            var batch = next.Result;
            var following = start + Batch;
            next = following <= items ? Task.Run(() => Make(following)) : Task.FromResult(Array.Empty<Generated>());
            foreach (var g in batch)
                yield return g;
            if ((start - 1) / Batch % 50 == 49)
                Console.WriteLine($"  {start + Batch - 1:N0} items");
        }
        Generated[] Make(int from) => [.. Enumerable.Range(from, Math.Min(Batch, items - from + 1)).Select(n => generator.Item(n, items))];
    }

    public static async Task SqliteAsync(Generator generator, string database, int items)
    {
        await using var connection = new SqliteConnection($"Data Source={database}");
        await connection.OpenAsync();
        await Sqlite(connection, "PRAGMA journal_mode = WAL; PRAGMA synchronous = OFF;");
        var transaction = connection.BeginTransaction();
        var item = connection.CreateCommand();
        item.CommandText = $"INSERT INTO published_items ({string.Join(", ", Columns)}) VALUES ({string.Join(", ", Columns.Select(c => "$" + c))})";
        foreach (var column in Columns)
            item.Parameters.Add(new SqliteParameter("$" + column, null));
        var index = connection.CreateCommand();
        index.CommandText = "INSERT INTO publication_search (rowid, title, body, facets) VALUES ($n, $t, $b, $f)";
        foreach (var parameter in new[] { "$n", "$t", "$b", "$f" })
            index.Parameters.Add(new SqliteParameter(parameter, null));
        foreach (var g in Generate(generator, items))
        {
            if (g.Item.Number % 5000 == 1 && g.Item.Number > 1)
            {
                transaction.Commit();
                transaction = connection.BeginTransaction();
            }
            (item.Transaction, index.Transaction) = (transaction, transaction);
            var values = Values(g);
            for (var i = 0; i < values.Length; i++)
                item.Parameters[i].Value = values[i] ?? DBNull.Value;
            await item.ExecuteNonQueryAsync();
            (index.Parameters[0].Value, index.Parameters[1].Value, index.Parameters[2].Value, index.Parameters[3].Value) =
                (g.Item.Number, g.Title, g.Body, PublicationIndex.Facets(g.Item));
            await index.ExecuteNonQueryAsync();
        }
        transaction.Commit();
        await Sqlite(connection, "INSERT INTO publication_search (publication_search) VALUES ('optimize'); ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);");
        Console.WriteLine($"  {new FileInfo(database).Length / 1024 / 1024:N0} MiB");
    }

    /// <summary>COPY into the items and a staging table, then the tsvectors computed as the service does, and the GIN index built once.</summary>
    public static async Task PostgresAsync(Generator generator, string connectionString, int items)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await Postgres(connection, "DROP INDEX ix_publication_search_document; CREATE UNLOGGED TABLE staging (number bigint, title text, body text)");
        var staging = Path.Combine(Path.GetTempPath(), $"publication-staging-{Environment.ProcessId}.tsv");
        await using (var itemsCopy = await connection.BeginTextImportAsync($"COPY published_items ({string.Join(", ", Columns)}) FROM STDIN"))
        await using (var stagingFile = File.CreateText(staging))
        {
            foreach (var g in Generate(generator, items))
            {
                await itemsCopy.WriteLineAsync(string.Join('\t', Values(g).Select(v => v switch { null => @"\N", _ => Convert.ToString(v, CultureInfo.InvariantCulture) })));
                await stagingFile.WriteLineAsync($"{g.Item.Number}\t{g.Title}\t{g.Body}");
            }
        }
        await using (var copy = await connection.BeginTextImportAsync("COPY staging FROM STDIN"))
        using (var reader = File.OpenText(staging))
        {
            var buffer = new char[1 << 16];
            for (int read; (read = await reader.ReadAsync(buffer)) > 0;)
                await copy.WriteAsync(buffer.AsMemory(0, read));
        }
        File.Delete(staging);
        await Postgres(connection, """
            INSERT INTO publication_search (number, document)
                SELECT number, setweight(to_tsvector('simple', title), 'A') || setweight(to_tsvector('simple', body), 'B') FROM staging;
            DROP TABLE staging;
            CREATE INDEX ix_publication_search_document ON publication_search USING GIN (document);
            """);
        await Postgres(connection, "VACUUM ANALYZE published_items");
        await Postgres(connection, "VACUUM ANALYZE publication_search");
    }

    public static async Task ExecuteAsync(string server, string sql)
    {
        await using var connection = new NpgsqlConnection($"{server};Database=postgres;Pooling=false");
        await connection.OpenAsync();
        await Postgres(connection, sql);
    }

    private static async Task Sqlite(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task Postgres(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }
}
