using Microsoft.EntityFrameworkCore;
using Requests.Notifications.Delivery;
using Requests.Notifications.Templates;
using Requests.Notifications.Templates.Staff;
using Requests.Notifications.Tests.Infrastructure;

namespace Requests.Notifications.Tests.Delivery;

/// <summary>The worker's own SQL (the claim of a batch, the hold of an officer's notices) on PostgreSQL, the outgrown
/// provider. Needs the PostgreSQL that <c>./test.sh</c> starts.</summary>
public sealed class Delivering_on_PostgreSQL : IDisposable
{
    private readonly DeliveryRig _rig = new(new PostgresDatabase());

    public void Dispose() => _rig.Dispose();

    [Fact]
    public async Task Three_workers_send_each_notification_once_and_the_escalation_first()
    {
        for (var i = 0; i < 30; i++)
            await _rig.AddAsync($"r{i % 7}@example.ma", $"M{i}");
        var escalation = new EscalationNotice("Hind Amrani", "DAI-2026-000009", new BodyName("MEF", "MEF"), null,
            new DateOnly(2026, 12, 1), null, "https://x.example.ma");
        await _rig.AddAsync("head@example.ma", escalation, "escalation:1");
        _rig.Sender.Delay = TimeSpan.FromMilliseconds(5);
        _rig.Options.BatchSize = 10;

        async Task Drain(NotificationDelivery<NotificationsDb> worker)
        {
            while (await worker.DeliverDueAsync(CancellationToken.None) > 0)
            {
            }
        }
        await Task.WhenAll(Drain(_rig.Worker()), Drain(_rig.Worker()), Drain(_rig.Worker()));

        Assert.Equal(31, _rig.Sender.Accepted.Count);
        Assert.Equal(31, _rig.Sender.Accepted.Select(m => m.Key).Distinct().Count());
        Assert.Contains(EscalationNotice.Template, _rig.Sender.Accepted.Take(3).Select(m => m.Template));
        await using var db = _rig.Database.Open();
        Assert.Equal(31, await db.Notifications.CountAsync(n => n.Status == NotificationStatus.Sent && n.Attempts == 1));
    }

    [Fact]
    public async Task An_officer_s_fast_notices_are_held_then_grouped()
    {
        _rig.Options.GroupLimit = 5;
        var worker = _rig.Worker();
        for (var i = 1; i <= 10; i++)
        {
            await _rig.AddAsync("youssef@example.ma", new CaseAssignedNotice("Youssef", $"DAI-2026-{i:D6}", "request",
                new BodyName("MEF", "MEF"), "Budget", new DateOnly(2026, 11, 23), new DateOnly(2026, 12, 1), false, "https://x"), $"a:{i}");
            await worker.DeliverDueAsync(CancellationToken.None);
            _rig.Clock.Advance(TimeSpan.FromSeconds(3));
        }
        _rig.Clock.Advance(_rig.Options.GroupWindow);
        await worker.DeliverDueAsync(CancellationToken.None);
        await worker.DeliverDueAsync(CancellationToken.None);

        Assert.Equal([CaseAssignedNotice.Template, GroupedNotices.Template], _rig.Sender.Accepted.Select(m => m.Template));
        Assert.All(Enumerable.Range(2, 9), i => Assert.Contains($"DAI-2026-{i:D6}", _rig.Sender.Accepted.Last().Text, StringComparison.Ordinal));
    }
}
