using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Requests.EndToEnd.Tests.Infrastructure;

namespace Requests.EndToEnd.Tests.Scaled;

/// <summary>
/// What one instance issues, the other takes: a staff token, a workspace session with its antiforgery tokens, a
/// citizen's access code; and password guesses spread over both routing instances are counted together.
/// </summary>
[Collection(SharedInstances.Name)]
public sealed partial class Signing_in_through_two_instances(TwoOfEach system)
{
    [Fact]
    public async Task A_token_from_one_routing_instance_is_taken_by_the_other_and_by_intake()
    {
        using var admin = await Steps.SignInAsync(system.RoutingA, RoutingProcess.AdminUserName, RoutingProcess.AdminPassword);
        var token = admin.DefaultRequestHeaders.Authorization!;

        foreach (var routing in system.Routings)
        {
            using var http = new HttpClient { BaseAddress = routing.Address };
            http.DefaultRequestHeaders.Authorization = token;
            var me = await http.GetFromJsonAsync<JsonElement>("/api/auth/me");
            Assert.Equal(RoutingProcess.AdminUserName, me.GetProperty("userName").GetString());
        }
        foreach (var intake in system.Intakes)
        {
            using var http = new HttpClient { BaseAddress = intake.Address };
            http.DefaultRequestHeaders.Authorization = token;
            // an empty filing: past authentication, refused for its missing fields
            Assert.Equal(HttpStatusCode.UnprocessableEntity, (await http.PostAsJsonAsync("/api/staff/requests", new { })).StatusCode);
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Parameter![..^4] + "AAAA");
            Assert.Equal(HttpStatusCode.Unauthorized, (await http.PostAsJsonAsync("/api/staff/requests", new { })).StatusCode);
        }
    }

    [Fact]
    public async Task A_citizen_s_access_code_from_one_intake_instance_opens_the_case_on_the_other()
    {
        using var first = new HttpClient { BaseAddress = system.IntakeA.Address };
        using var second = new HttpClient { BaseAddress = system.IntakeB.Address };
        var receipt = await Filing.FileAsync(first, 1);

        using var lookup = new HttpRequestMessage(HttpMethod.Get, $"/api/cases/{receipt.TrackingNumber}") { Headers = { { "X-Access-Code", receipt.AccessCode } } };
        var view = await second.SendAsync(lookup);
        Assert.Equal(HttpStatusCode.OK, view.StatusCode);
        using var wrong = new HttpRequestMessage(HttpMethod.Get, $"/api/cases/{receipt.TrackingNumber}") { Headers = { { "X-Access-Code", "AAAAA-AAAAA" } } };
        Assert.Equal(HttpStatusCode.NotFound, (await second.SendAsync(wrong)).StatusCode);
    }

    [Fact]
    public async Task A_workspace_session_opened_on_one_instance_works_on_the_other_with_its_forms()
    {
        var cookies = new CookieContainer();
        using var first = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = system.StaffA.Address };
        using var second = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = system.StaffB.Address };

        var signIn = await first.PostAsync("/signin", Form(await FormTokenAsync(first, "/signin"),
            ("UserName", RoutingProcess.AdminUserName), ("Password", RoutingProcess.AdminPassword)));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        // the session cookie from the first opens a page on the second
        var queue = await second.GetAsync("/queue");
        Assert.Equal(HttpStatusCode.OK, queue.StatusCode);
        Assert.Contains(RoutingProcess.AdminUserName, await queue.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // a form rendered by the first is posted to the second
        var token = await FormTokenAsync(first, "/queue");
        var language = await second.PostAsync("/language", Form(token, ("code", "ar"), ("returnUrl", "/queue")));
        Assert.Equal(HttpStatusCode.Redirect, language.StatusCode);
        var back = await second.PostAsync("/language", Form(await FormTokenAsync(second, "/queue"), ("code", "fr"), ("returnUrl", "/queue")));
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
    }

    [Fact]
    public async Task Guesses_spread_over_both_routing_instances_are_counted_together()
    {
        using var admin = await Steps.SignInAsync(system.RoutingA, RoutingProcess.AdminUserName, RoutingProcess.AdminPassword);
        const string password = "a guessed officer's long passphrase";
        var created = await admin.PostAsJsonAsync("/api/accounts", new
        {
            userName = "guessed.officer", email = "guessed.officer@mef.gov.ma", password, role = "officer", officerIds = new[] { "MEF-O1" },
        });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        async Task<HttpStatusCode> LoginAsync(ServiceProcess routing, string from, string guess)
        {
            using var http = new HttpClient { BaseAddress = routing.Address };
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login") { Content = JsonContent.Create(new { userName = "guessed.officer", password = guess }) };
            request.Headers.Add("X-Forwarded-For", from);
            return (await http.SendAsync(request)).StatusCode;
        }
        Assert.Equal(HttpStatusCode.OK, await LoginAsync(system.RoutingB, "203.0.113.50", password));

        // ten wrong guesses from one address, five on each instance: past five on one path, each holds it twice as long
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < 10; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, await LoginAsync(system.Routings[i % 2], "198.51.100.77", $"guess {i}"));
        await Task.Delay(TimeSpan.FromSeconds(3));

        // counted apart, each instance would have held the path a second, long over; together, 32 s
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(25), $"the guesses took {watch.Elapsed}");
        Assert.Equal(HttpStatusCode.Unauthorized, await LoginAsync(system.RoutingA, "198.51.100.77", password));
        Assert.Equal(HttpStatusCode.Unauthorized, await LoginAsync(system.RoutingB, "198.51.100.77", password));
        // the holder, from where they signed in before, is not held
        Assert.Equal(HttpStatusCode.OK, await LoginAsync(system.RoutingA, "203.0.113.50", password));
        var accounts = await admin.GetFromJsonAsync<JsonElement>("/api/accounts");
        Assert.True(accounts.EnumerateArray().Single(a => a.GetProperty("userName").GetString() == "guessed.officer").GetProperty("lockedOut").GetBoolean());
    }

    /// <summary>The antiforgery token of the first form on <paramref name="page"/>.</summary>
    private static async Task<string> FormTokenAsync(HttpClient http, string page)
    {
        var html = await http.GetStringAsync(page);
        return FormToken().Match(html).Groups[1].Value;
    }

    private static FormUrlEncodedContent Form(string token, params (string Key, string Value)[] fields) =>
        new(fields.Select(f => KeyValuePair.Create(f.Key, f.Value)).Append(KeyValuePair.Create("__RequestVerificationToken", token)));

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex FormToken();
}
