namespace Requests.Domain.Calendar;

/// <summary>Turns instants into the local dates the law counts in.</summary>
public static class LegalTime
{
    /// <summary>The time zone of every legal date: Morocco is UTC+1, and UTC+0 during Ramadan.</summary>
    public const string MoroccoZoneId = "Africa/Casablanca";

    /// <summary>
    /// The local date of an instant: a request received at 23:30 on a Friday in Casablanca is received on that
    /// Friday, whatever the UTC date is. The zone is an argument so that no rule reads the machine's zone.
    /// </summary>
    public static DateOnly LocalDate(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
}
