using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Requests.EndToEnd.Tests.Infrastructure;

namespace Requests.EndToEnd.Tests;

/// <summary>
/// Routing as a real process behind a trusted proxy (the test, which says who the client is with X-Forwarded-For):
/// an anonymous guesser cannot lock the administrator out, is slowed, and learns nothing from the answers.
/// </summary>
public sealed class Slowing_password_guesses : IAsyncLifetime
{
    private const string Usual = "203.0.113.10";
    private readonly string _folder = Directory.CreateTempSubdirectory("requests-signin-").FullName;
    private Broker _broker = null!;

    public async Task InitializeAsync() => _broker = await Broker.CreateVirtualHostAsync();

    [Fact]
    public async Task A_guesser_is_held_while_the_administrator_still_signs_in_and_every_failure_reads_the_same()
    {
        await using var routing = await RoutingProcess.StartAsync(Path.Combine(_folder, "routing.db"), _broker,
            new Dictionary<string, string> { ["ForwardedHeaders__KnownProxies__0"] = "127.0.0.1" });
        using var http = new HttpClient { BaseAddress = routing.Address };
        async Task<(HttpStatusCode Status, string Answer, TimeSpan Took)> LoginAsync(string from, string userName, string password)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login") { Content = JsonContent.Create(new { userName, password }) };
            request.Headers.Add("X-Forwarded-For", from);
            var watch = Stopwatch.StartNew();
            var response = await http.SendAsync(request);
            var took = watch.Elapsed;
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            var answer = response.IsSuccessStatusCode ? "" : $"{body.GetProperty("title")} {body.GetProperty("detail")}";
            return (response.StatusCode, answer, took);
        }
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(Usual, RoutingProcess.AdminUserName, RoutingProcess.AdminPassword)).Status);

        // an unknown user costs the same password check as a wrong password: no account is told apart by its time
        var unknownTimes = new List<TimeSpan>();
        var wrongTimes = new List<TimeSpan>();
        for (var i = 0; i < 3; i++)
        {
            unknownTimes.Add((await LoginAsync($"192.0.2.{20 + i}", $"nobody{i}", "a guess")).Took);
            wrongTimes.Add((await LoginAsync($"192.0.2.{30 + i}", RoutingProcess.AdminUserName, "a guess")).Took);
        }
        Assert.True(unknownTimes.Min() >= wrongTimes.Min() * 0.3, $"unknown user {unknownTimes.Min()}, wrong password {wrongTimes.Min()}");

        // one address, then many: 40 wrong guesses at the administrator's password
        var failures = new List<(HttpStatusCode Status, string Answer, TimeSpan Took)>();
        for (var i = 0; i < 40; i++)
            failures.Add(await LoginAsync(i < 20 ? "198.51.100.1" : $"198.51.100.{i}", RoutingProcess.AdminUserName, $"guess {i}"));
        var guessedRight = await LoginAsync("198.51.100.1", RoutingProcess.AdminUserName, RoutingProcess.AdminPassword);
        var guessedRightElsewhere = await LoginAsync("192.0.2.99", RoutingProcess.AdminUserName, RoutingProcess.AdminPassword);
        var administrator = await LoginAsync(Usual, RoutingProcess.AdminUserName, RoutingProcess.AdminPassword);
        var unknown = await LoginAsync("192.0.2.7", "nobody.at.all", "a guess");

        Assert.Equal(HttpStatusCode.OK, administrator.Status);
        Assert.All(failures.Append(guessedRight).Append(guessedRightElsewhere).Append(unknown), f =>
            Assert.Equal((HttpStatusCode.Unauthorized, failures[0].Answer), (f.Status, f.Answer)));
    }

    public async Task DisposeAsync()
    {
        await _broker.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}
