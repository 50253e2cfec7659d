namespace Requests.Staff.Api;

/// <summary>Reporting's figures of a set of cases; rates in percent and days to one decimal, as reporting rounds them.</summary>
public sealed record Figures(long Received, long Answered, decimal? ResponseRate, long AnsweredInTime, decimal? InTimeRate,
    long Open, long OpenOverdue, Delays CalendarDays, Delays WorkingDays);

public sealed record Delays(decimal? Average, decimal? Median, int? Percentile90, int? Minimum, int? Maximum);

/// <summary>A breakdown's row: its key is a code (<c>ministry</c>, <c>information/request</c>) or a region's or theme's name.</summary>
public sealed record Breakdown(string Key, Figures Figures);

public sealed record Breakdowns(IReadOnlyList<Breakdown> ByRegimeAndKind, IReadOnlyList<Breakdown> BySector,
    IReadOnlyList<Breakdown> ByRegion, IReadOnlyList<Breakdown> ByChannel, IReadOnlyList<Breakdown> ByTheme,
    IReadOnlyList<Breakdown> ByOutcome, IReadOnlyList<Breakdown> ByRefusalGround, IReadOnlyList<Breakdown> ByUrgency,
    IReadOnlyList<Breakdown> ByExtension);

public sealed record RankedBody(int Rank, string Code, string? Name, string Region, Figures Figures);

public sealed record SectorRanking(string Sector, IReadOnlyList<RankedBody> Bodies);

public sealed record OpenCase(string CaseId, string? TrackingNumber, string BodyCode, DateOnly ReceivedOn, DateOnly? DueOn, int DaysOpen);

public sealed record MonthVolume(int Month, long Received, long Answered);

public sealed record DelayBucket(int From, int? To, long Count);

/// <summary>The previous year as of the same day a year earlier, and the change in cases, points and days.</summary>
public sealed record YearChange(int Year, DateOnly AsOf, Figures Figures, long Received, decimal? ResponseRatePoints,
    decimal? InTimeRatePoints, decimal? AverageDelayDays);

/// <summary>What the national synthesis and a body's report both show.</summary>
public interface IReport
{
    int Year { get; }
    DateOnly AsOf { get; }
    Figures Figures { get; }
    Breakdowns Breakdowns { get; }
    IReadOnlyList<OpenCase> OldestOpen { get; }
    IReadOnlyList<MonthVolume> Monthly { get; }
    IReadOnlyList<DelayBucket> DelayDistribution { get; }
    YearChange ChangeFromPreviousYear { get; }
}

/// <summary>Reporting's <c>GET /api/reports/{year}/synthesis</c>.</summary>
public sealed record Synthesis(int Year, DateOnly AsOf, Figures National, Breakdowns Breakdowns, IReadOnlyList<SectorRanking> Sectors,
    IReadOnlyList<OpenCase> OldestOpen, IReadOnlyList<MonthVolume> Monthly, IReadOnlyList<DelayBucket> DelayDistribution,
    YearChange ChangeFromPreviousYear) : IReport
{
    public Figures Figures => National;
}

/// <summary>Reporting's <c>GET /api/reports/{year}/bodies/{code}</c>.</summary>
public sealed record BodyReport(int Year, DateOnly AsOf, string BodyCode, string? Name, string Sector, string Region, Figures Figures,
    Breakdowns Breakdowns, IReadOnlyList<Breakdown> ComplaintsByTheme, IReadOnlyList<OpenCase> OldestOpen,
    IReadOnlyList<MonthVolume> Monthly, IReadOnlyList<DelayBucket> DelayDistribution, YearChange ChangeFromPreviousYear) : IReport;

/// <summary>Reporting's answer to an import: rows read, cases added, the years they fall in.</summary>
public sealed record ImportResult(long Rows, long Added, IReadOnlyList<int> Years);

/// <summary>A body's names in routing's directory (<c>GET /api/directory/bodies</c>).</summary>
public sealed record DirectoryBody(string Code, string NameFr, string NameAr, string Sector, string Region);
