using Requests.Notifications.Delivery;
using Requests.Notifications.Templates;
using Requests.Notifications.Templates.Staff;
using Requests.Notifications.Tests.Infrastructure;

namespace Requests.Notifications.Tests.Delivery;

public sealed class Delivering_the_law_s_notices_first : IDisposable
{
    private readonly DeliveryRig _rig = new();

    public void Dispose() => _rig.Dispose();

    private static EscalationNotice Escalation(string number) => new("Hind Amrani", number, new BodyName("MEF", "MEF"), "Youssef Benali",
        new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 31), "https://x.example.ma");

    [Fact]
    public async Task An_escalation_written_after_routine_notices_goes_before_them()
    {
        for (var i = 0; i < 5; i++)
            await _rig.AddAsync($"officer{i}@example.ma", $"R{i}");
        await _rig.AddAsync("head@example.ma", Escalation("DAI-2026-000009"), "escalation:1");
        _rig.Options.BatchSize = 2;

        await _rig.Worker().DeliverDueAsync(CancellationToken.None);

        Assert.Equal([Escalation("DAI-2026-000009").Render(Language.French).Subject, DeliveryRig.Subject("R0")], _rig.Sender.Subjects);
    }

    [Fact]
    public async Task A_routine_notice_waiting_for_its_retry_does_not_hold_back_an_escalation_to_the_same_head()
    {
        await _rig.AddAsync("head@example.ma", "R1");
        _rig.Sender.Fail = m => m.Subject == DeliveryRig.Subject("R1") ? new IOException("connection reset") : null;
        var worker = _rig.Worker();
        await worker.DeliverDueAsync(CancellationToken.None);   // R1 fails and waits 5 s

        await _rig.AddAsync("head@example.ma", Escalation("DAI-2026-000009"), "escalation:1");
        await worker.DeliverDueAsync(CancellationToken.None);

        Assert.Equal([Escalation("DAI-2026-000009").Render(Language.French).Subject], _rig.Sender.Subjects);
    }

    [Fact]
    public void Citizens_notices_escalations_and_recourses_are_the_law_s_and_officers_routine_notices_are_not()
    {
        Assert.Equal(NotificationPriority.Legal, NotificationPriority.Of("receipt"));
        Assert.Equal(NotificationPriority.Legal, NotificationPriority.Of("refused"));
        Assert.Equal(NotificationPriority.Legal, NotificationPriority.Of(EscalationNotice.Template));
        Assert.Equal(NotificationPriority.Legal, NotificationPriority.Of(RecourseReceivedNotice.Template));
        Assert.Equal(NotificationPriority.Routine, NotificationPriority.Of(CaseAssignedNotice.Template));
        Assert.Equal(NotificationPriority.Routine, NotificationPriority.Of(DeadlineReminder.Template));
        Assert.Equal(NotificationPriority.Routine, NotificationPriority.Of(OverdueNotice.Template));
        Assert.Equal(NotificationPriority.Routine, NotificationPriority.Of(DailyDigest.Template));
    }
}
