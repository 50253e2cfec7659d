using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Requests.Contracts.Routing;
using Requests.Routing.Calendar;
using Requests.Routing.Deadlines;
using Requests.Routing.Storage;
using Requests.ServiceDefaults.Data;
using Requests.ServiceDefaults.Messaging;
using static Requests.Routing.Tests.Deadlines.Sweeps;

namespace Requests.Routing.Tests.Deadlines;

// Four sweeps start together on Monday 14 December 2026, in batches of 5 cases: two as this instance runs them
// (two DI scopes, the same write gate: the job fired twice) and two as other instances would (their own write gate),
// all on the same database file. 120 cases each have one alert due.
public sealed class Racing_sweeps : IDisposable
{
    private readonly RoutingApp _app;
    private readonly OutboxLog _outbox;

    public Racing_sweeps()
    {
        _app = new RoutingApp();
        _outbox = new OutboxLog(_app);
    }

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Record_each_reminder_and_each_miss_exactly_once()
    {
        var first = await ReceiveAsync(40, dueOn: new(2026, 12, 21), stage: 0, next: new(2026, 12, 14)); // 5 working days before
        var last = await ReceiveAsync(40, dueOn: new(2026, 12, 15), stage: 1, next: new(2026, 12, 14)); // the working day before
        var missed = await ReceiveAsync(40, dueOn: new(2026, 12, 11), stage: 2, next: new(2026, 12, 12)); // Fri 11 Dec has passed
        await _outbox.CatchUpAsync();
        var at = Local(2026, 12, 14);
        _app.Clock.Set(at);

        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var sweeps = new[] { Sweep(sameInstance: true), Sweep(sameInstance: true), Sweep(sameInstance: false), Sweep(sameInstance: false) }
            .Select(sweep => Task.Run(async () =>
            {
                await start.Task;
                await using var _ = sweep.Scope;
                return await sweep.Sweep.RunAsync(at, CancellationToken.None);
            }))
            .ToList();
        start.SetResult();
        var results = await Task.WhenAll(sweeps);

        Assert.Equal((40, 40, 40), (results.Sum(r => r.FirstReminders), results.Sum(r => r.LastReminders), results.Sum(r => r.Missed)));
        await _outbox.CatchUpAsync();
        Assert.All(first, id => Assert.Equal(5, Assert.Single(_outbox.Of<DeadlineApproaching>(id)).WorkingDaysLeft));
        Assert.All(last, id => Assert.Equal(1, Assert.Single(_outbox.Of<DeadlineApproaching>(id)).WorkingDaysLeft));
        Assert.All(missed, id =>
        {
            Assert.Empty(_outbox.Of<DeadlineApproaching>(id));
            Assert.Equal(2, Assert.Single(_outbox.Of<CaseMoved>(id)).Sequence);
            Assert.Single(_outbox.Of<DeadlineMissed>(id));
        });
        Assert.Equal(120, await _app.CountAsync("case_audit_entries", "actor = 'deadline-sweep'"));
        Assert.Equal(40, await _app.CountAsync("cases", "status = 'deadline-missed' AND version = 2"));
    }

    private (AsyncServiceScope Scope, DeadlineSweep Sweep) Sweep(bool sameInstance)
    {
        var scope = _app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var gate = sameInstance ? services.GetRequiredService<WriteGate>() : new WriteGate();
        return (scope, new DeadlineSweep(services.GetRequiredService<RoutingDbContext>(), gate,
            services.GetRequiredService<CalendarStore>(), new OutboxSignal(),
            Options.Create(new DeadlineJobOptions { SweepBatchSize = 5 }), NullLogger<DeadlineSweep>.Instance));
    }

    private async Task<List<Guid>> ReceiveAsync(int count, DateOnly dueOn, int stage, DateOnly next)
    {
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            var request = Submissions.Request(receivedOn: new DateOnly(2026, 11, 23));
            await _app.ConsumeAsync(request);
            ids.Add(request.CaseId);
        }
        await _app.ChangeAsync(db =>
        {
            foreach (var routed in db.Cases.Where(c => ids.Contains(c.Id)))
                (routed.DueOn, routed.AlertStage, routed.NextAlertOn) = (dueOn, stage, next);
        });
        return ids;
    }
}
