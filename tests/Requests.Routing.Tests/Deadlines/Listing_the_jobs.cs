using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using static Requests.Routing.Tests.Deadlines.Sweeps;

namespace Requests.Routing.Tests.Deadlines;

// The scheduler (Hangfire) runs on the wall clock; the jobs' work reads the app's (fake) clock.
public sealed class Listing_the_jobs : IDisposable
{
    private readonly RoutingApp _app = new() { RunsJobs = true };

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task An_administrator_sees_both_jobs_with_their_schedule_and_next_run()
    {
        await using var app = new RoutingApp { RunsJobs = true, OnSchedule = true };
        var admin = await app.SignInAsync("admin", "no-designation");

        var jobs = (await admin.GetFromJsonAsync<JsonElement[]>("/api/jobs"))!;

        Assert.Equal(["deadline-sweep", "daily-digest"], jobs.Select(j => j.GetProperty("name").GetString()));
        var sweep = jobs[0];
        Assert.Equal("cron * * * * * (Africa/Casablanca)", sweep.GetProperty("schedule").GetString());
        // the next sweep at the next minute, on the wall clock
        var next = sweep.GetProperty("nextRunAt").GetDateTimeOffset();
        Assert.InRange(next - DateTimeOffset.UtcNow, TimeSpan.FromSeconds(-15), TimeSpan.FromMinutes(1));
        var digest = jobs[1];
        Assert.Equal("cron 0 7 * * * (Africa/Casablanca)", digest.GetProperty("schedule").GetString());
        var nextDigest = TimeZoneInfo.ConvertTime(digest.GetProperty("nextRunAt").GetDateTimeOffset(),
            TimeZoneInfo.FindSystemTimeZoneById("Africa/Casablanca"));
        Assert.Equal(new TimeSpan(7, 0, 0), nextDigest.TimeOfDay);
        Assert.All(jobs, j => Assert.False(string.IsNullOrEmpty(j.GetProperty("description").GetString())));
    }

    [Fact]
    public async Task Running_the_sweep_now_records_its_result_as_of_the_apps_clock()
    {
        await _app.ConsumeAsync(Submissions.Request(receivedOn: new DateOnly(2026, 11, 23)));
        _app.Clock.Set(Local(2026, 12, 14)); // the first reminder of the case, due Mon 21 Dec, falls due
        var admin = await AdminAsync();
        var before = (await admin.GetFromJsonAsync<JsonElement[]>("/api/jobs"))!;

        var run = await admin.PostAsync(new Uri("/api/jobs/deadline-sweep/run", UriKind.Relative), null);

        // nothing ran before: the test's jobs have no schedule of their own
        Assert.All(before, j => Assert.Equal(JsonValueKind.Null, j.GetProperty("lastRunStartedAt").ValueKind));
        Assert.Equal(HttpStatusCode.Accepted, run.StatusCode);
        var sweep = await LastRunAsync(admin, "deadline-sweep");
        Assert.True(sweep.GetProperty("lastSucceeded").GetBoolean());
        Assert.Equal("succeeded: 1 reminder, 0 missed", sweep.GetProperty("lastResult").GetString());
        Assert.True(sweep.GetProperty("lastRunEndedAt").GetDateTimeOffset() >= sweep.GetProperty("lastRunStartedAt").GetDateTimeOffset());
        Assert.Equal(1, await _app.CountAsync("outbox_messages", "message_type LIKE '%.DeadlineApproaching'"));

        Assert.Equal(HttpStatusCode.Accepted, (await admin.PostAsync(new Uri("/api/jobs/daily-digest/run", UriKind.Relative), null)).StatusCode);
        Assert.Equal("succeeded: 1 digests prepared", (await LastRunAsync(admin, "daily-digest")).GetProperty("lastResult").GetString());
    }

    [Fact]
    public async Task Running_an_unknown_job_is_a_404_naming_the_jobs()
    {
        var admin = await AdminAsync();

        var run = await admin.PostAsync(new Uri("/api/jobs/backup/run", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.NotFound, run.StatusCode);
        Assert.Equal("application/problem+json", run.Content.Headers.ContentType?.MediaType);
        Assert.Contains("deadline-sweep, daily-digest", (await run.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_the_jobs_disabled_nothing_is_scheduled_or_run()
    {
        var admin = await AdminAsync();
        // a second host on the same database, as an HTTP-only test would configure it; the token is valid there too
        await using var disabled = _app.WithWebHostBuilder(b => b.UseSetting("Routing:Jobs:Enabled", "false"));
        var client = disabled.CreateClient();
        client.DefaultRequestHeaders.Authorization = admin.DefaultRequestHeaders.Authorization;

        var jobs = (await client.GetFromJsonAsync<JsonElement[]>("/api/jobs"))!;
        var run = await client.PostAsync(new Uri("/api/jobs/deadline-sweep/run", UriKind.Relative), null);

        Assert.Equal([$"cron {RoutingApp.Never} (Africa/Casablanca) (disabled)", $"cron {RoutingApp.Never} (Africa/Casablanca) (disabled)"],
            jobs.Select(j => j.GetProperty("schedule").GetString()));
        Assert.All(jobs, j => Assert.Equal(JsonValueKind.Null, j.GetProperty("nextRunAt").ValueKind));
        Assert.Equal(HttpStatusCode.Conflict, run.StatusCode);
    }

    [Fact]
    public async Task A_job_removed_from_the_dashboard_shows_so_and_cannot_be_run_until_the_next_start()
    {
        var admin = await AdminAsync();
        _app.Services.GetRequiredService<IRecurringJobManager>().RemoveIfExists("daily-digest");

        var digest = (await admin.GetFromJsonAsync<JsonElement[]>("/api/jobs"))!.Single(j => j.GetProperty("name").GetString() == "daily-digest");
        var run = await admin.PostAsync(new Uri("/api/jobs/daily-digest/run", UriKind.Relative), null);

        Assert.Equal($"cron {RoutingApp.Never} (Africa/Casablanca) (removed until the next start)", digest.GetProperty("schedule").GetString());
        Assert.Equal(JsonValueKind.Null, digest.GetProperty("nextRunAt").ValueKind);
        Assert.Equal(HttpStatusCode.Conflict, run.StatusCode);
        Assert.Equal("application/problem+json", run.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Only_administrators_see_or_run_the_jobs()
    {
        var officer = await _app.SignInAsync("officer", "MEF-O1");
        var anonymous = _app.CreateClient();

        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync(new Uri("/api/jobs", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostAsync(new Uri("/api/jobs/deadline-sweep/run", UriKind.Relative), null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(new Uri("/api/jobs", UriKind.Relative))).StatusCode);
    }

    // an administrator holds no designation; the unknown id only lengthens the user name RoutingApp cuts to 40 characters
    private Task<HttpClient> AdminAsync() => _app.SignInAsync("admin", "no-designation");

    private static async Task<JsonElement> LastRunAsync(HttpClient admin, string job)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var jobs = await admin.GetFromJsonAsync<JsonElement[]>("/api/jobs");
            var found = jobs!.Single(j => j.GetProperty("name").GetString() == job);
            if (found.GetProperty("lastRunEndedAt").ValueKind != JsonValueKind.Null)
                return found;
            await Task.Delay(100);
        }
        throw new TimeoutException($"The job {job} did not finish within 10 s.");
    }
}
