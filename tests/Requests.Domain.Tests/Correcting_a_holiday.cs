using Requests.Domain.Calendar;
using Requests.Domain.Deadlines;

namespace Requests.Domain.Tests;

// Lunar holidays are announced a day or two before: the administrator confirms or moves the estimated date,
// which gives a new calendar; open cases are recomputed with it.
public sealed class Correcting_a_holiday
{
    private static readonly Holiday EstimatedAdha =
        Given.Morocco.In(2027).Single(h => h.NameFr == "Aïd Al-Adha");

    [Fact]
    public void Moving_an_estimated_eid_by_one_day_moves_a_due_date_that_depended_on_it()
    {
        // received Mon 10 May 2027: Eid estimated Mon 17–Tue 18 May gives Wed 2 Jun for the head's answer
        var query = new DeadlineQuery(Regime.Information, DeadlineStep.HeadAnswer, Given.Date("2027-05-10"));
        var secondDay = Given.Morocco.In(2027).Single(h => h.NameFr == "Aïd Al-Adha (2e jour)");
        var moved = Given.Morocco
            .Replacing(EstimatedAdha, EstimatedAdha with { Date = Given.Date("2027-05-18"), Estimated = false })
            .Replacing(secondDay, secondDay with { Date = Given.Date("2027-05-19"), Estimated = false });
        Assert.Equal(Given.Date("2027-06-02"), LegalClock.DueOn(query, Given.Rules, Given.Morocco));
        Assert.Equal(Given.Date("2027-06-02"), LegalClock.DueOn(query, Given.Rules, moved)); // still two weekdays off
        Assert.True(moved.IsWorkingDay(Given.Date("2027-05-17")));
        Assert.False(moved.IsWorkingDay(Given.Date("2027-05-19")));
    }

    [Fact]
    public void Confirming_a_holiday_keeps_its_date_and_clears_the_flag()
    {
        var confirmed = Given.Morocco.Replacing(EstimatedAdha, EstimatedAdha with { Estimated = false, Source = "Habous" });
        var holiday = confirmed.HolidayOn(EstimatedAdha.Date);
        Assert.NotNull(holiday);
        Assert.False(holiday.Estimated);
        Assert.Equal(Given.Morocco.Holidays.Count, confirmed.Holidays.Count);
        Assert.True(Given.Morocco.HolidayOn(EstimatedAdha.Date)!.Estimated); // the original calendar is untouched
    }

    [Fact]
    public void Declaring_an_exceptional_day_off_makes_it_a_day_off()
    {
        var day = Given.Date("2027-05-19");
        var calendar = Given.Morocco.With(new Holiday(day, "Congé exceptionnel", "عطلة استثنائية",
            HolidayKind.Exceptional, Estimated: false, "Communiqué du Chef du gouvernement"));
        Assert.True(calendar.IsDayOff(day));
        Assert.Equal(Given.Date("2027-05-20"), calendar.NextWorkingDayOnOrAfter(day));
    }

    [Fact]
    public void Corrections_apply_in_the_order_they_were_made_and_a_superseded_one_changes_nothing()
    {
        // moved from Mon 17 to Tue 18 May 2027 and confirmed there; a later one still naming the 17th finds no holiday,
        // and one outside the calendar's years is left aside
        var calendar = Given.Morocco.Corrected([
            new HolidayCorrection(Given.Date("2027-05-17"), Given.Date("2027-05-18"), false, "Estimation revue"),
            new HolidayCorrection(Given.Date("2027-05-18"), null, true, "Annonce du ministère des Habous"),
            new HolidayCorrection(Given.Date("2027-05-17"), Given.Date("2027-05-21"), true, "Ancienne date"),
            new HolidayCorrection(Given.Date("2027-05-18"), Given.Date("2032-01-05"), true, "Hors calendrier"),
        ]);

        var adha = calendar.HolidaysOn(Given.Date("2027-05-18")).Single(h => h.NameFr == "Aïd Al-Adha");
        Assert.False(adha.Estimated);
        Assert.EndsWith("corrected: Annonce du ministère des Habous", adha.Source, StringComparison.Ordinal);
        Assert.True(calendar.IsWorkingDay(Given.Date("2027-05-17")));
        Assert.True(calendar.IsWorkingDay(Given.Date("2027-05-21")));
        Assert.Equal(Given.Morocco.Holidays.Count, calendar.Holidays.Count);
    }

    [Fact]
    public void Removing_a_holiday_that_is_not_there_is_refused() =>
        Assert.Throws<ArgumentException>(() => Given.Morocco.Without(EstimatedAdha with { NameFr = "Autre" }));

    [Fact]
    public void A_holiday_without_a_source_is_refused() =>
        Assert.Throws<ArgumentException>(() => Given.Morocco.With(EstimatedAdha with { Source = " " }));

    [Fact]
    public void Counting_between_two_dates_excludes_the_first_and_includes_the_last()
    {
        // Fri 17 Aug 2018 to Fri 24 Aug: 20–23 Aug are holidays, only Fri 24 counts
        Assert.Equal(1, Given.Morocco.WorkingDaysBetween(Given.Date("2018-08-17"), Given.Date("2018-08-24")));
        Assert.Equal(-1, Given.Morocco.WorkingDaysBetween(Given.Date("2018-08-24"), Given.Date("2018-08-17")));
        Assert.Equal(Given.Date("2018-08-24"), Given.Morocco.NextWorkingDayOnOrAfter(Given.Date("2018-08-18")));
    }
}
