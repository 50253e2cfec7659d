namespace Requests.Domain.Calendar;

/// <summary>An administrator's correction of a holiday: confirmed where it stands, or moved to its announced date.</summary>
/// <param name="NewDate">The holiday's true date; null when the date stands and only its status changes.</param>
public sealed record HolidayCorrection(DateOnly HolidayDate, DateOnly? NewDate, bool Confirmed, string Reason);
