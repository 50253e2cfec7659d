using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Requests.Domain.Complaints;
using Requests.Reporting.Storage;
using Requests.ServiceDefaults.Data;

namespace Requests.Reporting.Facts;

/// <summary>
/// Builds case facts from lifecycle events. Every change is one that the same event, applied again or after a later
/// one, leaves as it is: flags only turn on, the answer kept is the earliest, the status follows the highest
/// sequence and the due date the latest event that set it. So facts come out the same whatever the order of arrival.
/// </summary>
public sealed class FactBook(ReportingDbContext db)
{
    public async Task<CaseFact> FactAsync(Guid caseId, CancellationToken cancellationToken)
    {
        var id = caseId.ToString();
        var fact = db.Facts.Local.FirstOrDefault(f => f.CaseId == id)
            // on PostgreSQL, two instances handling two events of one case at once would each write over the other's
            // change: the row stays locked until this event's transaction ends (SQLite has one writer at a time)
            ?? (db.Database.IsSqlite()
                ? await db.Facts.FirstOrDefaultAsync(f => f.CaseId == id, cancellationToken)
                : (await db.Facts.FromSql($"SELECT * FROM case_facts WHERE case_id = {id} FOR UPDATE").ToListAsync(cancellationToken)).SingleOrDefault());
        if (fact is null)
        {
            fact = new CaseFact { CaseId = id, Source = "events" };
            db.Facts.Add(fact);
        }
        return fact;
    }

    /// <summary>The body's id, creating it (sector and region unknown until the directory says) when new.</summary>
    public async Task<int> BodyIdAsync(string code, CancellationToken cancellationToken)
    {
        var body = await db.Bodies.FirstOrDefaultAsync(b => b.Code == code, cancellationToken);
        if (body is null)
        {
            body = new BodyRecord { Code = code, Sector = "other", Region = "unknown" };
            db.Bodies.Add(body);
            await db.SaveChangesAsync(cancellationToken);
        }
        return body.Id;
    }

    /// <summary>The theme's id: a code of the closed list, anything else counted as <c>other</c>; 0 for none.</summary>
    public async Task<int> ThemeIdAsync(string? theme, CancellationToken cancellationToken)
    {
        if (ComplaintThemes.CodeOf(theme) is not { } code)
            return 0;
        var record = await db.Themes.FirstOrDefaultAsync(t => t.Code == code, cancellationToken);
        if (record is null)
        {
            record = new ThemeRecord { Code = code };
            db.Themes.Add(record);
            await db.SaveChangesAsync(cancellationToken);
        }
        return record.Id;
    }

    /// <summary>
    /// Marks the year of the fact's receipt as changed (in the consumer's transaction) and stamps the fact with the
    /// year's new version, so that reports read it again; a fact whose year of receipt changed is listed as gone from
    /// its former year. One atomic statement per year: two instances touching the same year both count, in order.
    /// </summary>
    public async Task TouchAsync(CaseFact fact, CancellationToken cancellationToken)
    {
        var entry = db.Entry(fact);
        if (entry.State != EntityState.Added && !entry.Properties.Any(p => p.IsModified))
            return; // nothing a report could see changed (an event applied again under another id)
        var before = entry.State == EntityState.Added ? null : entry.Property(f => f.ReceivedDay).OriginalValue;
        int? year = fact.ReceivedDay is { } day ? YearOf(day) : null;
        if (before is { } was && YearOf(was) != year)
        {
            var left = YearOf(was);
            await DepartAsync(db, left, await TouchYearAsync(db, left, cancellationToken), fact.Id, cancellationToken);
        }
        if (year is { } y)
        {
            fact.Year = y;
            fact.Version = await TouchYearAsync(db, y, cancellationToken);
        }
    }

    public static int YearOf(int day) => DateOnly.FromDayNumber(day).Year;

    /// <summary>Increments the year's data version in the current transaction and returns it.</summary>
    public static async Task<long> TouchYearAsync(ReportingDbContext db, int year, CancellationToken cancellationToken)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = """
            INSERT INTO fact_years (year, version) VALUES (@year, 1)
            ON CONFLICT (year) DO UPDATE SET version = fact_years.version + 1
            RETURNING version
            """;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@year";
        parameter.Value = year;
        command.Parameters.Add(parameter);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// How far behind the year's version a report may hold the year and still catch up on it: one further behind reads
    /// the year whole (<see cref="Reports.FactScan"/>), and so never asks for the departures of older versions.
    /// </summary>
    public const long VersionsKept = 100_000;

    /// <summary>
    /// Lists the fact as gone from <paramref name="year"/> at <paramref name="version"/> (the year's version in the
    /// current transaction), and deletes the year's departures more than <see cref="VersionsKept"/> versions older: a
    /// report whose snapshot sees this write sees the year at this version or a later one, so it either has those
    /// departures behind it or reads the year whole.
    /// </summary>
    public static async Task DepartAsync(ReportingDbContext db, int year, long version, long factId, CancellationToken cancellationToken)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = """
            INSERT INTO fact_departures (year, version, fact_id) VALUES (@year, @version, @id);
            DELETE FROM fact_departures WHERE year = @year AND version <= @version - @kept
            """;
        Commands.AddParameter(command, "@year", year);
        Commands.AddParameter(command, "@version", version);
        Commands.AddParameter(command, "@id", factId);
        Commands.AddParameter(command, "@kept", VersionsKept);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Sets the due date unless a later event already set it.</summary>
    public static void SetDue(CaseFact fact, DateOnly dueOn, DateTimeOffset at)
    {
        var ticks = at.UtcTicks;
        if (fact.DueDay is not null && ticks < fact.DueSetAt)
            return;
        fact.DueDay = dueOn.DayNumber;
        fact.DueSetAt = ticks;
    }

    /// <summary>Keeps the earliest final answer with its outcome: a complaint answered again after a reopening keeps its first.</summary>
    public static void SetAnswer(CaseFact fact, DateOnly answeredOn, string? outcome, string? ground)
    {
        var day = answeredOn.DayNumber;
        if (fact.AnsweredDay is { } known && known <= day)
            return;
        fact.AnsweredDay = day;
        fact.Codes = FactCodes.WithOutcome(fact.Codes, Math.Max(0, FactCodes.Of(FactCodes.Outcomes, outcome)));
        fact.Codes = FactCodes.WithGround(fact.Codes, Math.Max(0, FactCodes.Of(FactCodes.Grounds, ground)));
    }

    /// <summary>Marks the answer's deadline missed, unless a later event already moved it past the missed date (a holiday correction that undid the miss).</summary>
    public static void SetMissed(CaseFact fact, DateOnly dueOn, DateTimeOffset at)
    {
        if (fact.DueDay > dueOn.DayNumber && fact.DueSetAt > at.UtcTicks)
            return;
        fact.Codes |= FactCodes.DeadlineMissed;
    }

    public static void SetClosed(CaseFact fact, DateOnly closedOn)
    {
        if (fact.ClosedDay is null || closedOn.DayNumber < fact.ClosedDay)
            fact.ClosedDay = closedOn.DayNumber;
    }

    public static void SetRegime(CaseFact fact, string regime, string kind)
    {
        fact.Codes = FactCodes.WithRegime(fact.Codes, Math.Max(0, FactCodes.Of(FactCodes.Regimes, regime)));
        fact.Codes = FactCodes.WithKind(fact.Codes, Math.Max(0, FactCodes.Of(FactCodes.Kinds, kind)));
    }
}
