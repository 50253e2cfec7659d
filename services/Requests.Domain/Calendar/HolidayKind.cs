namespace Requests.Domain.Calendar;

public enum HolidayKind
{
    Fixed,
    Lunar,
    Exceptional,
}
