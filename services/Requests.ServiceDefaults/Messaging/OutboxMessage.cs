using System.Collections.Concurrent;
using System.Data.Common;
using System.Text.Json;
using Requests.Contracts.Intake;
using Requests.ServiceDefaults.Data;

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

    /// <summary>
    /// The insert of the writers that bypass EF Core (group commits, the deadline sweep, the digest), bound with
    /// <see cref="Bind"/>; with <paramref name="ignoreDuplicates"/>, a message id already there is left as it is.
    /// </summary>
    public static DbCommand InsertCommand(DbConnection connection, DbTransaction? transaction = null, bool ignoreDuplicates = false) =>
        Commands.Prepare(connection, Commands.Insert("outbox_messages", InsertColumns) +
            (ignoreDuplicates ? " ON CONFLICT (message_id) DO NOTHING" : ""), InsertColumns.Length, transaction);

    private static readonly string[] InsertColumns = ["message_id", "message_type", "body", "created_at"];

    /// <summary>Binds <paramref name="message"/> to an <see cref="InsertCommand"/> (guids are stored as text).</summary>
    public static void Bind(DbCommand insert, OutboxMessage message) =>
        Commands.Bind(insert, message.MessageId.ToString("D"), message.MessageType, message.Body, message.CreatedAt);

    private static readonly ConcurrentDictionary<string, Type> Types = new();

    /// <summary>
    /// Every message lives in Requests.Contracts: its full name is enough to find its type again, looked up once per
    /// name (the relay asks for every message it publishes).
    /// </summary>
    public static Type ResolveType(string messageType) => Types.GetOrAdd(messageType, static name =>
        typeof(RequestSubmitted).Assembly.GetType(name, throwOnError: false)
        ?? throw new InvalidOperationException($"Unknown message type '{name}' in the outbox."));
}

/// <summary>A message a consumer has handled: recorded with its effect, so a redelivery changes nothing.</summary>
public sealed class InboxMessage
{
    public Guid MessageId { get; set; }
    public required string Consumer { get; set; }
    public DateTime HandledAt { get; set; }
}
