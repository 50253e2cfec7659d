using System.Globalization;
using Requests.Domain.Calendar;

namespace Requests.Notifications.Templates;

/// <summary>Legal dates as a citizen reads them: "lundi 23 novembre 2026", "الاثنين 23 نونبر 2026".</summary>
public static class Dates
{
    private static readonly string[] ArabicDays = ["الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت"];

    // the month names used in Morocco (from the French), not the Levantine or the Egyptian ones
    private static readonly string[] ArabicMonths =
    [
        "يناير", "فبراير", "مارس", "أبريل", "ماي", "يونيو",
        "يوليوز", "غشت", "شتنبر", "أكتوبر", "نونبر", "دجنبر",
    ];

    public static string Format(DateOnly date, Language language) =>
        language == Language.Arabic ? Arabic(date) : FrenchDate.Format(date);

    /// <summary>Western digits, as Moroccan administrations write them.</summary>
    public static string Arabic(DateOnly date) => string.Create(CultureInfo.InvariantCulture,
        $"{ArabicDays[(int)date.DayOfWeek]} {date.Day} {ArabicMonths[date.Month - 1]} {date.Year}");

    /// <summary>Without the day of the week, for tables: "22 janvier 2027", "22 يناير 2027".</summary>
    public static string Brief(DateOnly date, Language language) => language == Language.Arabic
        ? string.Create(CultureInfo.InvariantCulture, $"{date.Day} {ArabicMonths[date.Month - 1]} {date.Year}")
        : date.ToString("d MMMM yyyy", French);

    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");
}
