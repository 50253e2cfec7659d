using System.Text.Json;
using MassTransit;

namespace Requests.ServiceDefaults.Messaging;

/// <summary>How the outbox relay hands a batch of messages to the broker.</summary>
public interface IOutboxPublisher
{
    /// <summary>Publishes every message of <paramref name="batch"/>, keeping its message id; returns once the broker has them all.</summary>
    Task PublishAsync(IReadOnlyList<OutboxMessage> batch, CancellationToken cancellationToken);
}

/// <summary>Publishes through the bus: for the in-memory transport, where there is no broker to write to.</summary>
public sealed class BusOutboxPublisher(IBus bus) : IOutboxPublisher
{
    public Task PublishAsync(IReadOnlyList<OutboxMessage> batch, CancellationToken cancellationToken) =>
        Task.WhenAll(batch.Select(message => PublishAsync(message, cancellationToken)));

    private Task PublishAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var type = OutboxMessage.ResolveType(message.MessageType);
        var body = JsonSerializer.Deserialize(message.Body, type, OutboxMessage.Json)!;
        return bus.Publish(body, type, Pipe.Execute<PublishContext>(context =>
        {
            context.MessageId = message.MessageId;
            context.Durable = true;
        }), cancellationToken);
    }
}
