using Requests.Notifications.Templates;

namespace Requests.Notifications.Tests.Templates;

public sealed class Writing_dates
{
    // Moroccan month names (from the French), not the Levantine (كانون الثاني) nor the Egyptian (يناير... يوليو, أغسطس) ones
    [Theory]
    [InlineData(2026, 1, 1, "الخميس 1 يناير 2026")]
    [InlineData(2026, 2, 2, "الاثنين 2 فبراير 2026")]
    [InlineData(2026, 3, 3, "الثلاثاء 3 مارس 2026")]
    [InlineData(2026, 4, 8, "الأربعاء 8 أبريل 2026")]
    [InlineData(2026, 5, 1, "الجمعة 1 ماي 2026")]
    [InlineData(2026, 6, 6, "السبت 6 يونيو 2026")]
    [InlineData(2026, 7, 30, "الخميس 30 يوليوز 2026")]   // Throne Day
    [InlineData(2026, 8, 14, "الجمعة 14 غشت 2026")]
    [InlineData(2026, 9, 13, "الأحد 13 شتنبر 2026")]
    [InlineData(2026, 10, 31, "السبت 31 أكتوبر 2026")]
    [InlineData(2026, 11, 23, "الاثنين 23 نونبر 2026")]
    [InlineData(2026, 12, 30, "الأربعاء 30 دجنبر 2026")]
    public void Arabic_dates_use_the_Moroccan_month_names_and_western_digits(int year, int month, int day, string expected) =>
        Assert.Equal(expected, Dates.Format(new DateOnly(year, month, day), Language.Arabic));

    [Theory]
    [InlineData(2026, 1, 1, "jeudi 1er janvier 2026")]   // the first of the month is "1er" in French
    [InlineData(2026, 11, 23, "lundi 23 novembre 2026")]
    [InlineData(2026, 12, 2, "mercredi 2 décembre 2026")]
    public void French_dates_are_the_domain_s(int year, int month, int day, string expected) =>
        Assert.Equal(expected, Dates.Format(new DateOnly(year, month, day), Language.French));

    [Theory]
    [InlineData("ar", Language.Arabic)]
    [InlineData("AR", Language.Arabic)]
    [InlineData("fr", Language.French)]
    [InlineData(null, Language.French)]   // no choice recorded: French, the administration's other language
    [InlineData("en", Language.French)]
    public void A_language_code_picks_the_language(string? code, Language expected) =>
        Assert.Equal(expected, Languages.Parse(code));
}
