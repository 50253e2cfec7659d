using Requests.Domain.Calendar;
using Requests.Domain.Deadlines;

namespace Requests.Domain.Tests;

// Properties over many seeded random queries: whatever the date, step and options, the answers stay lawful.
public sealed class Drawing_random_deadlines
{
    private const int Draws = 5_000;
    private static readonly DateOnly First = new(2018, 1, 1);
    private static readonly (Regime Regime, DeadlineStep Step)[] Steps =
    [
        (Regime.Information, DeadlineStep.Answer), (Regime.Information, DeadlineStep.RecourseHead),
        (Regime.Information, DeadlineStep.HeadAnswer), (Regime.Information, DeadlineStep.Commission),
        (Regime.Information, DeadlineStep.CommissionDecision), (Regime.Information, DeadlineStep.Court),
        (Regime.Complaint, DeadlineStep.Answer),
    ];

    [Fact]
    public void A_due_date_is_never_a_day_off()
    {
        var random = new Random(20260101);
        for (int i = 0; i < Draws; i++)
        {
            var query = RandomQuery(random);
            var due = LegalClock.DueOn(query, Given.Rules, Given.Morocco);
            Assert.True(Given.Morocco.IsWorkingDay(due), $"{query} gave {due}, a day off");
            Assert.True(due > query.StartsOn, $"{query} gave {due}, not after day zero");
        }
    }

    [Fact]
    public void More_working_days_never_give_an_earlier_date()
    {
        var random = new Random(31_13);
        for (int i = 0; i < Draws; i++)
        {
            var start = First.AddDays(random.Next(0, 4300));
            int fewer = random.Next(0, 60), more = fewer + random.Next(1, 60);
            var early = Given.Morocco.AddWorkingDays(start, fewer);
            var late = Given.Morocco.AddWorkingDays(start, more);
            Assert.True(late > early, $"{more} working days after {start} gave {late}, not after {early}");
            Assert.Equal(more - fewer, Given.Morocco.WorkingDaysBetween(early, late));
        }
    }

    [Fact]
    public void An_extension_or_urgency_moves_the_answer_the_expected_way()
    {
        var random = new Random(17);
        for (int i = 0; i < Draws; i++)
        {
            var start = First.AddDays(random.Next(0, 4300));
            var normal = Given.Due(Regime.Information, DeadlineStep.Answer, Text(start));
            Assert.True(Given.Due(Regime.Information, DeadlineStep.Answer, Text(start), extended: true) > normal);
            Assert.True(Given.Due(Regime.Information, DeadlineStep.Answer, Text(start), urgent: true) < normal);
        }
    }

    [Fact]
    public void A_new_holiday_inside_the_window_moves_the_date_one_working_day_later()
    {
        var random = new Random(2017265);
        for (int i = 0; i < 500; i++)
        {
            var (regime, step) = Steps[random.Next(0, 3)]; // the working-day steps
            var query = new DeadlineQuery(regime, step, First.AddDays(random.Next(0, 4300)),
                Extended: step == DeadlineStep.Answer && random.Next(2) == 0);
            var due = LegalClock.DueOn(query, Given.Rules, Given.Morocco);
            var newDay = Given.Morocco.AddWorkingDays(query.StartsOn,
                random.Next(1, Given.Morocco.WorkingDaysBetween(query.StartsOn, due) + 1));
            var corrected = Given.Morocco.With(new Holiday(newDay, "Jour exceptionnel", "يوم استثنائي",
                HolidayKind.Exceptional, Estimated: false, "test"));
            var moved = LegalClock.DueOn(query, Given.Rules, corrected);
            Assert.Equal(corrected.AddWorkingDays(due, 1), moved);
            Assert.Equal(1, corrected.WorkingDaysBetween(due, moved));
        }
    }

    [Fact]
    public void The_explained_date_is_the_fast_date()
    {
        var random = new Random(42);
        for (int i = 0; i < 1_000; i++)
        {
            var query = RandomQuery(random);
            Assert.Equal(LegalClock.DueOn(query, Given.Rules, Given.Morocco),
                LegalClock.Compute(query, Given.Rules, Given.Morocco).DueOn);
        }
    }

    [Fact]
    public void The_index_agrees_with_counting_day_by_day()
    {
        var random = new Random(7);
        for (int i = 0; i < Draws; i++)
        {
            var start = First.AddDays(random.Next(0, 4300));
            int days = random.Next(0, 80);
            var naive = start;
            for (int left = days; left > 0;)
            {
                naive = naive.AddDays(1);
                bool off = naive.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday
                    || Given.Morocco.Holidays.Any(h => h.Date == naive);
                left -= off ? 0 : 1;
            }

            Assert.Equal(naive, Given.Morocco.AddWorkingDays(start, days));
        }
    }

    private static DeadlineQuery RandomQuery(Random random)
    {
        var (regime, step) = Steps[random.Next(Steps.Length)];
        var start = First.AddDays(random.Next(0, 4200));
        bool answer = regime == Regime.Information && step == DeadlineStep.Answer;
        bool urgent = answer && random.Next(4) == 0;
        bool extended = answer && !urgent && random.Next(3) == 0;
        var pauses = random.Next(3) == 0
            ? new[] { new Pause(start.AddDays(random.Next(0, 3)), start.AddDays(random.Next(3, 9))) }
            : null;
        return new DeadlineQuery(regime, step, start, urgent, extended, pauses);
    }

    private static string Text(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
