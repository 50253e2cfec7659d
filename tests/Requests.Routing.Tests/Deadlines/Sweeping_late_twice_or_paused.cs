using Microsoft.Extensions.DependencyInjection;
using Requests.Contracts.Routing;
using Requests.Routing.Calendar;
using Requests.Routing.Cases;
using Requests.Routing.Deadlines;
using static Requests.Routing.Tests.Deadlines.Sweeps;

namespace Requests.Routing.Tests.Deadlines;

// Requests received on Monday 23 November 2026, due Monday 21 December: first reminder Mon 14 Dec, last Fri 18 Dec,
// missed from Tue 22 Dec.
public sealed class Sweeping_late_twice_or_paused : IDisposable
{
    private readonly RoutingApp _app;
    private readonly OutboxLog _outbox;

    public Sweeping_late_twice_or_paused()
    {
        _app = new RoutingApp();
        _outbox = new OutboxLog(_app);
    }

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task A_second_sweep_the_same_day_adds_nothing()
    {
        var request = await ReceiveAsync();

        var first = await _app.SweepAsync(Local(2026, 12, 14, 8));
        var second = await _app.SweepAsync(Local(2026, 12, 14, 17));

        Assert.Equal((1, 1), (first.Examined, first.FirstReminders));
        Assert.Equal(new SweepResult(0, 0, 0, 0, 0, 0, 0), second); // the case left the range: not even read again
        await _outbox.CatchUpAsync();
        Assert.Single(_outbox.Of<DeadlineApproaching>(request.CaseId));
    }

    [Fact]
    public async Task A_late_sweep_declares_the_miss_without_stale_reminders()
    {
        var request = await ReceiveAsync();

        // nothing ran from receipt until Wednesday 23 December
        var result = await _app.SweepAsync(Local(2026, 12, 23));

        Assert.Equal((0, 1), (result.Reminders, result.Missed));
        await _outbox.CatchUpAsync();
        Assert.Empty(_outbox.Of<DeadlineApproaching>(request.CaseId));
        var moved = Assert.Single(_outbox.Of<CaseMoved>(request.CaseId));
        Assert.Equal(("assigned", "deadline-missed", new DateOnly(2026, 12, 23)), (moved.FromStatus, moved.ToStatus, moved.OccurredOn));
        // the recourse window runs from the due date, not from the late sweep: Thu 21 Jan 2027 all the same
        Assert.Equal(new DateOnly(2027, 1, 21), moved.RecourseLastDay);
        Assert.Single(_outbox.Of<DeadlineMissed>(request.CaseId));
    }

    [Fact]
    public async Task A_sweep_between_the_reminders_sends_only_the_one_due()
    {
        var request = await ReceiveAsync();

        // the first sweep since receipt on Fri 18 Dec: the last reminder is due, the first one is stale
        await _app.SweepAsync(Local(2026, 12, 18));

        await _outbox.CatchUpAsync();
        var reminder = Assert.Single(_outbox.Of<DeadlineApproaching>(request.CaseId));
        Assert.Equal(1, reminder.WorkingDaysLeft);
        Assert.Equal(("2", "2026-12-22"), await AlertAsync(request.CaseId));
    }

    [Fact]
    public async Task A_paused_case_gets_nothing_and_leaves_the_sweep()
    {
        var request = await ReceiveAsync();
        // a clarification was asked on Fri 11 Dec; its alert date was left behind (the sweep must not trust it)
        await _app.ChangeAsync(db =>
        {
            var routed = db.Cases.Single(c => c.Id == request.CaseId);
            routed.Status = "awaiting-clarification";
            routed.PausedSince = new DateOnly(2026, 12, 11);
        });

        var result = await _app.SweepAsync(Local(2026, 12, 23));

        Assert.Equal((0, 0, 1), (result.Reminders, result.Missed, result.Stopped));
        Assert.Empty(await _outbox.CatchUpAsync());
        var row = await _app.CaseAsync(request.CaseId);
        Assert.Equal(("awaiting-clarification", 1L, 0L, null), (row["status"], row["version"], row["alert_stage"], row["next_alert_on"]));
    }

    [Fact]
    public async Task A_later_due_date_moves_the_next_alert_without_a_reminder()
    {
        var request = await ReceiveAsync();
        // the due date moved to Mon 28 Dec but the alert date was not recomputed
        await _app.ChangeAsync(db => db.Cases.Single(c => c.Id == request.CaseId).DueOn = new DateOnly(2026, 12, 28));

        var result = await _app.SweepAsync(Local(2026, 12, 14));

        Assert.Equal((0, 1), (result.Reminders, result.Rescheduled));
        Assert.Empty(await _outbox.CatchUpAsync());
        Assert.Equal(("0", "2026-12-21"), await AlertAsync(request.CaseId)); // 5 working days before Mon 28 Dec
    }

    [Fact]
    public async Task Reminds_a_substitute_in_charge_with_the_officer_they_stand_for()
    {
        var bySubstitute = await ReceiveAsync();
        var unassigned = await ReceiveAsync();
        await _app.ChangeAsync(db =>
        {
            db.Cases.Single(c => c.Id == bySubstitute.CaseId).AssignedOfficerId = "MEF-S1";
            var nobody = db.Cases.Single(c => c.Id == unassigned.CaseId);
            nobody.AssignedOfficerId = null;
            nobody.Status = "received";
        });

        await _app.SweepAsync(Local(2026, 12, 14));

        await _outbox.CatchUpAsync();
        Assert.Equal(["MEF-S1", "MEF-O1"], Assert.Single(_outbox.Of<DeadlineApproaching>(bySubstitute.CaseId)).OfficerIds);
        // nobody was given the case: the head of the body is told
        Assert.Equal(["MEF-H"], Assert.Single(_outbox.Of<DeadlineApproaching>(unassigned.CaseId)).OfficerIds);
    }

    [Fact]
    public async Task The_heads_deadline_after_a_recourse_goes_to_the_head_and_ends_in_recourse_deadline_missed()
    {
        var request = await ReceiveAsync();
        await _app.SweepAsync(Local(2026, 12, 22)); // the silence: deadline-missed, version 2
        // the requester's recourse received Wed 23 Dec: the head has 15 working days, skipping New Year (Fri 1 Jan),
        // the Manifesto (Mon 11 Jan) and Yennayer (Thu 14 Jan): due Mon 18 Jan 2027
        var calendar = _app.Services.GetRequiredService<CalendarStore>();
        var headDue = CaseClock.HeadAnswerDueOn(new DateOnly(2026, 12, 23), calendar.Rules, calendar.Current);
        Assert.Equal(new DateOnly(2027, 1, 18), headDue);
        await _app.ChangeAsync(db =>
        {
            var routed = db.Cases.Single(c => c.Id == request.CaseId);
            routed.Status = "under-recourse";
            routed.RecourseFiledOn = new DateOnly(2026, 12, 23);
            routed.RecourseDueOn = headDue;
            routed.Version = 3;
            CaseClock.ScheduleAlerts(routed, calendar.Current);
        });
        Assert.Equal(("0", "2027-01-07"), await AlertAsync(request.CaseId)); // Fri 15, Wed 13, Tue 12, Fri 8, Thu 7 Jan
        await _outbox.CatchUpAsync();

        // read the outbox after each sweep: the relay's clean-up drops sent messages a week old by the app's clock
        foreach (var day in new[] { Local(2027, 1, 7), Local(2027, 1, 15), Local(2027, 1, 18), Local(2027, 1, 19) })
        {
            await _app.SweepAsync(day); // Fri 15 Jan is the working day before Mon 18 Jan
            await _outbox.CatchUpAsync();
        }
        var reminders = _outbox.Of<DeadlineApproaching>(request.CaseId).Where(r => r.Deadline == "head-answer").ToList();
        Assert.Equal([5, 1], reminders.Select(r => r.WorkingDaysLeft));
        Assert.All(reminders, r => Assert.Equal(["MEF-H"], r.OfficerIds));
        var moved = _outbox.Of<CaseMoved>(request.CaseId).Last();
        Assert.Equal(("miss-deadline", "under-recourse", "recourse-deadline-missed", 4), (moved.Trigger, moved.FromStatus, moved.ToStatus, moved.Sequence));
        Assert.Equal((headDue, (DateOnly?)null), (moved.RecourseDueOn!.Value, moved.RecourseLastDay));
        var missed = _outbox.Of<DeadlineMissed>(request.CaseId).Last();
        Assert.Equal(("head-answer", headDue, "MEF-H"), (missed.Deadline, missed.DueOn, missed.EscalatedTo));
        Assert.Equal("recourse-deadline-missed", (await _app.CaseAsync(request.CaseId))["status"]);
    }

    private async Task<Contracts.Intake.RequestSubmitted> ReceiveAsync()
    {
        var request = Submissions.Request(receivedOn: new DateOnly(2026, 11, 23));
        await _app.ConsumeAsync(request);
        await _outbox.CatchUpAsync();
        return request;
    }

    private async Task<(string Stage, string? NextAlertOn)> AlertAsync(Guid caseId)
    {
        var row = await _app.CaseAsync(caseId);
        return (row["alert_stage"]!.ToString()!, (string?)row["next_alert_on"]);
    }
}
