using System.Buffers;
using System.Reflection;
using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Requests.ServiceDefaults.Messaging;

/// <summary>
/// Publishes outbox messages to RabbitMQ directly, in the envelope MassTransit's consumers read, to the exchange
/// MassTransit publishes that message type to (a durable fanout exchange named by the bus's topology). The stored
/// body goes into the envelope as it is, and a batch waits once for the broker's confirms. Publishing through the
/// bus instead read each body back into an object, wrote it out again and ran it through the send pipeline: as much
/// CPU per message as storing the receipt that caused it.
/// </summary>
/// <remarks>Used by one relay at a time. Any failure closes the connection; the next batch opens a new one.</remarks>
public sealed class RabbitMqOutboxPublisher(RabbitMqOptions settings, IBus bus, ILogger<RabbitMqOutboxPublisher> logger)
    : IOutboxPublisher, IAsyncDisposable
{
    private const string ContentType = "application/vnd.masstransit+json";
    private static readonly CachedString NoRoutingKey = new("");

    private static readonly JsonEncodedText MessageIdName = JsonEncodedText.Encode("messageId");
    private static readonly JsonEncodedText MessageTypeName = JsonEncodedText.Encode("messageType");
    private static readonly JsonEncodedText MessageName = JsonEncodedText.Encode("message");
    private static readonly JsonEncodedText SentTimeName = JsonEncodedText.Encode("sentTime");
    private static readonly JsonEncodedText HeadersName = JsonEncodedText.Encode("headers");

    private readonly Dictionary<string, Route> _routes = [];
    private readonly ArrayBufferWriter<byte> _envelope = new(4096);
    private Utf8JsonWriter? _json;
    private IConnection? _connection;
    private IChannel? _channel;
    private Confirms? _confirms;
    private readonly HashSet<string> _declared = [];

    public async Task PublishAsync(IReadOnlyList<OutboxMessage> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
            return;
        try
        {
            var channel = await OpenAsync(cancellationToken);
            var routes = new Route[batch.Count];
            for (var i = 0; i < batch.Count; i++)
                routes[i] = await DeclareAsync(channel, batch[i].MessageType, cancellationToken);

            var first = await channel.GetNextPublishSequenceNumberAsync(cancellationToken);
            var confirmed = _confirms!.Expect(first, batch.Count);
            var sentTime = DateTime.UtcNow;
            for (var i = 0; i < batch.Count; i++)
            {
                var properties = new BasicProperties
                {
                    ContentType = ContentType,
                    DeliveryMode = DeliveryModes.Persistent,
                    MessageId = batch[i].MessageId.ToString("D"),
                };
                // the client copies the body into its frames before this returns, so the buffer is reused
                await channel.BasicPublishAsync(routes[i].Exchange, NoRoutingKey, false, properties,
                    Envelope(batch[i], routes[i], sentTime), cancellationToken);
            }
            await confirmed.WaitAsync(cancellationToken);
        }
        catch
        {
            await CloseAsync();
            throw;
        }
    }

    /// <summary>MassTransit's envelope around the stored body: what its deserializer needs, nothing more.</summary>
    private ReadOnlyMemory<byte> Envelope(OutboxMessage message, Route route, DateTime sentTime)
    {
        _envelope.ResetWrittenCount();
        if (_json is null)
            _json = new Utf8JsonWriter(_envelope);
        else
            _json.Reset(_envelope);
        _json.WriteStartObject();
        _json.WriteString(MessageIdName, message.MessageId);
        _json.WriteStartArray(MessageTypeName);
        foreach (var name in route.MessageTypes)
            _json.WriteStringValue(name);
        _json.WriteEndArray();
        _json.WritePropertyName(MessageName);
        _json.WriteRawValue(message.Body, skipInputValidation: true);
        _json.WriteString(SentTimeName, sentTime);
        _json.WriteStartObject(HeadersName);
        _json.WriteEndObject();
        _json.WriteEndObject();
        _json.Flush();
        return _envelope.WrittenMemory;
    }

    private async Task<IChannel> OpenAsync(CancellationToken cancellationToken)
    {
        if (_channel is { IsOpen: true })
            return _channel;
        await CloseAsync();
        var factory = new ConnectionFactory
        {
            HostName = settings.Host,
            Port = settings.Port,
            VirtualHost = settings.VirtualHost,
            UserName = settings.Username,
            Password = settings.Password,
            ClientProvidedName = $"{AppDomain.CurrentDomain.FriendlyName} outbox relay",
            AutomaticRecoveryEnabled = false,
        };
        _connection = await factory.CreateConnectionAsync(cancellationToken);
        _channel = await _connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: false),
            cancellationToken);
        var confirms = _confirms = new Confirms();
        _channel.BasicAcksAsync += (_, e) => confirms.Acked(e.DeliveryTag, e.Multiple);
        _channel.BasicNacksAsync += (_, e) => confirms.Refused(e.DeliveryTag, e.Multiple);
        _channel.ChannelShutdownAsync += (_, e) => confirms.Closed(e);
        _declared.Clear();
        return _channel;
    }

    /// <summary>The message type's exchange, declared as MassTransit declares it, once per connection.</summary>
    private async Task<Route> DeclareAsync(IChannel channel, string messageType, CancellationToken cancellationToken)
    {
        if (!_routes.TryGetValue(messageType, out var route))
        {
            var type = OutboxMessage.ResolveType(messageType);
            route = (Route)RouteOfMethod.MakeGenericMethod(type).Invoke(null, [bus])!;
            _routes[messageType] = route;
        }
        if (_declared.Add(route.Exchange.Value))
            await channel.ExchangeDeclareAsync(route.Exchange.Value, ExchangeType.Fanout, durable: true, autoDelete: false,
                cancellationToken: cancellationToken);
        return route;
    }

    private static readonly MethodInfo RouteOfMethod =
        typeof(RabbitMqOutboxPublisher).GetMethod(nameof(RouteOf), BindingFlags.NonPublic | BindingFlags.Static)!;

    private static Route RouteOf<T>(IBus bus) where T : class =>
        new(new CachedString(bus.Topology.Message<T>().EntityName), MessageTypeCache<T>.MessageTypeNames);

    private async Task CloseAsync()
    {
        var (connection, channel) = (_connection, _channel);
        (_connection, _channel, _confirms) = (null, null, null);
        try
        {
            if (channel is not null)
                await channel.DisposeAsync();
            if (connection is not null)
                await connection.DisposeAsync();
        }
        catch (Exception ex)
        {
            logger.LogDebug(ex, "Closing the outbox relay's broker connection failed");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await CloseAsync();
        _json?.Dispose();
    }

    private sealed record Route(CachedString Exchange, string[] MessageTypes);

    /// <summary>The broker's confirms for the batch in flight: publish sequence numbers first .. first + count - 1.</summary>
    private sealed class Confirms
    {
        private readonly Lock _lock = new();
        private TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private ulong _first;
        private bool[] _acked = [];
        private int _left;

        public Task Expect(ulong first, int count)
        {
            lock (_lock)
            {
                _done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                (_first, _acked, _left) = (first, new bool[count], count);
                return _done.Task;
            }
        }

        public Task Acked(ulong tag, bool multiple)
        {
            lock (_lock)
            {
                var (from, to) = Range(tag, multiple);
                for (var i = from; i < to; i++)
                {
                    if (_acked[i])
                        continue;
                    _acked[i] = true;
                    _left--;
                }
                if (_left == 0)
                    _done.TrySetResult();
            }
            return Task.CompletedTask;
        }

        public Task Refused(ulong tag, bool multiple)
        {
            lock (_lock)
            {
                var (from, to) = Range(tag, multiple);
                if (from < to)
                    _done.TrySetException(new InvalidOperationException("The broker refused (nack) an outbox message."));
            }
            return Task.CompletedTask;
        }

        public Task Closed(ShutdownEventArgs reason)
        {
            lock (_lock)
                _done.TrySetException(new InvalidOperationException($"The broker closed the outbox relay's channel: {reason.ReplyText}"));
            return Task.CompletedTask;
        }

        /// <summary>The indexes in this batch that a confirm of <paramref name="tag"/> covers, as [from, to).</summary>
        private (int From, int To) Range(ulong tag, bool multiple)
        {
            if (tag < _first || tag - _first >= (ulong)_acked.Length)
                return (0, 0); // outside the batch in flight
            var index = (int)(tag - _first);
            return (multiple ? 0 : index, index + 1);
        }
    }
}
