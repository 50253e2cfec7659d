namespace Requests.Reporting.Reports;

/// <summary>
/// The figures of one set of cases (the nation, a sector, a body, a breakdown's row). Rates are percentages;
/// rates, averages and medians are rounded to one decimal, half away from zero, from unrounded values.
/// </summary>
/// <param name="Received">Cases received in the year, up to the as-of date.</param>
/// <param name="Answered">Of those, cases with a final answer (a redirection included) on or before the as-of date.</param>
/// <param name="Open">Neither answered nor closed (withdrawn, duplicate) at the as-of date.</param>
/// <param name="OpenOverdue">Open cases whose due date is before the as-of date.</param>
public sealed record Figures(
    long Received,
    long Answered,
    decimal? ResponseRate,
    long AnsweredInTime,
    decimal? InTimeRate,
    long Open,
    long OpenOverdue,
    Delays CalendarDays,
    Delays WorkingDays);

/// <summary>Delays of the answered cases. The median of an even count is the mean of the two middle values; the 90th percentile is the nearest rank.</summary>
public sealed record Delays(decimal? Average, decimal? Median, int? Percentile90, int? Minimum, int? Maximum);

/// <summary>One row of a breakdown: its key (a code such as <c>ministry</c> or <c>information/request</c>) and its figures.</summary>
public sealed record Breakdown(string Key, Figures Figures);
