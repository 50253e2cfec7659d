using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Requests.EndToEnd.Tests.Infrastructure;

namespace Requests.EndToEnd.Tests.Scaled;

/// <summary>
/// A holiday correction made through one routing instance is stored in routing's database, which the other reads
/// (<c>Database:ReloadInterval</c>); its snapshot reaches one intake instance (competing consumers), which stores it for
/// the other. Then all four count deadlines on the same days off.
/// </summary>
/// <remarks>
/// The correction is in 2031, the calendar's last year: the other tests on these instances file cases today and count
/// on today's due dates, which it cannot change.
/// </remarks>
[Collection(SharedInstances.Name)]
public sealed class Sharing_the_calendar(TwoOfEach system)
{
    // Mon 17 Nov 2031, urgent: three working days; Independence Day, Tue 18, is a day off
    private const string UrgentFrom17November = "/api/deadlines?regime=information&receivedOn=2031-11-17&urgent=true";

    [Fact]
    public async Task A_holiday_moved_on_one_routing_instance_is_counted_by_the_other_and_by_both_intake_instances()
    {
        foreach (var intake in system.Intakes)
            Assert.Equal("2031-11-21", await DueOnAsync(intake)); // Wed 19, Thu 20, Fri 21
        using var admin = await Steps.SignInAsync(system.RoutingA, RoutingProcess.AdminUserName, RoutingProcess.AdminPassword);

        var correction = await admin.PostAsJsonAsync("/api/calendar/corrections",
            new { holidayDate = "2031-11-18", newDate = "2031-11-22", confirmed = true, reason = "Report au samedi (essai)" });

        Assert.Equal(HttpStatusCode.Created, correction.StatusCode);
        var corrected = await admin.GetStringAsync(new Uri("/api/calendar/2031", UriKind.Relative));
        Assert.Contains("\"date\":\"2031-11-22\"", corrected, StringComparison.Ordinal);
        using var otherRouting = new HttpClient { BaseAddress = system.RoutingB.Address };
        await Steps.EventuallyAsync(() => otherRouting.GetStringAsync(new Uri("/api/calendar/2031", UriKind.Relative)),
            calendar => calendar == corrected, system.RoutingB);
        foreach (var intake in system.Intakes)
        {
            using var citizen = new HttpClient { BaseAddress = intake.Address };
            await Steps.EventuallyAsync(() => citizen.GetStringAsync(new Uri("/api/calendar/2031", UriKind.Relative)),
                calendar => calendar == corrected, intake);
            Assert.Equal("2031-11-20", await DueOnAsync(intake)); // Tue 18, Wed 19, Thu 20
        }
    }

    private static async Task<string?> DueOnAsync(ServiceProcess intake)
    {
        using var citizen = new HttpClient { BaseAddress = intake.Address };
        return (await citizen.GetFromJsonAsync<JsonElement>(UrgentFrom17November)).GetProperty("dueOn").GetString();
    }
}
