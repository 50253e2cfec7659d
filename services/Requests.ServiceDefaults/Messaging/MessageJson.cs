using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Requests.Contracts.Intake;
using Requests.Contracts.Routing;

namespace Requests.ServiceDefaults.Messaging;

/// <summary>
/// How outbox bodies are written and read: source-generated for the messages sent in volume, reflection for
/// the rest, with the same web naming either way.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(SubmissionsStored))]
[JsonSerializable(typeof(CasesOpened))]
[JsonSerializable(typeof(CaseMoved))]
[JsonSerializable(typeof(DeadlineApproaching))]
[JsonSerializable(typeof(DeadlineMissed))]
internal sealed partial class MessageJson : JsonSerializerContext
{
    public static readonly JsonSerializerOptions WebOptions = new(JsonSerializerDefaults.Web)
    {
        TypeInfoResolver = JsonTypeInfoResolver.Combine(Default, new DefaultJsonTypeInfoResolver()),
    };
}
