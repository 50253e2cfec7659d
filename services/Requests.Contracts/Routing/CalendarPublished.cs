namespace Requests.Contracts.Routing;

/// <summary>One correction in force: an estimated holiday confirmed, or moved to its announced date.</summary>
/// <param name="Id">Routing's number for it: corrections apply in this order.</param>
/// <param name="NewDate">The holiday's true date; null when the date stands and only its status changes.</param>
public sealed record CalendarCorrection(long Id, DateOnly HolidayDate, DateOnly? NewDate, bool Confirmed, string Reason,
    DateTimeOffset At);

/// <summary>
/// The holiday calendar in force as routing holds it: every correction made to the legal calendar, published at
/// start-up and after each correction. A snapshot rather than a change: a service that missed one is whole again with
/// the next; <see cref="Version"/> (the time of the snapshot, in ticks) lets it ignore an older one that arrives late.
/// </summary>
public sealed record CalendarPublished(long Version, IReadOnlyList<CalendarCorrection> Corrections, DateTimeOffset At);
