using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Requests.EndToEnd.Tests.Infrastructure;
using static Requests.EndToEnd.Tests.Infrastructure.Steps;

namespace Requests.EndToEnd.Tests;

/// <summary>
/// Intake and routing as real processes over a real RabbitMQ, sharing one Data Protection key ring: an officer works
/// a request from their queue, the citizen follows each step in intake and contests the refusal there.
/// </summary>
public sealed class A_case_through_its_lifecycle : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("requests-e2e-").FullName;
    private Broker _broker = null!;

    public async Task InitializeAsync() => _broker = await Broker.CreateVirtualHostAsync();

    [Fact]
    public async Task An_officer_works_it_from_the_queue_and_the_citizen_sees_each_step_and_contests_the_refusal()
    {
        await using var routing = await RoutingProcess.StartAsync(Path.Combine(_folder, "routing.db"), _broker);
        await using var intake = await IntakeProcess.StartAsync(Path.Combine(_folder, "intake.db"), _broker, routing: routing);
        using var citizen = new HttpClient { BaseAddress = intake.Address };
        using var admin = await SignInAsync(routing, RoutingProcess.AdminUserName, RoutingProcess.AdminPassword);
        var created = await admin.PostAsJsonAsync("/api/accounts", new
        {
            userName = "youssef.benali", email = "youssef.benali@mef.gov.ma", password = "a long officer passphrase",
            role = "officer", officerIds = new[] { "MEF-O1" },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var officer = await SignInAsync(routing, "youssef.benali", "a long officer passphrase");

        // filed in intake, assigned in routing, in the officer's queue
        var receipt = await Filing.FileAsync(citizen, 1);
        var item = await EventuallyAsync(async () =>
        {
            var queue = await officer.GetFromJsonAsync<JsonElement>("/api/queue");
            return Items(queue).FirstOrDefault(i => i.GetProperty("trackingNumber").GetString() == receipt.TrackingNumber);
        }, i => i.ValueKind == JsonValueKind.Object, routing);
        Assert.Equal(receipt.CaseId, item.GetProperty("caseId").GetGuid());
        Assert.Equal("assigned", item.GetProperty("status").GetString());
        await CitizenSeesAsync(citizen, receipt, "assigned", intake);

        // the officer's moves, each seen by the citizen
        await ActAsync(officer, receipt.CaseId, "accept", new { });
        await CitizenSeesAsync(citizen, receipt, "accepted", intake);
        await ActAsync(officer, receipt.CaseId, "extend", new { reasons = "The reports must be gathered from twelve regional offices." });
        var extended = await CitizenSeesAsync(citizen, receipt, "extended", intake);
        Assert.True(DateOnly.Parse(extended.GetProperty("dueDate").GetString()!, System.Globalization.CultureInfo.InvariantCulture) > receipt.DueDate);
        await ActAsync(officer, receipt.CaseId, "answer", new
        {
            outcome = "refused", refusalGround = "monetary-and-economic-policy", text = "Their publication would harm the monetary policy under way.",
        });
        await CitizenSeesAsync(citizen, receipt, "answered", intake);

        // the citizen contests the refusal in intake; routing opens the recourse to the head of the body
        using var recourse = new HttpRequestMessage(HttpMethod.Post, $"/api/cases/{receipt.TrackingNumber}/recourse")
        {
            Content = JsonContent.Create(new { text = "The reports are published every year by law." }),
        };
        recourse.Headers.Add("X-Access-Code", receipt.AccessCode);
        Assert.Equal(HttpStatusCode.Accepted, (await citizen.SendAsync(recourse)).StatusCode);
        await EventuallyAsync(async () => (await officer.GetFromJsonAsync<JsonElement>($"/api/cases/{receipt.CaseId}"))
            .GetProperty("status").GetString(), s => s == "under-recourse", routing);
        var contested = await CitizenSeesAsync(citizen, receipt, "under-recourse", intake);
        Assert.True(contested.GetProperty("timeline").GetArrayLength() >= 6, contested.ToString());
    }

    [Fact]
    public async Task Intake_accepts_routings_staff_tokens_for_the_bodies_they_name()
    {
        await using var routing = await RoutingProcess.StartAsync(Path.Combine(_folder, "routing.db"), _broker);
        await using var intake = await IntakeProcess.StartAsync(Path.Combine(_folder, "intake.db"), _broker, routing: routing);
        using var admin = await SignInAsync(routing, RoutingProcess.AdminUserName, RoutingProcess.AdminPassword);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/accounts", new
        {
            userName = "karim.tazi", email = "karim.tazi@mef.gov.ma", password = "a long officer passphrase",
            role = "officer", officerIds = new[] { "MEF-S1" },
        })).StatusCode);
        using var officer = await SignInAsync(routing, "karim.tazi", "a long officer passphrase");
        using var staff = new HttpClient { BaseAddress = intake.Address };
        staff.DefaultRequestHeaders.Authorization = officer.DefaultRequestHeaders.Authorization;

        var mine = await staff.PostAsJsonAsync("/api/staff/requests", StaffFiling("MEF"));
        var other = await staff.PostAsJsonAsync("/api/staff/requests", StaffFiling("CNSS"));
        using var anonymous = new HttpClient { BaseAddress = intake.Address };
        var none = await anonymous.PostAsJsonAsync("/api/staff/requests", StaffFiling("MEF"));

        Assert.Equal(HttpStatusCode.Created, mine.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
    }

    private static object StaffFiling(string bodyCode) => new
    {
        bodyCode,
        subject = "Procurement files",
        description = "The 2025 procurement files of the regional office.",
        delivery = "post",
        urgent = false,
        requester = new { fullName = "Omar Idrissi", identityNumber = "BE998877", address = "12 rue Tarik, Rabat" },
        consent = true,
        language = "fr",
        channel = "counter",
        receivedOn = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
    };

    private static JsonElement.ArrayEnumerator Items(JsonElement queue) =>
        (queue.ValueKind == JsonValueKind.Array ? queue : queue.GetProperty("items")).EnumerateArray();

    /// <summary>Waits until the citizen's view of the case in intake shows <paramref name="status"/>, and returns it.</summary>
    private static Task<JsonElement> CitizenSeesAsync(HttpClient citizen, Receipt receipt, string status, ServiceProcess intake) =>
        EventuallyAsync(async () =>
        {
            using var lookup = new HttpRequestMessage(HttpMethod.Get, $"/api/cases/{receipt.TrackingNumber}");
            lookup.Headers.Add("X-Access-Code", receipt.AccessCode);
            return await (await citizen.SendAsync(lookup)).Content.ReadFromJsonAsync<JsonElement>();
        }, view => view.GetProperty("status").GetString() == status, intake);

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
