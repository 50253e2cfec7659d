using MassTransit;

namespace Requests.Routing.Calendar;

/// <summary>The working-day calendar routing enforces deadlines with, and the administrators' corrections to it.</summary>
public static class CalendarEndpoints
{
    public static void AddCalendarConsumers(this IBusRegistrationConfigurator bus)
    {
    }

    public static WebApplication MapCalendar(this WebApplication app) => app;
}
