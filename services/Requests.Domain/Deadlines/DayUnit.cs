namespace Requests.Domain.Deadlines;

public enum DayUnit
{
    Working,
    Calendar,
}
