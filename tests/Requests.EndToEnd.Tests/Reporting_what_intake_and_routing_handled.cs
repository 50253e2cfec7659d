using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Requests.EndToEnd.Tests.Infrastructure;
using static Requests.EndToEnd.Tests.Infrastructure.Steps;

namespace Requests.EndToEnd.Tests;

/// <summary>
/// Intake, routing and reporting as real processes over a real RabbitMQ: requests filed in intake and handled in
/// routing appear in the national synthesis and the body's report with the right figures.
/// </summary>
public sealed class Reporting_what_intake_and_routing_handled : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("requests-e2e-").FullName;
    private Broker _broker = null!;

    public async Task InitializeAsync() => _broker = await Broker.CreateVirtualHostAsync();

    [Fact]
    public async Task Requests_filed_and_answered_appear_in_the_synthesis()
    {
        // reporting first: its queues then exist when routing publishes its directory at start-up; it is given
        // routing's public key as a file, routing not being there yet to publish it
        var publicKey = RoutingProcess.CreateSigningKey(Path.Combine(_folder, "routing.db"));
        await using var reporting = await ReportingProcess.StartAsync(Path.Combine(_folder, "reporting.db"), _broker, publicKey);
        await using var routing = await RoutingProcess.StartAsync(Path.Combine(_folder, "routing.db"), _broker);
        await using var intake = await IntakeProcess.StartAsync(Path.Combine(_folder, "intake.db"), _broker, routing: routing);
        using var citizen = new HttpClient { BaseAddress = intake.Address };
        using var admin = await SignInAsync(routing, RoutingProcess.AdminUserName, RoutingProcess.AdminPassword);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/accounts", new
        {
            userName = "youssef.benali", email = "youssef.benali@mef.gov.ma", password = "a long officer passphrase",
            role = "officer", officerIds = new[] { "MEF-O1" },
        })).StatusCode);
        using var officer = await SignInAsync(routing, "youssef.benali", "a long officer passphrase");

        // three requests: one granted, one refused, one left open
        var granted = await Filing.FileAsync(citizen, 1);
        var refused = await Filing.FileAsync(citizen, 2);
        var open = await Filing.FileAsync(citizen, 3);
        foreach (var receipt in new[] { granted, refused, open })
            await EventuallyAsync(async () => (await officer.GetAsync($"/api/cases/{receipt.CaseId}")).StatusCode, s => s == HttpStatusCode.OK, routing);
        await ActAsync(officer, granted.CaseId, "accept", new { });
        await ActAsync(officer, granted.CaseId, "answer", new { outcome = "granted", text = "The reports are attached." });
        await ActAsync(officer, refused.CaseId, "accept", new { });
        await ActAsync(officer, refused.CaseId, "answer", new
        {
            outcome = "refused", refusalGround = "monetary-and-economic-policy", text = "Their publication would harm the monetary policy under way.",
        });

        // the administrator's token from routing opens the synthesis in reporting
        using var ministry = new HttpClient { BaseAddress = reporting.Address };
        ministry.DefaultRequestHeaders.Authorization = admin.DefaultRequestHeaders.Authorization;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow,
            TimeZoneInfo.FindSystemTimeZoneById("Africa/Casablanca")).DateTime);
        var path = $"/api/reports/{today.Year}/synthesis?asOf={today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
        var synthesis = await EventuallyAsync(() => ministry.GetFromJsonAsync<JsonElement>(path),
            s => s.GetProperty("national").GetProperty("answered").GetInt64() == 2
                && s.GetProperty("national").GetProperty("received").GetInt64() == 3, reporting);

        var national = synthesis.GetProperty("national");
        Assert.Equal(3, national.GetProperty("received").GetInt64());
        Assert.Equal(66.7m, national.GetProperty("responseRate").GetDecimal());
        Assert.Equal(0m, national.GetProperty("calendarDays").GetProperty("average").GetDecimal()); // filed and answered today
        Assert.Equal(100.0m, national.GetProperty("inTimeRate").GetDecimal());
        Assert.Equal(1, national.GetProperty("open").GetInt64());
        var outcomes = synthesis.GetProperty("breakdowns").GetProperty("byOutcome").EnumerateArray()
            .Select(o => o.GetProperty("key").GetString()).ToList();
        Assert.Equal(["granted", "refused"], outcomes);
        var grounds = synthesis.GetProperty("breakdowns").GetProperty("byRefusalGround");
        Assert.Equal("monetary-and-economic-policy", Assert.Single(grounds.EnumerateArray()).GetProperty("key").GetString());
        Assert.Equal(open.TrackingNumber, Assert.Single(synthesis.GetProperty("oldestOpen").EnumerateArray()).GetProperty("trackingNumber").GetString());

        // routing's directory places MEF among the ministries; its officer reads its report with the same token
        var ministries = synthesis.GetProperty("sectors").EnumerateArray().Single(s => s.GetProperty("sector").GetString() == "ministry");
        Assert.Equal("MEF", ministries.GetProperty("bodies")[0].GetProperty("code").GetString());
        using var officerAtReporting = new HttpClient { BaseAddress = reporting.Address };
        officerAtReporting.DefaultRequestHeaders.Authorization = officer.DefaultRequestHeaders.Authorization;
        var own = await officerAtReporting.GetFromJsonAsync<JsonElement>($"/api/reports/{today.Year}/bodies/MEF");
        Assert.Equal(3, own.GetProperty("figures").GetProperty("received").GetInt64());
        Assert.Equal(HttpStatusCode.Forbidden, (await officerAtReporting.GetAsync(path)).StatusCode);
    }

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
