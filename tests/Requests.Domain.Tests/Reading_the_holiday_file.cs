using Requests.Domain.Calendar;

namespace Requests.Domain.Tests;

public sealed class Reading_the_holiday_file
{
    public static TheoryData<int> Years() => [.. Enumerable.Range(2018, 13)];

    [Theory]
    [MemberData(nameof(Years))]
    public void Every_year_has_all_the_fixed_holidays_on_their_dates(int year)
    {
        (int Month, int Day, string Name, int Since)[] fixedDays =
        [
            (1, 1, "Nouvel an", 2018), (1, 11, "Manifeste de l'indépendance", 2018),
            (1, 14, "Nouvel an amazigh (Yennayer)", 2024), (5, 1, "Fête du travail", 2018),
            (7, 30, "Fête du Trône", 2018), (8, 14, "Allégeance d'Oued Ed-Dahab", 2018),
            (8, 20, "Révolution du Roi et du peuple", 2018), (8, 21, "Fête de la jeunesse", 2018),
            (10, 31, "Fête de l'Unité", 2026), (11, 6, "Marche verte", 2018), (11, 18, "Fête de l'indépendance", 2018),
        ];
        var fixedHolidays = Given.Morocco.In(year).Where(h => h.Kind == HolidayKind.Fixed).ToList();
        var expected = fixedDays.Where(f => year >= f.Since).ToList();
        Assert.Equal(expected.Count, fixedHolidays.Count);
        foreach (var (month, day, name, _) in expected)
        {
            Assert.Contains(fixedHolidays, h => h.Date == new DateOnly(year, month, day) && h.NameFr == name);
        }
    }

    [Theory]
    [MemberData(nameof(Years))]
    public void Every_year_has_the_lunar_holidays_with_their_second_days(int year)
    {
        var lunar = Given.Morocco.In(year).Where(h => h.Kind == HolidayKind.Lunar).ToList();
        Assert.Equal(7, lunar.Count);
        foreach (var feast in new[] { "Aïd Al-Fitr", "Aïd Al-Adha", "Aïd Al-Mawlid" })
        {
            var first = Assert.Single(lunar, h => h.NameFr == feast);
            var second = Assert.Single(lunar, h => h.NameFr == $"{feast} (2e jour)");
            Assert.Equal(first.Date.AddDays(1), second.Date);
        }

        Assert.Single(lunar, h => h.NameFr.StartsWith("1er Moharram", StringComparison.Ordinal));
        Assert.All(lunar, h => Assert.Equal(year >= 2026, h.Estimated)); // announced dates up to 2025, forecasts after
    }

    [Fact]
    public void Every_holiday_has_names_in_both_languages_and_a_source()
    {
        Assert.All(Given.Morocco.Holidays, h =>
        {
            Assert.False(string.IsNullOrWhiteSpace(h.NameFr));
            Assert.Contains(h.NameAr, c => c is >= '\u0600' and <= '\u06FF');
            Assert.False(string.IsNullOrWhiteSpace(h.Source));
        });
    }

    [Theory]
    [InlineData("2018-08-22", "Aïd Al-Adha")] // one day after most countries: Morocco sights its own crescent
    [InlineData("2020-10-29", "Aïd Al-Mawlid")]
    [InlineData("2022-05-02", "Aïd Al-Fitr")]
    [InlineData("2024-07-07", "1er Moharram (Nouvel an de l'hégire)")]
    [InlineData("2025-06-09", "Congé exceptionnel (Aïd Al-Adha)")]
    public void Past_lunar_and_exceptional_days_are_the_announced_ones(string date, string name)
    {
        var holiday = Given.Morocco.HolidayOn(Given.Date(date));
        Assert.NotNull(holiday);
        Assert.Equal(name, holiday.NameFr);
        Assert.False(holiday.Estimated);
    }

    [Fact]
    public void Unity_day_is_marked_estimated_until_its_text_is_checked() =>
        Assert.All(Given.Morocco.Holidays.Where(h => h.NameFr == "Fête de l'Unité"), h => Assert.True(h.Estimated));

    [Fact]
    public void Two_holidays_on_one_day_are_both_kept()
    {
        var both = Given.Morocco.HolidaysOn(Given.Date("2020-08-21"));
        Assert.Equal(2, both.Count);
        Assert.Contains(both, h => h.NameFr == "Fête de la jeunesse");
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"holidays\": [{\"date\": \"2024-13-01\", \"nameFr\": \"x\", \"nameAr\": \"س\", \"kind\": \"fixed\", \"estimated\": false, \"source\": \"s\"}]}")]
    [InlineData("{\"holidays\": [{\"date\": \"2024-01-01\", \"nameFr\": \"x\", \"nameAr\": \"س\", \"kind\": \"solar\", \"estimated\": false, \"source\": \"s\"}]}")]
    [InlineData("{\"holidays\": [{\"date\": \"2024-01-01\", \"nameFr\": \"x\", \"nameAr\": \"\", \"kind\": \"fixed\", \"estimated\": false, \"source\": \"s\"}]}")]
    [InlineData("{\"holidays\": [")]
    public void A_malformed_holiday_file_is_refused(string json) =>
        Assert.Throws<FormatException>(() => HolidayFile.Parse(json));
}
