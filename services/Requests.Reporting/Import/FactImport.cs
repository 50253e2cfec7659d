using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Requests.Domain.Deadlines;
using Requests.Reporting.Facts;
using Requests.Reporting.Reports;
using Requests.Reporting.Storage;
using Requests.ServiceDefaults.Calendar;
using Requests.ServiceDefaults.Data;

namespace Requests.Reporting.Import;

/// <summary>A line refused, by its number in the file (the header is line 1).</summary>
public sealed record ImportError(long Line, string Message);

/// <param name="Rows">Rows read.</param>
/// <param name="Added">Cases new to the database; the others were already there (a file imported again changes nothing).</param>
/// <param name="Years">The years of receipt of the rows.</param>
public sealed record ImportResult(long Rows, long Added, IReadOnlyList<int> Years, IReadOnlyList<ImportError> Errors);

/// <summary>The <c>Reporting:Import</c> settings.</summary>
public sealed class ImportOptions
{
    /// <summary>
    /// The largest file: a national year with room to spare. chikaya.ma receives about 186,000 complaints a year; with
    /// the information requests, say 400,000 cases, at about 300 bytes a line (a body's name in full), 120 MB: 256 MiB
    /// holds twice that.
    /// </summary>
    public long MaxBytes { get; set; } = 256L << 20;

    /// <summary>A line longer than this is refused: a true one, a long body name included, is under 1,000.</summary>
    public int MaxLineLength { get; set; } = 4096;

    /// <summary>Rows written per transaction: events wait at most one batch for the write lock.</summary>
    public int BatchRows { get; set; } = 5000;
}

/// <summary>
/// Imports a historical CSV file, all or nothing as to its lines: the whole file is checked first (every bad line named,
/// up to <see cref="MaxErrors"/>, a case known from the events included), and only a file without a bad line is
/// written, in batches of <see cref="ImportOptions.BatchRows"/> rows, each its own transaction, so that events are
/// handled between them rather than wait for the whole file. An import adds historical cases: a case of the events is
/// never touched; one imported before is replaced by the file's row, so importing the same file again leaves the facts
/// as they were (and finishes an import stopped half-way). Each row written carries its year's new data version, so
/// that reports catch up on them (see <see cref="FactCache"/>).
/// </summary>
public sealed class FactImport(ReportingDbContext db, WriteGate writes, PublishedCalendar calendar, ImportOptions? options = null)
{
    public const int MaxErrors = 100;

    private const int LookupBatch = 500;

    private readonly ImportOptions _options = options ?? new ImportOptions();

    private const string InsertFact = """
        INSERT INTO case_facts (case_id, body_id, theme_id, codes, received_day, due_day, answered_day, sequence, due_set_at, source, year, version)
        VALUES (@case, @body, @theme, @codes, @received, @due, @answered, 0, 0, 'import', @year, @version)
        ON CONFLICT (case_id) DO NOTHING
        """;

    private const string FindFact = "SELECT id, received_day FROM case_facts WHERE case_id = @case AND source = 'import'";

    private const string ReplaceFact = """
        UPDATE case_facts SET body_id = @body, theme_id = @theme, codes = @codes, received_day = @received, due_day = @due,
            answered_day = @answered, closed_day = NULL, year = @year, version = @version
        WHERE id = @id AND source = 'import' AND NOT (body_id = @body AND theme_id = @theme AND codes = @codes
            AND COALESCE(received_day, -1) = @received AND COALESCE(due_day, -1) = @due
            AND COALESCE(answered_day, -1) = COALESCE(@answered, -1) AND closed_day IS NULL)
        """;

    private const string UpsertBody = """
        INSERT INTO bodies (code, name, sector, region) VALUES (@code, @name, @sector, @region)
        ON CONFLICT (code) DO UPDATE SET name = excluded.name, sector = excluded.sector, region = excluded.region
        RETURNING id
        """;

    private const string UpsertTheme = """
        INSERT INTO themes (code) VALUES (@code) ON CONFLICT (code) DO UPDATE SET code = excluded.code RETURNING id
        """;

    /// <summary>Imports <paramref name="csv"/> (UTF-8), read twice: a stream that cannot seek is kept in a temporary file.</summary>
    public async Task<ImportResult> ImportAsync(Stream csv, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(csv);
        FileStream? spool = null;
        try
        {
            if (!csv.CanSeek)
            {
                spool = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16,
                    FileOptions.DeleteOnClose | FileOptions.Asynchronous);
                await csv.CopyToAsync(spool, cancellationToken);
                spool.Position = 0;
                csv = spool;
            }
            var start = csv.Position;
            var years = new HashSet<int>();
            var (rows, errors) = await CheckAsync(Lines(csv), years, cancellationToken);
            if (errors.Count > 0)
                return new ImportResult(rows, 0, [], errors);
            csv.Position = start;
            var added = await WriteAsync(Lines(csv), cancellationToken);
            return new ImportResult(rows, added, [.. years.Order()], errors);
        }
        finally
        {
            if (spool is not null)
                await spool.DisposeAsync();
        }
    }

    private BoundedLines Lines(Stream csv) =>
        new(new StreamReader(csv, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true, 1 << 16, leaveOpen: true), _options.MaxLineLength);

    /// <summary>Each row of the file, parsed, with its line number; or the line's error.</summary>
    private async IAsyncEnumerable<(long Line, ImportRow? Row, string? Error)> RowsAsync(BoundedLines lines,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var (_, header) = await lines.NextAsync(cancellationToken);
        if (header?.TrimStart('\uFEFF').TrimEnd('\r') != ImportRow.Header)
        {
            yield return (1, null, $"the header must be: {ImportRow.Header}");
            yield break;
        }
        var rules = RuleBook.Current;
        var fields = new List<string>(16);
        long line = 1;
        while (await lines.NextAsync(cancellationToken) is (true, var text))
        {
            line++;
            if (text is null)
            {
                yield return (line, null, $"the line is longer than {_options.MaxLineLength} characters");
                continue;
            }
            if (text.Length == 0)
                continue;
            var (row, error) = CsvLine.TrySplit(text.TrimEnd('\r'), fields)
                ? ImportRow.Parse(fields, rules, calendar.Current)
                : (null, "a quoted field is not closed");
            yield return (line, row, error);
        }
    }

    /// <summary>The first reading: every line checked, nothing written.</summary>
    private async Task<(long Rows, List<ImportError> Errors)> CheckAsync(BoundedLines lines, HashSet<int> years, CancellationToken cancellationToken)
    {
        var errors = new List<ImportError>();
        void Refuse(long line, string error)
        {
            if (errors.Count < MaxErrors)
                errors.Add(new ImportError(line, error));
        }
        var seen = new HashSet<ulong>();
        var pending = new List<(long Line, string CaseId)>(LookupBatch);
        long rows = 0;
        await foreach (var (line, row, error) in RowsAsync(lines, cancellationToken))
        {
            if (line == 1)
                return (0, [new ImportError(1, error!)]);
            rows++;
            if (row is not null && !seen.Add(Hash(row.CaseId)))
                Refuse(line, $"case_id '{row.CaseId}' appears twice in the file");
            else if (row is null)
                Refuse(line, error!);
            else
            {
                years.Add(row.ReceivedOn.Year);
                pending.Add((line, row.CaseId));
                if (pending.Count == LookupBatch)
                    await RefuseLiveCasesAsync(pending, Refuse, cancellationToken);
            }
        }
        await RefuseLiveCasesAsync(pending, Refuse, cancellationToken);
        if (rows == 0 && errors.Count == 0)
            errors.Add(new ImportError(2, "the file has no rows"));
        errors.Sort((a, b) => a.Line.CompareTo(b.Line));
        return (rows, errors);
    }

    /// <summary>Refuses the lines whose case the events know: a live case's fact is never rewritten by a file.</summary>
    private async Task RefuseLiveCasesAsync(List<(long Line, string CaseId)> pending, Action<long, string> refuse, CancellationToken cancellationToken)
    {
        if (pending.Count == 0)
            return;
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
            await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT case_id FROM case_facts WHERE source = 'events' AND case_id IN ({string.Join(", ", pending.Select((_, i) => $"@c{i}"))})";
        for (var i = 0; i < pending.Count; i++)
            Commands.AddParameter(command, $"@c{i}", pending[i].CaseId);
        var live = new HashSet<string>(StringComparer.Ordinal);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
                live.Add(reader.GetString(0));
        }
        foreach (var (line, caseId) in pending.Where(p => live.Contains(p.CaseId)))
            refuse(line, $"case_id '{caseId}' is a case of this system, known from its events: an import adds historical cases only");
        pending.Clear();
    }

    /// <summary>The second reading, of a file without a bad line: the rows written a batch at a time; the cases added.</summary>
    private async Task<long> WriteAsync(BoundedLines lines, CancellationToken cancellationToken)
    {
        var bodies = new Dictionary<string, int>(StringComparer.Ordinal);
        var themes = new Dictionary<string, int>(StringComparer.Ordinal);
        var batch = new List<ImportRow>(_options.BatchRows);
        long added = 0;
        await foreach (var (_, row, _) in RowsAsync(lines, cancellationToken))
        {
            batch.Add(row!);
            if (batch.Count == _options.BatchRows)
                added += await WriteBatchAsync(batch, bodies, themes, cancellationToken);
        }
        if (batch.Count > 0)
            added += await WriteBatchAsync(batch, bodies, themes, cancellationToken);
        return added;
    }

    private async Task<long> WriteBatchAsync(List<ImportRow> batch, Dictionary<string, int> bodies, Dictionary<string, int> themes,
        CancellationToken cancellationToken)
    {
        await writes.EnterAsync(cancellationToken);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var added = await WriteRowsAsync(db, batch, transaction.GetDbTransaction(), bodies, themes, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            batch.Clear();
            return added;
        }
        finally
        {
            writes.Exit();
        }
    }

    private static async Task<long> WriteRowsAsync(ReportingDbContext db, List<ImportRow> batch, DbTransaction transaction,
        Dictionary<string, int> bodies, Dictionary<string, int> themes, CancellationToken cancellationToken)
    {
        var connection = transaction.Connection!;
        await using var fact = Commands.Prepare(connection, transaction, InsertFact, "@case", "@body", "@theme", "@codes", "@received", "@due", "@answered", "@year", "@version");
        await using var find = Commands.Prepare(connection, transaction, FindFact, "@case");
        await using var replace = Commands.Prepare(connection, transaction, ReplaceFact, "@body", "@theme", "@codes", "@received", "@due", "@answered", "@year", "@version", "@id");
        await using var body = Commands.Prepare(connection, transaction, UpsertBody, "@code", "@name", "@sector", "@region");
        await using var theme = Commands.Prepare(connection, transaction, UpsertTheme, "@code");
        // each year's new data version in this batch, taken when its first row comes: every row written carries it
        var versions = new Dictionary<int, long>();
        async Task<long> VersionAsync(int year)
        {
            if (!versions.TryGetValue(year, out var version))
                versions[year] = version = await FactBook.TouchYearAsync(db, year, cancellationToken);
            return version;
        }
        long added = 0;
        foreach (var row in batch)
        {
            var bodyKey = $"{row.BodyCode}\n{row.BodyName}\n{row.Sector}\n{row.Region}";
            if (!bodies.TryGetValue(bodyKey, out var bodyId))
                bodies[bodyKey] = bodyId = await ScalarAsync(body, cancellationToken, row.BodyCode, row.BodyName, row.Sector, row.Region);
            var themeId = 0;
            if (row.Theme is { } code && !themes.TryGetValue(code, out themeId))
                themes[code] = themeId = await ScalarAsync(theme, cancellationToken, code);
            var year = row.ReceivedOn.Year;
            var version = await VersionAsync(year);
            Commands.Bind(fact, row.CaseId, bodyId, themeId, row.Codes, row.ReceivedOn.DayNumber, row.DueOn.DayNumber, row.AnsweredOn?.DayNumber, year, version);
            if (await fact.ExecuteNonQueryAsync(cancellationToken) == 1)
            {
                added++;
                continue;
            }
            // imported before: replaced by the file's row (left as it is when the same), and gone from its former year
            // if it moved; a case that came from the events meanwhile is left alone
            Commands.Bind(find, row.CaseId);
            long id;
            int? before;
            await using (var reader = await find.ExecuteReaderAsync(cancellationToken))
            {
                if (!await reader.ReadAsync(cancellationToken))
                    continue;
                id = reader.GetInt64(0);
                before = reader.IsDBNull(1) ? null : reader.GetInt32(1);
            }
            Commands.Bind(replace, bodyId, themeId, row.Codes, row.ReceivedOn.DayNumber, row.DueOn.DayNumber, row.AnsweredOn?.DayNumber, year, version, id);
            await replace.ExecuteNonQueryAsync(cancellationToken);
            if (before is { } day && FactBook.YearOf(day) != year)
                await FactBook.DepartAsync(db, FactBook.YearOf(day), await VersionAsync(FactBook.YearOf(day)), id, cancellationToken);
        }
        return added;
    }

    private static async Task<int> ScalarAsync(DbCommand command, CancellationToken cancellationToken, params object?[] values)
    {
        Commands.Bind(command, values);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>FNV-1a, 64 bits: finds a case id repeated in a file of millions without keeping the ids.</summary>
    private static ulong Hash(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash ^= c;
            hash *= 1099511628211UL;
        }
        return hash;
    }
}
