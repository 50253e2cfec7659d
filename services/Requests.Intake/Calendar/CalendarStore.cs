using Requests.Domain.Calendar;
using Requests.Domain.Deadlines;
using Requests.ServiceDefaults.Calendar;

namespace Requests.Intake.Calendar;

/// <summary>Legal dates and due dates at intake, on the calendar routing last published.</summary>
public sealed class CalendarStore(TimeProvider clock, PublishedCalendar published)
{
    public static readonly TimeZoneInfo Morocco = TimeZoneInfo.FindSystemTimeZoneById(LegalTime.MoroccoZoneId);

    public HolidayCalendar Current => published.Current;

    public RuleBook Rules { get; } = RuleBook.Current;

    /// <summary>Today's date in Morocco: the legal date of a receipt made now.</summary>
    public DateOnly Today => LegalTime.LocalDate(clock.GetUtcNow(), Morocco);

    public DateOnly LocalDate(DateTimeOffset instant) => LegalTime.LocalDate(instant, Morocco);

    public DueDate Compute(DeadlineQuery query) => LegalClock.Compute(query, Rules, Current);

    /// <summary>The due date alone, without its explanation: what every filing needs, at no allocation.</summary>
    public DueDate DueOn(DeadlineQuery query) => new(LegalClock.DueOn(query, Rules, Current), Rules.Version, []);

    /// <summary>The last day to complain to the Commission (CDAI), from the head's answer or the end of its silence.</summary>
    public DateOnly CommissionLastDay(DateOnly startsOn) =>
        DueOn(new DeadlineQuery(Regime.Information, DeadlineStep.Commission, startsOn)).DueOn;
}
