using Requests.Domain.Calendar;
using Requests.Domain.Deadlines;

namespace Requests.Domain.Benchmarks;

/// <summary>Random deadline queries over 2018–2029, every step, with urgent and extended answers.</summary>
internal static class Workload
{
    private static readonly (Regime, DeadlineStep)[] Steps =
    [
        (Regime.Information, DeadlineStep.Answer), (Regime.Information, DeadlineStep.RecourseHead),
        (Regime.Information, DeadlineStep.HeadAnswer), (Regime.Information, DeadlineStep.Commission),
        (Regime.Information, DeadlineStep.CommissionDecision), (Regime.Information, DeadlineStep.Court),
        (Regime.Complaint, DeadlineStep.Answer),
    ];

    public static DeadlineQuery[] RandomQueries(int count, int seed)
    {
        var random = new Random(seed);
        var first = new DateOnly(2018, 1, 1);
        var queries = new DeadlineQuery[count];
        for (int i = 0; i < count; i++)
        {
            var (regime, step) = Steps[random.Next(Steps.Length)];
            bool answer = regime == Regime.Information && step == DeadlineStep.Answer;
            bool urgent = answer && random.Next(10) == 0;
            queries[i] = new DeadlineQuery(regime, step, first.AddDays(random.Next(0, 4380)), urgent,
                Extended: answer && !urgent && random.Next(4) == 0);
        }

        return queries;
    }

    /// <summary>The fast path and the baseline must agree before either is timed.</summary>
    public static void CheckSameDates(DeadlineQuery[] queries, RuleBook rules, HolidayCalendar calendar,
        NaiveClock naive, int count)
    {
        foreach (var query in queries.Take(count))
        {
            var fast = LegalClock.DueOn(query, rules, calendar);
            if (fast != naive.DueOn(query))
            {
                throw new InvalidOperationException($"{query}: index gave {fast}, day-by-day gave {naive.DueOn(query)}");
            }
        }

        Console.WriteLine($"checked: the index and the day-by-day loop agree on {count:N0} random queries");
    }
}
