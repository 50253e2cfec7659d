using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Requests.Domain.Calendar;
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

/// <summary>
/// Imports a historical CSV file in one transaction, all or nothing: rows are written as they are read (one prepared
/// insert per new case, no change tracking), and the first bad row stops the writing, rolls back, and the rest of the
/// file is still checked so that the answer lists every bad line (up to <see cref="MaxErrors"/>). A case already
/// present is replaced by the file's row, so importing the same file again leaves the facts as they were. Each row
/// written carries its year's new data version, so that reports catch up on them (see <see cref="FactCache"/>).
/// </summary>
public sealed class FactImport(ReportingDbContext db, WriteGate writes, PublishedCalendar calendar)
{
    public const int MaxErrors = 100;

    private const string InsertFact = """
        INSERT INTO case_facts (case_id, body_id, theme_id, codes, received_day, due_day, answered_day, sequence, due_set_at, source, year, version)
        VALUES (@case, @body, @theme, @codes, @received, @due, @answered, 0, 0, 'import', @year, @version)
        ON CONFLICT (case_id) DO NOTHING
        """;

    private const string FindFact = "SELECT id, received_day FROM case_facts WHERE case_id = @case";

    private const string ReplaceFact = """
        UPDATE case_facts SET body_id = @body, theme_id = @theme, codes = @codes, received_day = @received, due_day = @due,
            answered_day = @answered, closed_day = NULL, source = 'import', year = @year, version = @version
        WHERE id = @id AND NOT (body_id = @body AND theme_id = @theme AND codes = @codes
            AND COALESCE(received_day, -1) = @received AND COALESCE(due_day, -1) = @due
            AND COALESCE(answered_day, -1) = COALESCE(@answered, -1) AND closed_day IS NULL AND source = 'import')
        """;

    private const string AddDeparture = "INSERT INTO fact_departures (year, version, fact_id) VALUES (@year, @version, @id)";

    private const string UpsertBody = """
        INSERT INTO bodies (code, name, sector, region) VALUES (@code, @name, @sector, @region)
        ON CONFLICT (code) DO UPDATE SET name = excluded.name, sector = excluded.sector, region = excluded.region
        RETURNING id
        """;

    private const string UpsertTheme = """
        INSERT INTO themes (code) VALUES (@code) ON CONFLICT (code) DO UPDATE SET code = excluded.code RETURNING id
        """;

    public async Task<ImportResult> ImportAsync(TextReader csv, CancellationToken cancellationToken)
    {
        await writes.EnterAsync(cancellationToken);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var before = await db.Facts.LongCountAsync(cancellationToken);
            var years = new HashSet<int>();
            var (rows, errors) = await ReadAsync(db, csv, transaction.GetDbTransaction(), calendar.Current, years, cancellationToken);
            if (errors.Count > 0)
            {
                await transaction.RollbackAsync(cancellationToken);
                return new ImportResult(rows, 0, [], errors);
            }
            var added = await db.Facts.LongCountAsync(cancellationToken) - before;
            await transaction.CommitAsync(cancellationToken);
            return new ImportResult(rows, added, [.. years.Order()], errors);
        }
        finally
        {
            writes.Exit();
        }
    }

    private static async Task<(long Rows, List<ImportError> Errors)> ReadAsync(ReportingDbContext db, TextReader csv, DbTransaction transaction,
        HolidayCalendar calendar, HashSet<int> years, CancellationToken cancellationToken)
    {
        var errors = new List<ImportError>();
        var header = await csv.ReadLineAsync(cancellationToken);
        if (header?.TrimStart('\uFEFF').TrimEnd('\r') != ImportRow.Header)
            return (0, [new ImportError(1, $"the header must be: {ImportRow.Header}")]);

        var connection = transaction.Connection!;
        await using var fact = Commands.Prepare(connection, transaction, InsertFact, "@case", "@body", "@theme", "@codes", "@received", "@due", "@answered", "@year", "@version");
        await using var find = Commands.Prepare(connection, transaction, FindFact, "@case");
        await using var replace = Commands.Prepare(connection, transaction, ReplaceFact, "@body", "@theme", "@codes", "@received", "@due", "@answered", "@year", "@version", "@id");
        await using var departure = Commands.Prepare(connection, transaction, AddDeparture, "@year", "@version", "@id");
        // each year's new data version, taken when its first row comes: every row written carries it
        var versions = new Dictionary<int, long>();
        async Task<long> VersionAsync(int year)
        {
            if (!versions.TryGetValue(year, out var version))
                versions[year] = version = await FactBook.TouchYearAsync(db, year, cancellationToken);
            return version;
        }
        await using var body = Commands.Prepare(connection, transaction, UpsertBody, "@code", "@name", "@sector", "@region");
        await using var theme = Commands.Prepare(connection, transaction, UpsertTheme, "@code");
        var bodies = new Dictionary<string, int>(StringComparer.Ordinal);
        var themes = new Dictionary<string, int>(StringComparer.Ordinal);
        var seen = new HashSet<ulong>();
        var rules = RuleBook.Current;
        var fields = new List<string>(16);
        long line = 1, rows = 0;
        while (await csv.ReadLineAsync(cancellationToken) is { } text)
        {
            line++;
            if (text.Length == 0)
                continue;
            rows++;
            var (row, error) = CsvLine.TrySplit(text.TrimEnd('\r'), fields)
                ? ImportRow.Parse(fields, rules, calendar)
                : (null, "a quoted field is not closed");
            if (row is not null && !seen.Add(Hash(row.CaseId)))
                error = $"case_id '{row.CaseId}' appears twice in the file";
            if (error is not null)
            {
                if (errors.Count < MaxErrors)
                    errors.Add(new ImportError(line, error));
                continue;
            }
            if (errors.Count > 0)
                continue; // nothing will be kept: only check the rest
            var bodyKey = $"{row!.BodyCode}\n{row.BodyName}\n{row.Sector}\n{row.Region}";
            if (!bodies.TryGetValue(bodyKey, out var bodyId))
                bodies[bodyKey] = bodyId = await ScalarAsync(body, cancellationToken, row.BodyCode, row.BodyName, row.Sector, row.Region);
            var themeId = 0;
            if (row.Theme is { } code && !themes.TryGetValue(code, out themeId))
                themes[code] = themeId = await ScalarAsync(theme, cancellationToken, code);
            var year = row.ReceivedOn.Year;
            years.Add(year);
            var version = await VersionAsync(year);
            Commands.Bind(fact, row.CaseId, bodyId, themeId, row.Codes, row.ReceivedOn.DayNumber, row.DueOn.DayNumber, row.AnsweredOn?.DayNumber, year, version);
            if (await fact.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                // the case is there already: replaced by the file's row (left as it is when the same), and gone from
                // its former year if it moved
                long id;
                int? before;
                Commands.Bind(find, row.CaseId);
                await using (var reader = await find.ExecuteReaderAsync(cancellationToken))
                {
                    await reader.ReadAsync(cancellationToken);
                    id = reader.GetInt64(0);
                    before = reader.IsDBNull(1) ? null : reader.GetInt32(1);
                }
                Commands.Bind(replace, bodyId, themeId, row.Codes, row.ReceivedOn.DayNumber, row.DueOn.DayNumber, row.AnsweredOn?.DayNumber, year, version, id);
                await replace.ExecuteNonQueryAsync(cancellationToken);
                if (before is { } day && FactBook.YearOf(day) != year)
                {
                    Commands.Bind(departure, FactBook.YearOf(day), await VersionAsync(FactBook.YearOf(day)), id);
                    await departure.ExecuteNonQueryAsync(cancellationToken);
                }
            }
        }
        if (rows == 0 && errors.Count == 0)
            errors.Add(new ImportError(2, "the file has no rows"));
        return (rows, errors);
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
