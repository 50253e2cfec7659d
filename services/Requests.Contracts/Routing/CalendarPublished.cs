namespace Requests.Contracts.Routing;

/// <summary>One correction in force: an estimated holiday confirmed, or moved to its announced date.</summary>
/// <param name="Id">Routing's number for it: corrections apply in this order.</param>
/// <param name="NewDate">The holiday's true date; null when the date stands and only its status changes.</param>
public sealed record CalendarCorrection(long Id, DateOnly HolidayDate, DateOnly? NewDate, bool Confirmed, string Reason,
    DateTimeOffset At);

/// <summary>
/// Every correction routing made to the legal calendar, published at start-up and after each one: a snapshot, so a
/// service that missed one is whole with the next; <see cref="Version"/> (ticks) lets it ignore an older one arriving late.
/// </summary>
public sealed record CalendarPublished(long Version, IReadOnlyList<CalendarCorrection> Corrections, DateTimeOffset At);
