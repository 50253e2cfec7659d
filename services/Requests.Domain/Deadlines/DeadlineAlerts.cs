using Requests.Domain.Calendar;

namespace Requests.Domain.Deadlines;

/// <summary>How far the alerts of a running deadline have gone. Stored on the case; only ever moves forward.</summary>
public enum AlertStage
{
    /// <summary>Nothing sent yet.</summary>
    None = 0,

    /// <summary>The reminder <see cref="DeadlineAlerts.FirstReminderDays"/> working days before the due date was sent.</summary>
    FirstReminder = 1,

    /// <summary>The reminder <see cref="DeadlineAlerts.LastReminderDays"/> working day before the due date was sent.</summary>
    LastReminder = 2,

    /// <summary>The due date passed without an answer: the deadline was declared missed.</summary>
    Missed = 3,
}

/// <summary>
/// When each alert of a deadline is due, as local dates (Africa/Casablanca): reminders 5 and 1 working days before
/// the due date, and the miss on the first day after it. A sweep finds the cases whose next alert date has come,
/// asks <see cref="StageDue"/> how far they should be, and moves them there with a compare-and-set on the stage it
/// read: a late sweep jumps straight to the stage the date calls for (no stale reminder after the deadline).
/// </summary>
public static class DeadlineAlerts
{
    public const int FirstReminderDays = 5;
    public const int LastReminderDays = 1;

    /// <summary>The date the alert after <paramref name="done"/> falls due, or null when the last one was made.</summary>
    public static DateOnly? NextAlertOn(AlertStage done, DateOnly dueOn, HolidayCalendar calendar) => done switch
    {
        AlertStage.None => calendar.WorkingDaysBefore(dueOn, FirstReminderDays),
        AlertStage.FirstReminder => calendar.WorkingDaysBefore(dueOn, LastReminderDays),
        AlertStage.LastReminder => dueOn.AddDays(1), // the due date itself is still in time
        _ => null,
    };

    /// <summary>The stage the alerts of a deadline due on <paramref name="dueOn"/> should have reached on <paramref name="today"/>.</summary>
    public static AlertStage StageDue(DateOnly today, DateOnly dueOn, HolidayCalendar calendar)
    {
        if (today > dueOn)
        {
            return AlertStage.Missed;
        }

        if (today >= calendar.WorkingDaysBefore(dueOn, LastReminderDays))
        {
            return AlertStage.LastReminder;
        }

        return today >= calendar.WorkingDaysBefore(dueOn, FirstReminderDays) ? AlertStage.FirstReminder : AlertStage.None;
    }

    /// <summary>Working days left from <paramref name="today"/> to <paramref name="dueOn"/>; negative once overdue.</summary>
    public static int WorkingDaysLeft(DateOnly today, DateOnly dueOn, HolidayCalendar calendar) =>
        calendar.WorkingDaysBetween(today, dueOn);
}
