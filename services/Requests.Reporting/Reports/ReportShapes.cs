namespace Requests.Reporting.Reports;

/// <summary>The breakdowns every report carries, each row computed from case-level facts.</summary>
public sealed record Breakdowns(
    IReadOnlyList<Breakdown> ByRegimeAndKind,
    IReadOnlyList<Breakdown> BySector,
    IReadOnlyList<Breakdown> ByRegion,
    IReadOnlyList<Breakdown> ByChannel,
    IReadOnlyList<Breakdown> ByTheme,
    IReadOnlyList<Breakdown> ByOutcome,
    IReadOnlyList<Breakdown> ByRefusalGround,
    IReadOnlyList<Breakdown> ByUrgency,
    IReadOnlyList<Breakdown> ByExtension);

public sealed record RankedBody(int Rank, string Code, string? Name, string Region, Figures Figures);

/// <summary>A sector's bodies, best first: response rate, then in-time rate, then the shorter average delay.</summary>
public sealed record SectorRanking(string Sector, IReadOnlyList<RankedBody> Bodies);

public sealed record OpenCase(string CaseId, string? TrackingNumber, string BodyCode, DateOnly ReceivedOn, DateOnly? DueOn, int DaysOpen);

public sealed record MonthVolume(int Month, long Received, long Answered);

public sealed record DelayBucket(int From, int? To, long Count);

/// <summary>
/// The previous year's figures as of the same day one year earlier (so both years had as long to answer), and the
/// change: in cases, in percentage points, in days.
/// </summary>
public sealed record YearChange(int Year, DateOnly AsOf, Figures Figures, long Received, decimal? ResponseRatePoints,
    decimal? InTimeRatePoints, decimal? AverageDelayDays);

public sealed record Synthesis(
    int Year,
    DateOnly AsOf,
    string Rounding,
    Figures National,
    Breakdowns Breakdowns,
    IReadOnlyList<SectorRanking> Sectors,
    IReadOnlyList<OpenCase> OldestOpen,
    IReadOnlyList<MonthVolume> Monthly,
    IReadOnlyList<DelayBucket> DelayDistribution,
    YearChange ChangeFromPreviousYear);

public sealed record BodyReport(
    int Year,
    DateOnly AsOf,
    string Rounding,
    string BodyCode,
    string? Name,
    string Sector,
    string Region,
    Figures Figures,
    Breakdowns Breakdowns,
    IReadOnlyList<Breakdown> ComplaintsByTheme,
    IReadOnlyList<OpenCase> OldestOpen,
    IReadOnlyList<MonthVolume> Monthly,
    IReadOnlyList<DelayBucket> DelayDistribution,
    YearChange ChangeFromPreviousYear);
