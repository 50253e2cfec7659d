using System.Text.Json;
using Requests.Contracts.Intake;

namespace Requests.ServiceDefaults.Messaging;

/// <summary>A message waiting to be published, written in the same transaction as the change that caused it.</summary>
public sealed class OutboxMessage
{
    public long Seq { get; set; }
    public Guid MessageId { get; set; }
    public required string MessageType { get; set; }
    public required string Body { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? SentAt { get; set; }

    public static JsonSerializerOptions Json => MessageJson.WebOptions;

    public static OutboxMessage For<T>(T message, Guid messageId, DateTime createdAt) where T : class => new()
    {
        MessageId = messageId,
        MessageType = typeof(T).FullName!,
        Body = JsonSerializer.Serialize(message, Json),
        CreatedAt = createdAt,
    };

    /// <summary>Every message lives in Requests.Contracts: its full name is enough to find its type again.</summary>
    public static Type ResolveType(string messageType) =>
        typeof(RequestSubmitted).Assembly.GetType(messageType, throwOnError: false)
        ?? throw new InvalidOperationException($"Unknown message type '{messageType}' in the outbox.");
}

/// <summary>A message a consumer has handled: recorded with its effect, so a redelivery changes nothing.</summary>
public sealed class InboxMessage
{
    public Guid MessageId { get; set; }
    public required string Consumer { get; set; }
    public DateTime HandledAt { get; set; }
}
