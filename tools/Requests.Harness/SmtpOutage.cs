using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace Requests.Harness;

/// <summary>
/// maildev stopped while the receipts of <see cref="Options.Notices"/> filings are due (each to a recipient of its
/// own); once it is back, every receipt must arrive exactly once: one message per recipient, each Message-ID once.
/// </summary>
internal static class SmtpOutage
{
    public static async Task<Row> RunAsync(Options options)
    {
        await using var system = await Deployment.StartAsync(options.Data, "smtp-outage");
        using var http = Load.Client(system.Intake.Address);
        var run = Guid.NewGuid().ToString("N")[..8];
        string Recipient(int n) => $"n{n}.{run}@harness.example.ma";

        await Deployment.InfraAsync("maildev", "stop");
        var outage = Stopwatch.StartNew();
        var filed = await Load.RunAsync(http, "smtp outage", options.Notices, Math.Min(options.Rate, 100), Recipient);
        var acknowledged = filed.Count(f => f.Status == 201);
        var rest = TimeSpan.FromSeconds(options.SmtpOutage) - outage.Elapsed;
        if (rest > TimeSpan.Zero)
            await Task.Delay(rest);
        var failedOnce = Databases.Scalar(system.IntakeDb, "SELECT COUNT(*) FROM notifications WHERE attempts > 0 AND status <> 'sent'");
        var waiting = Databases.Scalar(system.IntakeDb, "SELECT COUNT(*) FROM notifications WHERE status <> 'sent'");
        await Deployment.InfraAsync("maildev", "start");
        Console.WriteLine($"  maildev stopped for {outage.Elapsed.TotalSeconds:0} s; {acknowledged} filings acknowledged, {waiting} notices waiting, {failedOnce} of them tried and failed");

        var back = Stopwatch.StartNew();
        using var maildev = new HttpClient { BaseAddress = new Uri(Deployment.MaildevUrl), Timeout = TimeSpan.FromSeconds(60) };
        List<(string To, string? MessageId)> messages = [];
        var deadline = TimeSpan.FromMinutes(15);
        TimeSpan? allIn = null;
        while (back.Elapsed < deadline)
        {
            messages = await ReceivedAsync(maildev, run);
            if (messages.Select(m => m.To).Distinct().Count() >= acknowledged)
            {
                allIn ??= back.Elapsed;
                // a little longer, to catch a copy sent twice
                if (back.Elapsed - allIn > TimeSpan.FromSeconds(20))
                    break;
            }
            await Task.Delay(2000);
        }
        var recipients = messages.GroupBy(m => m.To).ToList();
        var delivered = recipients.Count;
        var twice = recipients.Count(g => g.Count() > 1);
        var ids = messages.Select(m => m.MessageId).Distinct().Count();
        var sent = Databases.Scalar(system.IntakeDb, "SELECT COUNT(*) FROM notifications WHERE status = 'sent'");
        var holds = acknowledged == options.Notices && waiting >= acknowledged && delivered == acknowledged && twice == 0 && ids == messages.Count && failedOnce > 0;
        return new Row("SMTP outage", $"{options.Notices:N0} receipts, maildev stopped {options.SmtpOutage} s",
            $"acknowledged {acknowledged}, waiting when maildev came back {waiting} ({failedOnce} tried and failed), delivered {delivered} recipients in " +
            $"{(allIn ?? back.Elapsed).TotalSeconds:0} s after restart, messages {messages.Count}, distinct Message-IDs {ids}, " +
            $"recipients twice {twice}, sent in intake {sent}", holds);
    }

    /// <summary>The messages of this run in maildev: recipient and Message-ID.</summary>
    private static async Task<List<(string To, string? MessageId)>> ReceivedAsync(HttpClient maildev, string run)
    {
        try
        {
            var all = await maildev.GetFromJsonAsync<List<JsonElement>>("/email") ?? [];
            return [.. all
                .Select(m => (To: m.TryGetProperty("to", out var to) && to.ValueKind == JsonValueKind.Array && to.GetArrayLength() > 0
                        ? to[0].GetProperty("address").GetString() ?? "" : "",
                    MessageId: m.TryGetProperty("messageId", out var id) ? id.GetString() : null))
                .Where(m => m.To.Contains(run, StringComparison.Ordinal))];
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException)
        {
            return [];
        }
    }
}
