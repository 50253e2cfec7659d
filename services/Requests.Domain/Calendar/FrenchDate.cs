using System.Globalization;

namespace Requests.Domain.Calendar;

/// <summary>
/// Dates written the way an officer reads them ("lundi 6 janvier 2025"), without depending on the machine's
/// culture data: the same case gives the same explanation on every server.
/// </summary>
public static class FrenchDate
{
    private static readonly string[] Days = ["dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"];

    private static readonly string[] Months =
    [
        "janvier", "février", "mars", "avril", "mai", "juin",
        "juillet", "août", "septembre", "octobre", "novembre", "décembre",
    ];

    public static string Format(DateOnly date) => string.Create(CultureInfo.InvariantCulture,
        $"{Days[(int)date.DayOfWeek]} {date.Day}{(date.Day == 1 ? "er" : "")} {Months[date.Month - 1]} {date.Year}");
}
