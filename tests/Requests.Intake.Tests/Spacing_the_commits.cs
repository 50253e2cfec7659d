using System.Diagnostics;
using System.Net;

namespace Requests.Intake.Tests;

// Group commits are at least Intake:CommitInterval apart (3 s here): a filing right after a commit waits for the
// interval, a filing that finds the writer idle longer is committed at once. The margins are wide on purpose.
public sealed class Spacing_the_commits : IDisposable
{
    private readonly IntakeApp _app = new() { Settings = { ["Intake:CommitInterval"] = "00:00:03" } };

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Holds_a_filing_that_follows_a_commit_and_not_one_that_finds_the_writer_idle()
    {
        var client = _app.CreateClient();
        await FileAsync(client); // the first commit since start: nothing to wait for

        var following = await FileAsync(client);
        Assert.True(following >= TimeSpan.FromSeconds(2), $"a filing right after a commit was answered in {following}");

        await Task.Delay(TimeSpan.FromSeconds(3.5));
        var alone = await FileAsync(client);
        Assert.True(alone < TimeSpan.FromSeconds(2), $"a filing after an idle interval was answered in {alone}");
    }

    private static async Task<TimeSpan> FileAsync(HttpClient client)
    {
        var started = Stopwatch.GetTimestamp();
        var response = await client.PostAsync("/api/requests", System.Net.Http.Json.JsonContent.Create(Forms.Request()));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return Stopwatch.GetElapsedTime(started);
    }
}
