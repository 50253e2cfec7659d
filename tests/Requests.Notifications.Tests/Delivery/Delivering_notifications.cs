using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Requests.Notifications.Delivery;
using Requests.Notifications.Email;
using Requests.Notifications.Tests.Infrastructure;

namespace Requests.Notifications.Tests.Delivery;

public sealed class Delivering_notifications : IDisposable
{
    private readonly DeliveryRig _rig = new();

    public void Dispose() => _rig.Dispose();

    private static IOException Down() => new("connection refused");

    [Fact]
    public async Task Sends_what_is_pending_oldest_first_and_marks_each_sent()
    {
        var a1 = await _rig.AddAsync("amina@example.ma", "A1");
        var b1 = await _rig.AddAsync("badr@example.ma", "B1");
        var a2 = await _rig.AddAsync("amina@example.ma", "A2");

        Assert.Equal(3, await _rig.Worker().DeliverDueAsync(CancellationToken.None));

        Assert.Equal([DeliveryRig.Subject("A1"), DeliveryRig.Subject("B1"), DeliveryRig.Subject("A2")], _rig.Sender.Subjects);
        foreach (var id in new[] { a1, b1, a2 })
        {
            var sent = await _rig.ReadAsync(id);
            Assert.Equal(NotificationStatus.Sent, sent.Status);
            Assert.Equal(1, sent.Attempts);
            Assert.Equal(_rig.Clock.GetUtcNow().UtcDateTime, sent.SentAt);
            Assert.Null(sent.NextAttemptAt);
        }
        Assert.Equal(0, await _rig.Worker().DeliverDueAsync(CancellationToken.None));
        Assert.Equal(3, _rig.Sender.Accepted.Count);
    }

    [Fact]
    public async Task Gives_the_sender_the_message_parts_and_the_idempotency_key()
    {
        var id = await _rig.AddAsync("amina@example.ma", "A1");

        await _rig.Worker().DeliverDueAsync(CancellationToken.None);

        var stored = await _rig.ReadAsync(id);
        var message = Assert.Single(_rig.Sender.Accepted);
        Assert.Equal(new EmailMessage("amina@example.ma", stored.Subject, stored.Html, stored.Text, stored.IdempotencyKey,
            stored.Template), message);
    }

    // the default back-off: 5 s, 30 s, 2 min, 10 min, then every 30 min
    [Theory]
    [InlineData(1, 5)]
    [InlineData(2, 30)]
    [InlineData(3, 120)]
    [InlineData(4, 600)]
    [InlineData(5, 1800)]
    [InlineData(50, 1800)]
    public void Waits_longer_after_each_failure(int attempts, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), new DeliveryOptions().RetryAfter(attempts));

    [Fact]
    public void Retries_set_in_the_settings_replace_the_defaults()
    {
        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Notifications:Retries:0"] = "00:00:01",
            ["Notifications:Retries:1"] = "00:01:00",
        }).Build();

        var options = settings.GetSection(DeliveryOptions.Section).Get<DeliveryOptions>()!;

        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1)], options.Retries);
        Assert.Equal(TimeSpan.FromMinutes(1), options.RetryAfter(7));
    }

    [Fact]
    public async Task Retries_with_back_off_while_the_server_fails_then_sends_once()
    {
        var id = await _rig.AddAsync("amina@example.ma", "A1");
        var failures = 2;
        _rig.Sender.Fail = _ => failures-- > 0 ? Down() : null;
        var worker = _rig.Worker();
        var start = _rig.Clock.GetUtcNow().UtcDateTime;

        Assert.Equal(1, await worker.DeliverDueAsync(CancellationToken.None));
        var failed = await _rig.ReadAsync(id);
        Assert.Equal((NotificationStatus.Pending, 1, start.AddSeconds(5)), (failed.Status, failed.Attempts, failed.NextAttemptAt));
        Assert.Contains("connection refused", failed.LastError, StringComparison.Ordinal);

        _rig.Clock.Advance(TimeSpan.FromSeconds(4));
        Assert.Equal(0, await worker.DeliverDueAsync(CancellationToken.None));   // not due yet

        _rig.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await worker.DeliverDueAsync(CancellationToken.None));
        Assert.Equal(start.AddSeconds(5 + 30), (await _rig.ReadAsync(id)).NextAttemptAt);

        _rig.Clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(1, await worker.DeliverDueAsync(CancellationToken.None));

        var sent = await _rig.ReadAsync(id);
        Assert.Equal((NotificationStatus.Sent, 3), (sent.Status, sent.Attempts));
        Assert.Single(_rig.Sender.Accepted);
    }

    [Fact]
    public async Task Keeps_one_recipient_s_messages_in_order_while_an_earlier_one_waits()
    {
        await _rig.AddAsync("amina@example.ma", "A1");
        await _rig.AddAsync("amina@example.ma", "A2");
        await _rig.AddAsync("badr@example.ma", "B1");
        _rig.Sender.Fail = m => m.Subject == DeliveryRig.Subject("A1") && _rig.Sender.Accepted.IsEmpty ? Down() : null;
        var worker = _rig.Worker();

        await worker.DeliverDueAsync(CancellationToken.None);   // A1 fails: the round stops there
        await worker.DeliverDueAsync(CancellationToken.None);   // B1 goes; A2 waits behind A1
        Assert.Equal([DeliveryRig.Subject("B1")], _rig.Sender.Subjects);

        _rig.Clock.Advance(TimeSpan.FromSeconds(5));
        await worker.DeliverDueAsync(CancellationToken.None);

        Assert.Equal([DeliveryRig.Subject("B1"), DeliveryRig.Subject("A1"), DeliveryRig.Subject("A2")], _rig.Sender.Subjects);
    }

    [Fact]
    public async Task Gives_up_after_the_last_attempt()
    {
        var id = await _rig.AddAsync("amina@example.ma", "A1");
        _rig.Sender.Fail = _ => Down();
        var worker = _rig.Worker();

        for (var attempt = 1; attempt <= _rig.Options.MaxAttempts; attempt++)
        {
            Assert.Equal(1, await worker.DeliverDueAsync(CancellationToken.None));
            _rig.Clock.Advance(TimeSpan.FromHours(1));
        }

        var failed = await _rig.ReadAsync(id);
        Assert.Equal((NotificationStatus.Failed, 4, null), (failed.Status, failed.Attempts, failed.NextAttemptAt));
        Assert.Equal(0, await worker.DeliverDueAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_refused_mailbox_fails_at_once_and_lets_the_next_message_go()
    {
        var refused = await _rig.AddAsync("nobody@example.ma", "N1");
        await _rig.AddAsync("amina@example.ma", "A1");
        _rig.Sender.Fail = m => m.To == "nobody@example.ma" ? new EmailRejectedException("550 no such mailbox") : null;

        Assert.Equal(2, await _rig.Worker().DeliverDueAsync(CancellationToken.None));

        var failed = await _rig.ReadAsync(refused);
        Assert.Equal((NotificationStatus.Failed, 1), (failed.Status, failed.Attempts));
        Assert.Contains("550 no such mailbox", failed.LastError, StringComparison.Ordinal);
        Assert.Equal([DeliveryRig.Subject("A1")], _rig.Sender.Subjects);
    }

    [Fact]
    public async Task A_postal_notice_is_never_tried_by_SMTP()
    {
        var postal = await _rig.AddAsync(null, "P1");
        var invalid = await _rig.AddAsync("amina@", "P2");

        Assert.Equal(0, await _rig.Worker().DeliverDueAsync(CancellationToken.None));

        Assert.Empty(_rig.Sender.Accepted);
        Assert.Equal((NotificationStatus.Postal, 0), ((await _rig.ReadAsync(postal)).Status, (await _rig.ReadAsync(postal)).Attempts));
        Assert.Equal(NotificationStatus.Postal, (await _rig.ReadAsync(invalid)).Status);
    }

    [Fact]
    public async Task Two_workers_on_one_database_send_each_notification_once()
    {
        for (var i = 0; i < 30; i++)
            await _rig.AddAsync($"r{i % 7}@example.ma", $"M{i}");
        _rig.Sender.Delay = TimeSpan.FromMilliseconds(5);

        // two service instances, each with its own write gate, racing over the same rows until nothing is left
        async Task Drain(NotificationDelivery<NotificationsDb> worker)
        {
            while (await worker.DeliverDueAsync(CancellationToken.None) > 0)
            {
            }
        }
        await Task.WhenAll(Drain(_rig.Worker()), Drain(_rig.Worker()), Drain(_rig.Worker()));

        Assert.Equal(30, _rig.Sender.Accepted.Count);
        Assert.Equal(30, _rig.Sender.Accepted.Select(m => m.Key).Distinct().Count());
        await using var db = _rig.Database.Open();
        Assert.Equal(30, await db.Notifications.CountAsync(n => n.Status == NotificationStatus.Sent && n.Attempts == 1));
    }

    [Fact]
    public async Task A_notification_claimed_by_a_worker_that_died_is_sent_after_its_lease()
    {
        var id = await _rig.AddAsync("amina@example.ma", "A1");
        // a worker claimed it, then its process died before sending or before marking it sent
        await using (var db = _rig.Database.Open())
        {
            var leaseEnds = _rig.Clock.GetUtcNow().UtcDateTime + _rig.Options.Lease;
            await db.Notifications.Where(n => n.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.Attempts, 1).SetProperty(n => n.NextAttemptAt, leaseEnds));
        }
        var worker = _rig.Worker();

        _rig.Clock.Advance(_rig.Options.Lease - TimeSpan.FromSeconds(1));
        Assert.Equal(0, await worker.DeliverDueAsync(CancellationToken.None));

        _rig.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await worker.DeliverDueAsync(CancellationToken.None));

        // if the dead worker's copy did reach the server, this one carries the same Message-ID
        var stored = await _rig.ReadAsync(id);
        Assert.Equal((NotificationStatus.Sent, 2), (stored.Status, stored.Attempts));
        Assert.Equal(stored.IdempotencyKey, Assert.Single(_rig.Sender.Accepted).Key);
    }

    [Fact]
    public void The_Message_ID_is_the_same_for_every_attempt_and_different_for_every_notification()
    {
        var first = SmtpEmailSender.MessageIdFor("case:1:receipt:amina@example.ma", "no-reply@requests.gov.ma");

        Assert.Equal(first, SmtpEmailSender.MessageIdFor("case:1:receipt:amina@example.ma", "no-reply@requests.gov.ma"));
        Assert.NotEqual(first, SmtpEmailSender.MessageIdFor("case:2:receipt:amina@example.ma", "no-reply@requests.gov.ma"));
        Assert.Matches("^<[0-9a-f]{32}@requests\\.gov\\.ma>$", first);
    }
}
