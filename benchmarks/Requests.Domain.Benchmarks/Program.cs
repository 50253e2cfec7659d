using Requests.Domain.Benchmarks;
using Requests.Domain.Calendar;
using Requests.Domain.Deadlines;

// Due-date computations per second on one core: LegalClock.DueOn (precomputed working-day index) next to a
// day-by-day loop over the same random queries, measured in the same run.
Measure.PinToOneCore();
var rules = RuleBook.Current;
var calendar = HolidayCalendar.Morocco;
var queries = Workload.RandomQueries(count: 1_000_000, seed: 2026);
var naive = new NaiveClock(rules, calendar);

Workload.CheckSameDates(queries, rules, calendar, naive, count: 100_000);

var fast = Measure.OpsPerSecond("LegalClock.DueOn (index)", queries, q => LegalClock.DueOn(q, rules, calendar));
var slow = Measure.OpsPerSecond("day-by-day loop (baseline)", queries[..100_000], naive.DueOn);
long bytes = Measure.AllocatedPerCall(queries, q => LegalClock.DueOn(q, rules, calendar));

Console.WriteLine();
Console.WriteLine($"speed-up: x{fast / slow:F1}; allocated per DueOn call: {bytes} bytes; target >= 5,000,000/s: {(fast >= 5_000_000 ? "met" : "NOT met")}");
