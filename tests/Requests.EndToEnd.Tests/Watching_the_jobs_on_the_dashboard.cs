using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Requests.EndToEnd.Tests.Infrastructure;
using static Requests.EndToEnd.Tests.Infrastructure.Steps;

namespace Requests.EndToEnd.Tests;

/// <summary>
/// Routing as a real process with its deadline jobs on Hangfire: the dashboard at <c>/hangfire</c> is for
/// administrators (who may act on the jobs) and the ministry (who may only read), with routing's staff sign-in.
/// </summary>
public sealed class Watching_the_jobs_on_the_dashboard : IAsyncLifetime
{
    private const string Password = "a long staff passphrase";

    private readonly string _folder = Directory.CreateTempSubdirectory("requests-e2e-").FullName;
    private Broker _broker = null!;

    public async Task InitializeAsync() => _broker = await Broker.CreateVirtualHostAsync();

    [Fact]
    public async Task Administrators_and_the_ministry_see_it_officers_and_strangers_do_not()
    {
        // the jobs run only when someone runs them: 31 February never comes
        await using var routing = await RoutingProcess.StartAsync(Path.Combine(_folder, "routing.db"), _broker, settings: new Dictionary<string, string>
        {
            ["Routing__Jobs__SweepInterval"] = "0 0 31 2 *",
            ["Routing__Jobs__DigestCron"] = "0 0 31 2 *",
        });
        using var admin = await SignInAsync(routing, RoutingProcess.AdminUserName, RoutingProcess.AdminPassword);
        await CreateAccountAsync(admin, "youssef.benali", "officer", "MEF-O1");
        await CreateAccountAsync(admin, "salma.idrissi", "ministry");
        using var officer = await SignInAsync(routing, "youssef.benali", Password);
        using var ministry = await SignInAsync(routing, "salma.idrissi", Password);
        using var ministryCookie = await SignInWithCookieAsync(routing, "salma.idrissi");
        using var anonymous = new HttpClient { BaseAddress = routing.Address };

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/hangfire")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/hangfire/recurring")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync("/hangfire")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync("/hangfire/recurring")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/hangfire")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ministry.GetAsync("/hangfire")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ministryCookie.GetAsync("/hangfire")).StatusCode);

        // both see the recurring jobs; only the administrator is offered to trigger them
        var adminPage = await admin.GetStringAsync("/hangfire/recurring");
        var ministryPage = await ministry.GetStringAsync("/hangfire/recurring");
        Assert.All(new[] { adminPage, ministryPage }, page =>
        {
            Assert.Contains("deadline-sweep", page, StringComparison.Ordinal);
            Assert.Contains("daily-digest", page, StringComparison.Ordinal);
        });
        Assert.Contains("recurring/trigger", adminPage, StringComparison.Ordinal);
        Assert.DoesNotContain("recurring/trigger", ministryPage, StringComparison.Ordinal);

        // the dashboard refuses the ministry's commands and runs the administrator's
        Assert.Equal(HttpStatusCode.Unauthorized, (await TriggerSweepAsync(ministry)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await TriggerSweepAsync(officer)).StatusCode);
        Assert.Null(await SweepResultAsync(admin));
        Assert.Equal(HttpStatusCode.NoContent, (await TriggerSweepAsync(admin)).StatusCode);
        Assert.Equal("succeeded: 0 reminders, 0 missed", await EventuallyAsync(() => SweepResultAsync(admin), r => r?.StartsWith("succeeded", StringComparison.Ordinal) == true, routing));
    }

    private static Task<HttpResponseMessage> TriggerSweepAsync(HttpClient client) =>
        client.PostAsync("/hangfire/recurring/trigger", new FormUrlEncodedContent([new("jobs[]", "deadline-sweep")]));

    private static async Task<string?> SweepResultAsync(HttpClient admin) =>
        (await admin.GetFromJsonAsync<JsonElement[]>("/api/jobs"))!
            .Single(j => j.GetProperty("name").GetString() == "deadline-sweep").GetProperty("lastResult").GetString();

    private static async Task CreateAccountAsync(HttpClient admin, string userName, string role, params string[] officerIds)
    {
        var created = await admin.PostAsJsonAsync("/api/accounts",
            new { userName, email = $"{userName}@example.ma", password = Password, role, officerIds });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
    }

    /// <summary>A client that carries routing's sign-in cookie, as a browser would.</summary>
    private static async Task<HttpClient> SignInWithCookieAsync(ServiceProcess routing, string userName)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = routing.Address };
        var login = await client.PostAsJsonAsync("/api/auth/login?useCookies=true", new { userName, password = Password });
        Assert.True(login.IsSuccessStatusCode, await login.Content.ReadAsStringAsync());
        return client;
    }

    public async Task DisposeAsync()
    {
        await _broker.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}
