using Requests.Contracts.Routing;
using static Requests.Routing.Tests.Deadlines.Sweeps;

namespace Requests.Routing.Tests.Deadlines;

// A request received on Monday 23 November 2026 is due on Monday 21 December (20 working days, no holiday in
// between). The sweep runs twice a day, at 10:00 and 16:00 in Casablanca, every day including weekends.
public sealed class Sweeping_a_deadline_day_by_day : IDisposable
{
    private readonly RoutingApp _app;
    private readonly OutboxLog _outbox;

    public Sweeping_a_deadline_day_by_day()
    {
        _app = new RoutingApp();
        _outbox = new OutboxLog(_app);
    }

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Reminds_on_the_fifth_and_the_first_working_day_before_and_declares_the_miss_the_day_after()
    {
        var request = Submissions.Request(receivedOn: new DateOnly(2026, 11, 23));
        await _app.ConsumeAsync(request);
        await _outbox.CatchUpAsync();

        var timeline = await SweepEveryDayAsync(new DateOnly(2026, 11, 23), new DateOnly(2026, 12, 21));
        // the due date's last minute in Casablanca is still in time; 23:30 UTC is already Tuesday 00:30 there
        timeline.AddRange(await SweepOnceAsync(new DateTimeOffset(2026, 12, 21, 22, 59, 0, TimeSpan.Zero)));
        timeline.AddRange(await SweepOnceAsync(new DateTimeOffset(2026, 12, 21, 23, 30, 0, TimeSpan.Zero)));
        timeline.AddRange(await SweepEveryDayAsync(new DateOnly(2026, 12, 22), new DateOnly(2026, 12, 28)));

        Assert.Equal(
        [
            "2026-12-14 10:00 DeadlineApproaching", // Mon 14 Dec: 5 working days before Mon 21 (Fri 18 ... Mon 14)
            "2026-12-18 10:00 DeadlineApproaching", // Fri 18 Dec: the working day before Mon 21, over the weekend
            "2026-12-22 00:30 CaseMoved", // Tue 22 Dec in Casablanca, the first day after the due date
            "2026-12-22 00:30 DeadlineMissed",
            "2026-12-22 00:30 CitizenNoticeUpdated", // the requester's notice of the silence, for their timeline
        ], timeline);

        var reminders = _outbox.Of<DeadlineApproaching>(request.CaseId);
        Assert.Equal([5, 1], reminders.Select(r => r.WorkingDaysLeft));
        Assert.All(reminders, r => Assert.Equal(["MEF-O1", "MEF-S1"], r.OfficerIds)); // the officer and their substitute
        Assert.All(reminders, r => Assert.Equal(("answer", new DateOnly(2026, 12, 21)), (r.Deadline, r.DueOn)));

        var moved = Assert.Single(_outbox.Of<CaseMoved>(request.CaseId));
        Assert.Equal(("miss-deadline", "assigned", "deadline-missed", 2), (moved.Trigger, moved.FromStatus, moved.ToStatus, moved.Sequence));
        Assert.Equal(("deadline-sweep", "system", new DateOnly(2026, 12, 22)), (moved.Actor, moved.ActorRole, moved.OccurredOn));
        // the silence opens the recourse to the head for 20 working days from Mon 21 Dec: New Year (Fri 1 Jan),
        // the Manifesto (Mon 11 Jan) and Yennayer (Thu 14 Jan) do not count, so it ends on Thu 21 Jan 2027
        Assert.Equal(new DateOnly(2027, 1, 21), moved.RecourseLastDay);

        var missed = Assert.Single(_outbox.Of<DeadlineMissed>(request.CaseId));
        Assert.Equal(("answer", new DateOnly(2026, 12, 21), "MEF-H"), (missed.Deadline, missed.DueOn, missed.EscalatedTo));
        Assert.Equal(new DateOnly(2027, 1, 21), missed.RecourseLastDay);

        var row = await _app.CaseAsync(request.CaseId);
        Assert.Equal(("deadline-missed", 2L, 3L, null, "2027-01-21"),
            (row["status"], row["version"], row["alert_stage"], row["next_alert_on"], row["recourse_last_day"]));
        var audit = await _app.QueryAsync(
            $"SELECT action, actor, from_status, to_status FROM case_audit_entries WHERE case_id = '{request.CaseId}' AND actor = 'deadline-sweep' ORDER BY id");
        Assert.Equal(["first-reminder", "last-reminder", "miss-deadline"], audit.Select(a => (string)a["action"]!));
        Assert.Equal("deadline-missed", audit[^1]["to_status"]);
    }

    [Fact]
    public async Task Crosses_the_November_holidays_day_by_day()
    {
        // received Tue 20 Oct: 20 working days skip Green March (Fri 6 Nov) and Independence Day (Wed 18 Nov),
        // Unity Day (Sat 31 Oct) falls on a weekend: due Thu 19 Nov
        var request = Submissions.Request(receivedOn: new DateOnly(2026, 10, 20)) with { DueOn = new DateOnly(2026, 11, 19) };
        await _app.ConsumeAsync(request);
        await _outbox.CatchUpAsync();

        var timeline = await SweepEveryDayAsync(new DateOnly(2026, 10, 20), new DateOnly(2026, 11, 24));

        Assert.Equal(
        [
            "2026-11-11 10:00 DeadlineApproaching", // Wed 11 Nov: Tue 17, Mon 16, Fri 13, Thu 12, Wed 11 before Thu 19
            "2026-11-17 10:00 DeadlineApproaching", // Tue 17 Nov: the working day before Thu 19, Wed 18 being a holiday
            "2026-11-20 10:00 CaseMoved", // Fri 20 Nov, the day after
            "2026-11-20 10:00 DeadlineMissed",
            "2026-11-20 10:00 CitizenNoticeUpdated",
        ], timeline);
        Assert.Equal([5, 1], _outbox.Of<DeadlineApproaching>(request.CaseId).Select(r => r.WorkingDaysLeft));
        // the recourse window: 20 working days from Thu 19 Nov, ending Thu 17 Dec
        Assert.Equal(new DateOnly(2026, 12, 17), Assert.Single(_outbox.Of<CaseMoved>(request.CaseId)).RecourseLastDay);
    }

    /// <summary>Sweeps at 10:00 and 16:00 local on each day from <paramref name="from"/> to <paramref name="to"/>; lists what each sweep added.</summary>
    private async Task<List<string>> SweepEveryDayAsync(DateOnly from, DateOnly to)
    {
        var timeline = new List<string>();
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            timeline.AddRange(await SweepOnceAsync(Local(day.Year, day.Month, day.Day, 10)));
            timeline.AddRange(await SweepOnceAsync(Local(day.Year, day.Month, day.Day, 16)));
        }
        return timeline;
    }

    private async Task<List<string>> SweepOnceAsync(DateTimeOffset at)
    {
        await _app.SweepAsync(at);
        var local = at.ToOffset(TimeSpan.FromHours(1));
        return [.. (await _outbox.CatchUpAsync()).Select(type => $"{local:yyyy-MM-dd HH:mm} {type}")];
    }
}
