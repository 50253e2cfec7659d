using Microsoft.EntityFrameworkCore;
using Requests.Notifications.Delivery;
using Requests.Notifications.Templates;
using Requests.Notifications.Templates.Staff;
using Requests.Notifications.Tests.Infrastructure;

namespace Requests.Notifications.Tests.Delivery;

/// <summary>More than 5 notices in 10 minutes to one officer (the default): the first goes, the rest wait for the end of
/// the window and go as one message listing them.</summary>
public sealed class Grouping_an_officer_s_notices : IDisposable
{
    private const string Officer = "youssef@example.ma";
    private readonly DeliveryRig _rig = new();

    public Grouping_an_officer_s_notices()
    {
        _rig.Options.GroupLimit = 5;
        _rig.Options.GroupWindow = TimeSpan.FromMinutes(10);
        _rig.Options.StaffUrl = "https://staff.example.ma";
    }

    public void Dispose() => _rig.Dispose();

    private static string Number(int i) => $"DAI-2026-{i:D6}";

    private static CaseAssignedNotice Assigned(int i) => new("Youssef Benali", Number(i), "request", new BodyName("MEF", "MEF"),
        "Budget", new DateOnly(2026, 11, 23), new DateOnly(2026, 12, 1).AddDays(i % 20), false, "https://x.example.ma");

    [Fact]
    public async Task Fifty_cases_assigned_within_a_minute_make_at_most_two_messages_that_name_them_all_in_the_officer_s_language()
    {
        var worker = _rig.Worker();
        for (var i = 1; i <= 50; i++)
        {
            await _rig.AddAsync(Officer, Assigned(i), $"assigned:{i}", Language.Arabic);
            await worker.DeliverDueAsync(CancellationToken.None);
            _rig.Clock.Advance(TimeSpan.FromSeconds(1));
        }
        Assert.Single(_rig.Sender.Accepted);   // the first, at once; the others wait for the end of the window

        _rig.Clock.Advance(TimeSpan.FromMinutes(10));
        await worker.DeliverDueAsync(CancellationToken.None);
        await worker.DeliverDueAsync(CancellationToken.None);

        var messages = _rig.Sender.Accepted.ToList();
        Assert.Equal(2, messages.Count);
        Assert.All(Enumerable.Range(1, 50), i => Assert.Contains(messages, m => m.Text.Contains(Number(i), StringComparison.Ordinal)));
        var grouped = messages[1];
        Assert.Equal(GroupedNotices.Template, grouped.Template);
        Assert.Contains("إشعارا", grouped.Subject, StringComparison.Ordinal);
        Assert.Contains("https://staff.example.ma/queue", grouped.Text, StringComparison.Ordinal);
        await using var db = _rig.Database.Open();
        Assert.Equal(49, await db.Notifications.CountAsync(n => n.Status == NotificationStatus.Grouped));
        Assert.Equal(0, await db.Notifications.CountAsync(n => n.Status == NotificationStatus.Pending || n.Status == NotificationStatus.Held));
    }

    [Fact]
    public async Task Notices_that_come_no_faster_than_the_limit_go_one_by_one_at_once()
    {
        var worker = _rig.Worker();
        for (var i = 1; i <= 4; i++)
        {
            await _rig.AddAsync(Officer, Assigned(i), $"assigned:{i}");
            await worker.DeliverDueAsync(CancellationToken.None);
            Assert.Equal(i, _rig.Sender.Accepted.Count);
            _rig.Clock.Advance(TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(1));   // 5 in 10 minutes: one every 2 minutes
        }
        Assert.All(_rig.Sender.Accepted, m => Assert.Equal(CaseAssignedNotice.Template, m.Template));
    }

    [Fact]
    public async Task Reminders_and_overdue_notices_join_the_new_cases_of_the_window_and_other_officers_are_not_held()
    {
        var worker = _rig.Worker();
        await _rig.AddAsync(Officer, Assigned(1), "assigned:1");
        await _rig.AddAsync(Officer, new DeadlineReminder("Youssef", Number(2), "answer", new DateOnly(2026, 12, 3), 1, "https://x"), "reminder:2");
        await _rig.AddAsync(Officer, new OverdueNotice("Youssef", Number(3), "answer", new DateOnly(2026, 11, 20), null, "https://x"), "overdue:3");
        await _rig.AddAsync("salma@example.ma", Assigned(4), "assigned:4");
        await worker.DeliverDueAsync(CancellationToken.None);
        Assert.Equal(["salma@example.ma", Officer], _rig.Sender.Accepted.Select(m => m.To).Order(StringComparer.Ordinal));

        _rig.Clock.Advance(TimeSpan.FromMinutes(10));
        await worker.DeliverDueAsync(CancellationToken.None);
        await worker.DeliverDueAsync(CancellationToken.None);

        var grouped = Assert.Single(_rig.Sender.Accepted, m => m.Template == GroupedNotices.Template);
        Assert.Equal(Officer, grouped.To);
        Assert.Contains("Rappels", grouped.Text, StringComparison.Ordinal);
        Assert.Contains(Number(2), grouped.Text, StringComparison.Ordinal);
        Assert.Contains(Number(3), grouped.Text, StringComparison.Ordinal);
        // the earliest due date first
        Assert.True(grouped.Text.IndexOf(Number(3), StringComparison.Ordinal) < grouped.Text.IndexOf(Number(2), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Two_workers_group_a_window_once()
    {
        for (var i = 1; i <= 12; i++)
            await _rig.AddAsync(Officer, Assigned(i), $"assigned:{i}");
        await _rig.Worker().DeliverDueAsync(CancellationToken.None);
        _rig.Clock.Advance(TimeSpan.FromMinutes(10));

        async Task Drain(NotificationDelivery<NotificationsDb> worker)
        {
            for (var round = 0; round < 3; round++)
                await worker.DeliverDueAsync(CancellationToken.None);
        }
        await Task.WhenAll(Drain(_rig.Worker()), Drain(_rig.Worker()));

        Assert.Equal(2, _rig.Sender.Accepted.Count);
        Assert.Single(_rig.Sender.Accepted, m => m.Template == GroupedNotices.Template);
    }
}
