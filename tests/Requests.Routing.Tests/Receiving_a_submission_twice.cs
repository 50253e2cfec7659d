using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Requests.Contracts.Intake;

namespace Requests.Routing.Tests;

// The outbox relay publishes again after a crash, with the same message id; intake could also publish twice.
public sealed class Receiving_a_submission_twice : IDisposable
{
    private readonly RoutingApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task A_redelivery_through_the_bus_creates_nothing_new()
    {
        var submitted = Submissions.Request();
        var messageId = Guid.NewGuid();
        var bus = _app.Services.GetRequiredService<IBus>();

        await bus.Publish(new SubmissionsStored([submitted]), c => c.MessageId = messageId);
        await WaitUntilAsync(() => _app.CountAsync("inbox_messages"), 1);
        await bus.Publish(new SubmissionsStored([submitted]), c => c.MessageId = messageId);
        await bus.Publish(new SubmissionsStored([Submissions.Request("MSPS")])); // handled after the redelivery: a marker that it was seen
        await WaitUntilAsync(() => _app.CountAsync("cases"), 2);

        Assert.Equal(1, await _app.CountAsync("cases", $"id = '{submitted.CaseId}'"));
        Assert.Equal(1, await _app.CountAsync("case_audit_entries", $"case_id = '{submitted.CaseId}'"));
        Assert.Equal(2, (await _app.OpenedAsync()).Count(c => c.OfficerId is not null));
    }

    [Fact]
    public async Task The_same_message_id_twice_changes_nothing()
    {
        var submitted = Submissions.Request();
        var messageId = Guid.NewGuid();

        await _app.ConsumeAsync(submitted, messageId);
        await _app.ConsumeAsync(submitted, messageId);

        Assert.Equal(1, await _app.CountAsync("cases"));
        Assert.Equal(1, await _app.CountAsync("case_audit_entries"));
        Assert.Equal(1, (await _app.OpenedAsync()).Count(c => c.OfficerId is not null));
        Assert.Equal(1, await _app.CountAsync("inbox_messages"));
    }

    [Fact]
    public async Task A_second_message_about_the_same_case_is_ignored()
    {
        var submitted = Submissions.Request();

        await _app.ConsumeAsync(submitted);
        await _app.ConsumeAsync(submitted with { BodyCode = "MSPS" });

        var row = Assert.Single(await _app.QueryAsync("SELECT body_code, assigned_officer_id FROM cases"));
        Assert.Equal("MEF", row["body_code"]);
        Assert.Equal(1, (await _app.OpenedAsync()).Count(c => c.OfficerId is not null));
        Assert.Equal(2, await _app.CountAsync("inbox_messages"));
    }

    private static async Task WaitUntilAsync(Func<Task<long>> count, long expected)
    {
        for (var i = 0; i < 200 && await count() < expected; i++)
            await Task.Delay(50);
        Assert.Equal(expected, await count());
    }
}
