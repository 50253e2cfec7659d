using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Requests.Routing.Deadlines;
using Requests.ServiceDefaults.Messaging;

namespace Requests.Routing.Tests.Deadlines;

/// <summary>Runs the deadline jobs' work at a given instant.</summary>
internal static class Sweeps
{
    /// <summary>An instant given as Casablanca local time (UTC+1 from November to January).</summary>
    public static DateTimeOffset Local(int year, int month, int day, int hour = 10, int minute = 0) =>
        new(year, month, day, hour, minute, 0, TimeSpan.FromHours(1));

    public static async Task<SweepResult> SweepAsync(this RoutingApp app, DateTimeOffset at)
    {
        app.Clock.Set(at);
        await using var scope = app.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<DeadlineSweep>().RunAsync(at, CancellationToken.None);
        // as the sweep job does: the e-mails of the alerts just made
        await scope.ServiceProvider.GetRequiredService<Requests.Routing.Notices.AlertNotices>().WriteAsync(CancellationToken.None);
        return result;
    }

    public static async Task<DigestResult> DigestAsync(this RoutingApp app, DateTimeOffset at)
    {
        app.Clock.Set(at);
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DailyDigest>().RunAsync(at, CancellationToken.None);
    }

    public static async Task<Dictionary<string, object?>> CaseAsync(this RoutingApp app, Guid caseId) =>
        Assert.Single(await app.QueryAsync($"SELECT * FROM cases WHERE id = '{caseId}'"));
}

/// <summary>
/// Every message written to the outbox, kept as it appears. Read as it goes: the relay publishes the rows, and its
/// hourly clean-up deletes the sent ones a week old by the app's clock, which the tests move forward by weeks.
/// </summary>
internal sealed class OutboxLog(RoutingApp app)
{
    private readonly List<(string Type, string Body)> _messages = [];
    private long _lastSeq;

    /// <summary>The short type names of the messages written since the last call, in order.</summary>
    public async Task<List<string>> CatchUpAsync()
    {
        var rows = await app.QueryAsync($"SELECT seq, message_type, body FROM outbox_messages WHERE seq > {_lastSeq} ORDER BY seq");
        foreach (var row in rows)
        {
            _lastSeq = (long)row["seq"]!;
            _messages.Add(((string)row["message_type"]!, (string)row["body"]!));
        }
        return [.. rows.Select(r => ((string)r["message_type"]!).Split('.')[^1])];
    }

    /// <summary>The messages of type <typeparamref name="T"/> (the outbox stores the full type name), about one case or all.</summary>
    public List<T> Of<T>(Guid? caseId = null) =>
    [
        .. _messages.Where(m => m.Type == typeof(T).FullName && (caseId is null || m.Body.Contains($"\"caseId\":\"{caseId}\"", StringComparison.Ordinal)))
            .Select(m => JsonSerializer.Deserialize<T>(m.Body, OutboxMessage.Json)!),
    ];
}
