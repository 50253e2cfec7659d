namespace Requests.Domain.Calendar;

/// <summary>
/// Working days in Morocco: Monday to Friday, less public holidays. Immutable; a correction (an estimated lunar
/// holiday confirmed or moved) gives a new calendar, so a computation never sees a half-edited one.
/// </summary>
public sealed partial class HolidayCalendar
{
    public static readonly DateOnly FirstDay = new(2018, 1, 1);
    public static readonly DateOnly LastDay = new(2031, 12, 31);

    private static readonly int Epoch = FirstDay.DayNumber;
    private static readonly int DayCount = LastDay.DayNumber - FirstDay.DayNumber + 1;
    private static readonly Lazy<HolidayCalendar> MoroccoCalendar = new(() => new(HolidayFile.LoadMorocco()));

    private readonly Holiday[] _holidays;
    private readonly Dictionary<DateOnly, Holiday[]> _byDate;

    // _workingDaysThrough[i]: working days in [FirstDay, FirstDay + i]. _workingDayOffset[n]: the offset from
    // FirstDay of the n-th working day (n from 1). Together they make AddWorkingDays two array reads.
    private readonly int[] _workingDaysThrough;
    private readonly int[] _workingDayOffset;

    public HolidayCalendar(IEnumerable<Holiday> holidays)
    {
        _holidays = [.. holidays.OrderBy(h => h.Date).ThenBy(h => h.NameFr, StringComparer.Ordinal)];
        foreach (var holiday in _holidays)
        {
            Validate(holiday);
        }

        _byDate = _holidays.GroupBy(h => h.Date).ToDictionary(g => g.Key, g => g.ToArray());
        (_workingDaysThrough, _workingDayOffset) = BuildIndex(_byDate);
        Holidays = Array.AsReadOnly(_holidays);
    }

    /// <summary>Morocco's public holidays 2018–2031, from the embedded data file, loaded once.</summary>
    public static HolidayCalendar Morocco => MoroccoCalendar.Value;

    /// <summary>All holidays, in date order.</summary>
    public IReadOnlyList<Holiday> Holidays { get; }

    /// <summary>Whether a date is inside the calendar's range; dates outside it are refused by every method.</summary>
    public static bool Covers(DateOnly date) => (uint)(date.DayNumber - Epoch) < (uint)DayCount;

    public IEnumerable<Holiday> In(int year) => _holidays.Where(h => h.Date.Year == year);

    public Holiday? HolidayOn(DateOnly date)
    {
        CheckRange(date, nameof(date));
        return _byDate.TryGetValue(date, out var found) ? found[0] : null;
    }

    /// <summary>Every holiday on a date: two can coincide (1 Muharram fell on Youth Day in 2020).</summary>
    public IReadOnlyList<Holiday> HolidaysOn(DateOnly date)
    {
        CheckRange(date, nameof(date));
        return _byDate.TryGetValue(date, out var found) ? found : [];
    }

    public bool IsWorkingDay(DateOnly date)
    {
        int i = Offset(date, nameof(date));
        return _workingDaysThrough[i] != (i == 0 ? 0 : _workingDaysThrough[i - 1]);
    }

    public bool IsDayOff(DateOnly date) => !IsWorkingDay(date);

    /// <summary>The <paramref name="days"/>-th working day after <paramref name="start"/>, which is day zero.</summary>
    public DateOnly AddWorkingDays(DateOnly start, int days)
    {
        int s = Offset(start, nameof(start));
        if (days <= 0)
        {
            return days == 0 ? start : throw new ArgumentOutOfRangeException(nameof(days), days,
                "A number of working days to add cannot be negative.");
        }

        long target = (long)_workingDaysThrough[s] + days;
        if (target >= _workingDayOffset.Length)
        {
            throw BeyondRange(start, days);
        }

        return DateOnly.FromDayNumber(Epoch + _workingDayOffset[target]);
    }

    public DateOnly NextWorkingDayOnOrAfter(DateOnly date) => IsWorkingDay(date) ? date : AddWorkingDays(date, 1);

    /// <summary>
    /// The working day that is <paramref name="days"/> working days before <paramref name="end"/>: the day d with
    /// <c>WorkingDaysBetween(d, end) == days</c> that is itself a working day. <paramref name="end"/> when days is 0.
    /// </summary>
    public DateOnly WorkingDaysBefore(DateOnly end, int days)
    {
        int e = Offset(end, nameof(end));
        if (days <= 0)
        {
            return days == 0 ? end : throw new ArgumentOutOfRangeException(nameof(days), days,
                "A number of working days to go back cannot be negative.");
        }

        long target = (long)_workingDaysThrough[e] - days;
        if (target < 1)
        {
            throw BeyondRange(end, -days);
        }

        return DateOnly.FromDayNumber(Epoch + _workingDayOffset[target]);
    }

    /// <summary>Working days in (from, to]; negative when <paramref name="to"/> is before <paramref name="from"/>.</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to) =>
        _workingDaysThrough[Offset(to, nameof(to))] - _workingDaysThrough[Offset(from, nameof(from))];
}
