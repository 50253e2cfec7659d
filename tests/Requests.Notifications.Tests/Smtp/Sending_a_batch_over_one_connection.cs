using Microsoft.EntityFrameworkCore;
using Requests.Notifications.Delivery;
using Requests.Notifications.Email;
using Requests.Notifications.Templates;
using Requests.Notifications.Templates.Staff;
using Requests.Notifications.Tests.Infrastructure;

namespace Requests.Notifications.Tests.Smtp;

/// <summary>The real sender and worker against <see cref="SmtpPeer"/>, which counts connections and refuses on demand.</summary>
public sealed class Sending_a_batch_over_one_connection : IAsyncDisposable
{
    private readonly TempDatabase _database = new();
    private readonly SmtpPeer _peer = new();

    public async ValueTask DisposeAsync()
    {
        await _peer.DisposeAsync();
        _database.Dispose();
    }

    [Fact]
    public async Task Sends_every_message_of_the_batch_over_one_connection()
    {
        var recipients = await AddAsync(10);

        await DeliverAsync();

        Assert.Equal(recipients, _peer.Accepted);
        Assert.Equal(1, _peer.Connections);
    }

    [Fact]
    public async Task Sends_over_several_connections_at_once_and_each_recipient_s_messages_in_order_on_one()
    {
        var recipients = Enumerable.Range(1, 12).Select(i => $"citizen{i}@example.ma").ToArray();
        await using (var db = _database.Open())
        {
            for (var n = 0; n < 3; n++)
                foreach (var recipient in recipients)
                {
                    var notice = new DeadlineReminder(recipient, $"DAI-2026-{n:D6}", "answer", new DateOnly(2026, 12, 30), 5, "https://x");
                    await db.TryAddNotificationAsync(NotificationKey.For($"parallel:{n}", DeadlineReminder.Template, recipient), notice,
                        Language.French, recipient, null, DateTime.UtcNow);
                    await db.SaveChangesAsync();
                }
        }

        await DeliverAsync(new() { ["Notifications:Connections"] = "4", ["Notifications:GroupLimit"] = "0" });

        Assert.InRange(_peer.Connections, 2, 4);
        Assert.Equal(36, _peer.Accepted.Count());
        foreach (var recipient in recipients)
            Assert.Equal(["DAI-2026-000000", "DAI-2026-000001", "DAI-2026-000002"], _peer.Received.Where(m => m.To == recipient)
                .Select(m => System.Text.RegularExpressions.Regex.Match(m.Data, "DAI-2026-\\d{6}").Value));
    }

    [Fact]
    public async Task A_refused_recipient_fails_that_message_only_and_the_others_are_delivered()
    {
        var recipients = await AddAsync(5);
        _peer.Refuse = to => to == recipients[2];

        await DeliverAsync();

        Assert.Equal(recipients.Where(r => r != recipients[2]), _peer.Accepted);
        await using var db = _database.Open();
        var stored = await db.Notifications.OrderBy(n => n.Id).ToListAsync();
        var refused = stored[2];
        Assert.Equal((NotificationStatus.Failed, 1), (refused.Status, refused.Attempts));
        Assert.Contains("550", refused.LastError, StringComparison.Ordinal);
        Assert.All(stored.Where(n => n != refused), n => Assert.Equal((NotificationStatus.Sent, 1), (n.Status, n.Attempts)));
    }

    [Fact]
    public async Task A_deferred_message_is_sent_again_with_the_same_Message_ID()
    {
        var recipients = await AddAsync(3);
        _peer.DeferOnce = to => to == recipients[0];

        await DeliverAsync();

        Assert.Equal(recipients.Order(StringComparer.Ordinal), _peer.Accepted.Order(StringComparer.Ordinal));
        var copies = _peer.Received.Where(m => m.To == recipients[0]).ToList();
        Assert.Equal([false, true], copies.Select(m => m.Accepted));
        await using var db = _database.Open();
        var key = (await db.Notifications.SingleAsync(n => n.Recipient == recipients[0])).IdempotencyKey;
        var messageId = "Message-Id: " + SmtpEmailSender.MessageIdFor(key, NotificationHost.From);
        Assert.All(copies, m => Assert.Contains(messageId, m.Data, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_dropped_connection_is_opened_again_and_no_message_goes_twice()
    {
        var recipients = await AddAsync(8);
        _peer.DropAfter = 3;

        await DeliverAsync();

        Assert.Equal(recipients.Order(StringComparer.Ordinal), _peer.Accepted.Order(StringComparer.Ordinal));
        Assert.True(_peer.Connections >= 3, $"{_peer.Connections} connections for 8 messages, 3 a connection");
    }

    [Fact]
    public async Task Signs_in_once_a_connection_with_the_settings_credentials()
    {
        var recipients = await AddAsync(4);
        _peer.Authenticates = true;

        await DeliverAsync(new() { ["Smtp:UserName"] = "requests", ["Smtp:Password"] = "s3cret" });

        Assert.Equal(recipients, _peer.Accepted);
        Assert.Equal(["requests:s3cret"], _peer.Logins);
    }

    [Fact]
    public async Task Sends_nothing_in_clear_when_STARTTLS_is_required_and_the_server_does_not_offer_it()
    {
        await AddAsync(2);
        using var host = await NotificationHost.StartAsync(_database, "127.0.0.1", _peer.Port, new() { ["Smtp:Security"] = "starttls" });

        await NotificationHost.WaitUntilAsync(_database, n => n.AnyAsync(x => x.LastError != null), "an attempt failed");
        await host.StopAsync();

        Assert.Empty(_peer.Received);
        await using var db = _database.Open();
        Assert.All(await db.Notifications.ToListAsync(), n => Assert.Equal(NotificationStatus.Pending, n.Status));
        Assert.Contains("STARTTLS", (await db.Notifications.FirstAsync(n => n.LastError != null)).LastError, StringComparison.Ordinal);
    }

    /// <summary>One reminder to each of <paramref name="count"/> recipients, saved before the worker starts: one batch.</summary>
    private async Task<string[]> AddAsync(int count)
    {
        var recipients = Enumerable.Range(1, count).Select(i => $"officer{i}@example.ma").ToArray();
        await using var db = _database.Open();
        foreach (var (recipient, i) in recipients.Select((r, i) => (r, i)))
        {
            var reminder = new DeadlineReminder(recipient, $"DAI-2026-{i:D6}", "answer", new DateOnly(2026, 12, 30), 5, "https://requests.example.ma/staff");
            await db.TryAddNotificationAsync(NotificationKey.For($"batch:{i}", DeadlineReminder.Template, recipient), reminder,
                Language.Arabic, recipient, null, DateTime.UtcNow);
        }
        await db.SaveChangesAsync();
        return recipients;
    }

    private async Task DeliverAsync(Dictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?> { ["Notifications:Retries:0"] = "00:00:00.200", ["Notifications:Connections"] = "1" };
        foreach (var (key, value) in settings ?? [])
            all[key] = value;
        using var host = await NotificationHost.StartAsync(_database, "127.0.0.1", _peer.Port, all);
        await NotificationHost.WaitUntilAsync(_database, n => n.AllAsync(x => x.Status != NotificationStatus.Pending), "none is pending");
        await host.StopAsync();
    }
}
