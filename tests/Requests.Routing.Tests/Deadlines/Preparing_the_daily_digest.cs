using Requests.Contracts.Routing;
using Requests.Routing.Deadlines;
using static Requests.Routing.Tests.Deadlines.Sweeps;

namespace Requests.Routing.Tests.Deadlines;

// The digest of Monday 14 December 2026 at 07:00 in Casablanca. "Due soon" is within 5 working days: up to Mon 21 Dec.
public sealed class Preparing_the_daily_digest : IDisposable
{
    private readonly RoutingApp _app;
    private readonly OutboxLog _outbox;

    public Preparing_the_daily_digest()
    {
        _app = new RoutingApp();
        _outbox = new OutboxLog(_app);
    }

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Lists_each_officers_cases_due_soon_and_overdue_once_a_day()
    {
        var dueIn5 = await CaseAsync("MEF-O1", "accepted", new(2026, 12, 21)); // Tue 15 ... Mon 21: 5 working days left
        var dueIn6 = await CaseAsync("MEF-O1", "assigned", new(2026, 12, 22)); // 6 left: not yet
        var overdue = await CaseAsync("MEF-O1", "deadline-missed", new(2026, 12, 10)); // Fri 11 and Mon 14 late: -2
        var dueToday = await CaseAsync("MEF-O1", "extended", new(2026, 12, 14)); // due today: 0 left, still in time
        await CaseAsync("MEF-O1", "awaiting-clarification", new(2026, 12, 15)); // paused: its clock is not running
        await CaseAsync("MEF-O2", "accepted", new(2027, 1, 15)); // far off: MEF-O2's digest is empty
        await CaseAsync("MEF-S1", "answered", new(2026, 12, 15)); // answered: MEF-S1 has no open case, no digest
        await _outbox.CatchUpAsync();

        var first = await _app.DigestAsync(Local(2026, 12, 14, 7));
        var again = await _app.DigestAsync(Local(2026, 12, 14, 18));

        Assert.Equal(new DigestResult(2, 2), first);
        Assert.Equal(new DigestResult(2, 0), again); // the same day: nothing more
        await _outbox.CatchUpAsync();
        var digests = _outbox.Of<OfficerDigestPrepared>();
        Assert.Equal(["MEF-O1", "MEF-O2"], digests.Select(d => d.OfficerId));
        var mine = digests[0];
        Assert.Equal(new DateOnly(2026, 12, 14), mine.On);
        Assert.Equal([(dueToday, 0), (dueIn5, 5)], mine.DueSoon.Select(l => (l.CaseId, l.WorkingDaysLeft)));
        Assert.Equal([(overdue, -2)], mine.Overdue.Select(l => (l.CaseId, l.WorkingDaysLeft)));
        Assert.Equal(("deadline-missed", new DateOnly(2026, 12, 10)), (mine.Overdue[0].Status, mine.Overdue[0].DueOn));
        Assert.Empty(digests[1].DueSoon);
        Assert.Empty(digests[1].Overdue);
        Assert.Equal(1, await _app.CountAsync("outbox_messages",
            $"message_id = '{DailyDigest.MessageId("MEF-O1", new DateOnly(2026, 12, 14))}'"));

        // the next morning: a new digest each, Tue 15 Dec's view
        Assert.Equal(new DigestResult(2, 2), await _app.DigestAsync(Local(2026, 12, 15, 7)));
        await _outbox.CatchUpAsync();
        var tuesday = _outbox.Of<OfficerDigestPrepared>().Single(d => d.OfficerId == "MEF-O1" && d.On == new DateOnly(2026, 12, 15));
        Assert.Equal([(dueIn5, 4), (dueIn6, 5)], tuesday.DueSoon.Select(l => (l.CaseId, l.WorkingDaysLeft)));
        Assert.Equal([(overdue, -3), (dueToday, -1)], tuesday.Overdue.Select(l => (l.CaseId, l.WorkingDaysLeft)));
    }

    private async Task<Guid> CaseAsync(string officerId, string status, DateOnly dueOn)
    {
        var request = Submissions.Request(receivedOn: new DateOnly(2026, 11, 23));
        await _app.ConsumeAsync(request);
        await _app.ChangeAsync(db =>
        {
            var routed = db.Cases.Single(c => c.Id == request.CaseId);
            (routed.AssignedOfficerId, routed.Status, routed.DueOn) = (officerId, status, dueOn);
        });
        return request.CaseId;
    }
}
