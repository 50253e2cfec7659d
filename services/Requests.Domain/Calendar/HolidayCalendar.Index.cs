using System.Globalization;

namespace Requests.Domain.Calendar;

public sealed partial class HolidayCalendar
{
    private static (int[] Through, int[] Offsets) BuildIndex(Dictionary<DateOnly, Holiday[]> byDate)
    {
        var through = new int[DayCount];
        var offsets = new List<int>(DayCount) { -1 }; // working day numbers start at 1
        int count = 0;
        for (int i = 0; i < DayCount; i++)
        {
            var date = DateOnly.FromDayNumber(Epoch + i);
            bool weekend = date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
            if (!weekend && !byDate.ContainsKey(date))
            {
                count++;
                offsets.Add(i);
            }

            through[i] = count;
        }

        return (through, offsets.ToArray());
    }

    private static void Validate(Holiday holiday)
    {
        CheckRange(holiday.Date, nameof(holiday));
        if (string.IsNullOrWhiteSpace(holiday.NameFr) || string.IsNullOrWhiteSpace(holiday.NameAr)
            || string.IsNullOrWhiteSpace(holiday.Source))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"The holiday of {holiday.Date:yyyy-MM-dd} needs a French name, an Arabic name and a source."),
                nameof(holiday));
        }
    }

    private static int Offset(DateOnly date, string paramName)
    {
        int i = date.DayNumber - Epoch;
        if ((uint)i >= (uint)DayCount)
        {
            throw OutOfRange(date, paramName);
        }

        return i;
    }

    private static void CheckRange(DateOnly date, string paramName) => Offset(date, paramName);

    private static ArgumentOutOfRangeException OutOfRange(DateOnly date, string paramName) =>
        new(paramName, date, string.Create(CultureInfo.InvariantCulture,
            $"The calendar covers {FirstDay:yyyy-MM-dd} to {LastDay:yyyy-MM-dd}; {date:yyyy-MM-dd} is outside it."));

    private static ArgumentOutOfRangeException BeyondRange(DateOnly start, int days) =>
        new(nameof(days), days, string.Create(CultureInfo.InvariantCulture,
            $"{days} working days after {start:yyyy-MM-dd} falls after {LastDay:yyyy-MM-dd}, the calendar's last day."));
}
