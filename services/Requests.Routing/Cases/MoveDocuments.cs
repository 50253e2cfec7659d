using System.Text.Json;
using Requests.Contracts.Routing;
using Requests.Domain.Lifecycle;

namespace Requests.Routing.Cases;

/// <summary>
/// The documents a move sends (<c>"documents"</c> of the form): the ids of drafts uploaded to intake, or the references
/// intake answered (<c>{id, name, size, sha256}</c>, other fields ignored). Routing checks their shape only; intake
/// delivers those that are drafts of the case.
/// </summary>
public static class MoveDocuments
{
    public const int Max = 20;

    /// <summary>The step of the case the move's documents belong to; null for a move that sends none.</summary>
    public static string? StepOf(CaseTrigger trigger) => trigger switch
    {
        CaseTrigger.AskClarification => "clarification-request",
        CaseTrigger.ReceiveClarification => "clarification-answer",
        CaseTrigger.Answer => "answer",
        CaseTrigger.AnswerRecourse => "recourse-answer",
        _ => null,
    };

    /// <summary>The references, or the errors by field (<c>documents</c>, <c>documents[i]</c>).</summary>
    public static IReadOnlyList<DocumentReference>? Read(CaseTrigger trigger, IReadOnlyList<JsonElement>? items,
        out Dictionary<string, string[]>? errors)
    {
        errors = null;
        if (items is null || items.Count == 0)
            return null;
        if (StepOf(trigger) is null)
            return Fail(out errors, "documents", "This move sends no documents: an answer, a clarification request or received, or the answer to a recourse does.");
        if (items.Count > Max)
            return Fail(out errors, "documents", $"At most {Max} documents with one move.");
        var references = new List<DocumentReference>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var field = $"documents[{i}]";
            if (Reference(items[i]) is not { } reference)
                return Fail(out errors, field, "A document's id (as intake answered the upload), or its reference {id, name, size, sha256}.");
            if (references.Any(r => r.Id == reference.Id))
                return Fail(out errors, field, "The same document twice.");
            references.Add(reference);
        }
        return references;
    }

    private static DocumentReference? Reference(JsonElement item)
    {
        if (item.ValueKind == JsonValueKind.String)
            return Guid.TryParse(item.GetString(), out var id) ? new DocumentReference(id) : null;
        if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("id", out var idValue)
            || idValue.ValueKind != JsonValueKind.String || !Guid.TryParse(idValue.GetString(), out var documentId))
            return null;
        string? name = null;
        long? size = null;
        string? sha256 = null;
        if (item.TryGetProperty("name", out var n))
        {
            if (n.ValueKind != JsonValueKind.String || n.GetString() is not { Length: > 0 and <= 255 } text || text.Any(char.IsControl))
                return null;
            name = text;
        }
        if (item.TryGetProperty("size", out var s))
        {
            if (s.ValueKind != JsonValueKind.Number || !s.TryGetInt64(out var bytes) || bytes < 0)
                return null;
            size = bytes;
        }
        if (item.TryGetProperty("sha256", out var h))
        {
            if (h.ValueKind != JsonValueKind.String || h.GetString() is not { Length: 64 } hex || !hex.All(char.IsAsciiHexDigit))
                return null;
            sha256 = hex.ToLowerInvariant();
        }
        return new DocumentReference(documentId, name, size, sha256);
    }

    private static IReadOnlyList<DocumentReference>? Fail(out Dictionary<string, string[]>? errors, string field, string message)
    {
        errors = new Dictionary<string, string[]> { [field] = [message] };
        return null;
    }
}
