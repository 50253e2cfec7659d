using System.Collections.Concurrent;
using MassTransit;
using Requests.Contracts.Intake;

namespace Requests.Intake.Tests;

/// <summary>What the test consumer received, in order, with the message id the bus delivered it under.</summary>
public sealed class Deliveries
{
    private readonly ConcurrentQueue<(Guid MessageId, RequestSubmitted Message)> _received = new();

    public IReadOnlyList<(Guid MessageId, RequestSubmitted Message)> Received => [.. _received];

    public void Add(Guid messageId, RequestSubmitted message) => _received.Enqueue((messageId, message));

    /// <summary>Waits until at least <paramref name="count"/> messages arrived, or fails after ten seconds.</summary>
    public async Task<IReadOnlyList<(Guid MessageId, RequestSubmitted Message)>> WaitForAsync(int count)
    {
        for (var i = 0; i < 200 && _received.Count < count; i++)
            await Task.Delay(50);
        Assert.True(_received.Count >= count, $"{_received.Count} of {count} messages arrived");
        return Received;
    }
}

/// <summary>A consumer the tests add to the service's bus, as routing will subscribe to intake's messages: each filing a
/// message carries, with the message's id.</summary>
public sealed class RecordingConsumer(Deliveries deliveries) : IConsumer<SubmissionsStored>
{
    public Task Consume(ConsumeContext<SubmissionsStored> context)
    {
        foreach (var submitted in context.Message.Submissions)
            deliveries.Add(context.MessageId ?? Guid.Empty, submitted);
        return Task.CompletedTask;
    }
}
