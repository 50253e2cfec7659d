using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Requests.EndToEnd.Tests.Infrastructure;
using static Requests.EndToEnd.Tests.Infrastructure.Steps;

namespace Requests.EndToEnd.Tests;

/// <summary>
/// Routing, intake and reporting as real processes over a real RabbitMQ: after an administrator moves a holiday in
/// routing, intake's calendar and deadlines and reporting's working days are counted on the same days off.
/// </summary>
public sealed class Agreeing_on_the_holiday_calendar : IAsyncLifetime
{
    // Thu 19 Mar 2026, urgent: three working days, while Eid al-Fitr is estimated on Sat 21 and Sun 22 March
    private const string UrgentFrom19March = "/api/deadlines?regime=information&receivedOn=2026-03-19&urgent=true";

    private readonly string _folder = Directory.CreateTempSubdirectory("requests-e2e-").FullName;
    private Broker _broker = null!;

    public async Task InitializeAsync() => _broker = await Broker.CreateVirtualHostAsync();

    [Fact]
    public async Task Intakes_and_reportings_calendars_follow_routings_correction()
    {
        // reporting and intake before routing, given routing's public key as a file: routing is not there yet to publish it
        var publicKey = RoutingProcess.CreateSigningKey(Path.Combine(_folder, "routing.db"));
        await using var reporting = await ReportingProcess.StartAsync(Path.Combine(_folder, "reporting.db"), _broker, publicKey);
        await using var intake = await IntakeProcess.StartAsync(Path.Combine(_folder, "intake.db"), _broker, settings: publicKey);
        await using var routing = await RoutingProcess.StartAsync(Path.Combine(_folder, "routing.db"), _broker);
        using var admin = await SignInAsync(routing, RoutingProcess.AdminUserName, RoutingProcess.AdminPassword);
        using var citizen = new HttpClient { BaseAddress = intake.Address };
        using var ministry = new HttpClient { BaseAddress = reporting.Address };
        ministry.DefaultRequestHeaders.Authorization = admin.DefaultRequestHeaders.Authorization;
        // received Thu 19 March, answered Wed 25: Fri 20, Mon 23, Tue 24, Wed 25 are four working days
        using var csv = new StringContent(
            "case_id,regime,kind,body_code,body_name,sector,region,channel,theme,urgent,received_on,due_on,answered_on,outcome,refusal_ground,extended\n" +
            "E1,information,request,MEF,Ministère de l'Économie et des Finances,ministry,Rabat-Salé-Kénitra,post,,false,2026-03-19,2026-04-16,2026-03-25,granted,,false\n",
            Encoding.UTF8, "text/csv");
        Assert.Equal(HttpStatusCode.OK, (await ministry.PostAsync(new Uri("/api/import", UriKind.Relative), csv)).StatusCode);
        Assert.Equal(4, await WorkingDelayAsync(ministry));
        Assert.Equal("2026-03-24", (await citizen.GetFromJsonAsync<JsonElement>(UrgentFrom19March)).GetProperty("dueOn").GetString());

        var correction = await admin.PostAsJsonAsync("/api/calendar/corrections",
            new { holidayDate = "2026-03-21", newDate = "2026-03-20", confirmed = true, reason = "Annonce du ministère des Habous" });
        Assert.Equal(HttpStatusCode.Created, correction.StatusCode);

        // Fri 20 is now a day off in all three
        var routings = await admin.GetStringAsync(new Uri("/api/calendar/2026", UriKind.Relative));
        Assert.Contains("\"date\":\"2026-03-20\"", routings, StringComparison.Ordinal);
        await EventuallyAsync(() => citizen.GetStringAsync(new Uri("/api/calendar/2026", UriKind.Relative)), c => c == routings, intake);
        Assert.Equal("2026-03-25", (await citizen.GetFromJsonAsync<JsonElement>(UrgentFrom19March)).GetProperty("dueOn").GetString());
        await EventuallyAsync(() => WorkingDelayAsync(ministry), days => days == 3, reporting);
    }

    private static async Task<int> WorkingDelayAsync(HttpClient ministry) =>
        (await ministry.GetFromJsonAsync<JsonElement>("/api/reports/2026/synthesis?asOf=2026-04-30"))
            .GetProperty("national").GetProperty("workingDays").GetProperty("maximum").GetInt32();

    public async Task DisposeAsync()
    {
        await _broker.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // the processes may still hold their files for a moment; the temp folder is cleaned eventually
        }
    }
}
